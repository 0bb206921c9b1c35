from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "openigf.outcomes"
    label = "outcomes"
    verbose_name = _("IGF Messages and the Chair's Summary")

    def ready(self):
        from openigf.core import navigation
        from openigf.outcomes import privacy

        for scope, label, url_name, permission, order, exists in [
            ("edition", _("IGF Messages"), "outcomes:messages", "outcomes.view", 50,
             _public_messages),
            ("edition", _("Chair's Summary"), "outcomes:summary", "outcomes.view", 51,
             _published_summary),
            ("manage", _("IGF Messages: editors and comments"), "outcomes:editor",
             "outcomes.edit", 40, None),
        ]:
            navigation.register(scope=scope, label=label, url_name=url_name,
                                permission=permission, order=order, exists=exists,
                                editor_permission="outcomes.edit")
        privacy.register()


def _public_messages(edition):
    from openigf.outcomes.models import IgfMessage, MessageStatus

    return IgfMessage.objects.filter(edition=edition).exclude(status=MessageStatus.DRAFT)


def _published_summary(edition):
    from openigf.outcomes.models import ChairsSummary

    return ChairsSummary.objects.filter(edition=edition, published=True)
