from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "openigf.proposals"
    label = "proposals"
    verbose_name = _("Session proposals")

    def ready(self):
        from openigf.core import navigation
        from openigf.proposals import privacy

        for url_name, label, permission, order in [
            ("proposals:overview", _("Proposals"), "proposals.view_overview", 20),
            ("proposals:mine", _("My proposals"), "proposals.propose", 21),
        ]:
            navigation.register(scope="edition", label=label, url_name=url_name,
                                permission=permission, order=order, exists=_calls)
        for scope, label, url_name, permission, order in [
            ("manage", _("Calls for proposals"), "proposals:manage_calls",
             "proposals.manage_calls", 10),
            ("manage", _("Screening of proposals"), "proposals:screening_list",
             "proposals.screen", 11),
            ("manage", _("Look-alike proposals"), "proposals:similar", "proposals.screen", 12),
        ]:
            navigation.register(scope=scope, label=label, url_name=url_name,
                                permission=permission, order=order)
        privacy.register()


def _calls(edition):
    from openigf.proposals.models import Call

    return Call.objects.filter(edition=edition)
