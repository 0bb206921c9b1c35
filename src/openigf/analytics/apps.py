from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "openigf.analytics"
    label = "analytics"
    verbose_name = _("Participation statistics")

    def ready(self):
        from openigf.core import navigation

        for scope, label, url_name, permission, order in [
            ("edition", _("Participation"), "analytics:edition", "analytics.view_figures", 70),
            ("forum", _("Participation across editions"), "analytics:trends",
             "analytics.view_figures", 20),
            ("manage", _("Outreach: member states missing"), "analytics:outreach",
             "analytics.view_outreach", 40),
        ]:
            navigation.register(scope=scope, label=label, url_name=url_name,
                                permission=permission, order=order)
