from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    """The call for issues: community inputs before any proposal, and the themes found in
    them."""

    name = "openigf.consultation"
    label = "consultation"
    verbose_name = _("Call for issues")

    def ready(self):
        from openigf.consultation import links, privacy, tasks  # noqa: F401  the job's task
        from openigf.core import navigation
        from openigf.outbox.domain import register_link

        register_link("consultation.confirm_input", links.confirm_input_link)
        navigation.register(scope="edition", label=_("Call for issues"),
                            url_name="consultation:call", permission="consultation.view",
                            order=5, exists=_has_call, editor_permission="consultation.manage")
        navigation.register(scope="manage", label=_("Call for issues: settings and inputs"),
                            url_name="consultation:manage", permission="consultation.manage",
                            order=5)
        navigation.register(scope="manage", label=_("Call for issues: theme discovery"),
                            url_name="consultation:themes", permission="consultation.discover",
                            order=6)
        privacy.register()


def _has_call(edition):
    from openigf.forums.models import Edition

    return Edition.objects.filter(pk=edition.pk, call_for_issues_opens__isnull=False)
