from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "openigf.reporting"
    label = "reporting"
    verbose_name = _("Session reports")

    def ready(self):
        from openigf.core import navigation
        from openigf.programme import sections
        from openigf.proposals.screening import register_report_source
        from openigf.reporting import privacy
        from openigf.reporting.domain import missing_reports
        from openigf.reporting.views.pages import section_context

        sections.register("reports", template="reporting/section.html",
                          context=section_context, order=30)
        register_report_source(missing_reports)
        for label, url_name, order in [(_("Report compliance"), "reporting:compliance", 30),
                                       (_("Report templates"), "reporting:templates", 31)]:
            navigation.register(scope="manage", label=label, url_name=url_name,
                                permission="programme.manage", order=order)
        privacy.register()
