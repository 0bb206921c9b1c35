from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "openigf.outcomes"
    label = "outcomes"
    verbose_name = _("IGF Messages and the Chair's Summary")

    def ready(self):
        from openigf.core import navigation
        from openigf.outcomes import privacy

        for scope, label, url_name, permission, order in [
            ("edition", _("IGF Messages"), "outcomes:messages", "outcomes.view", 50),
            ("edition", _("Chair's Summary"), "outcomes:summary", "outcomes.view", 51),
            ("manage", _("IGF Messages: editors and comments"), "outcomes:editor",
             "outcomes.edit", 40),
        ]:
            navigation.register(scope=scope, label=label, url_name=url_name,
                                permission=permission, order=order)
        privacy.register()
