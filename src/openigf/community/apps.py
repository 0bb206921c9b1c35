from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "openigf.community"
    label = "community"
    verbose_name = _("Community registry")

    def ready(self):
        from openigf.community import privacy
        from openigf.core import navigation

        navigation.register(scope="edition", label=_("MAG"), url_name="community:mag",
                            permission="community.view_edition", order=60, exists=_mag)
        navigation.register(scope="edition", label=_("Best Practice Forums"),
                            url_name="community:bpfs", permission="community.view_edition",
                            order=61, exists=_bpfs)
        for scope, label, url_name, permission, order in [
            ("edition", _("Community"), "community:home", "community.view_registry", 62),
            ("manage", _("MAG roster, terms and rotation"), "community:manage_mag",
             "community.manage_mag", 20),
            ("manage", _("Community registry: NRIs, coalitions, donors"), "community:manage",
             "community.manage_registry", 21),
            ("forum", _("Community"), "community:home", "community.view_registry", 10),
            ("forum", _("NRIs"), "community:nris", "community.view_registry", 11),
            ("forum", _("Dynamic Coalitions"), "community:coalitions",
             "community.view_registry", 12),
            ("forum", _("Improvements"), "community:improvements", "community.view_registry",
             13),
            ("forum", _("Donors"), "community:donors", "community.view_registry", 14),
            ("forum", _("My community records"), "community:mine", "community.view_own", 15),
            ("forum", _("Manage the registry"), "community:manage",
             "community.manage_registry", 16),
        ]:
            navigation.register(scope=scope, label=label, url_name=url_name,
                                permission=permission, order=order)
        privacy.register()


def _mag(edition):
    from openigf.forums.models import Membership

    return Membership.objects.filter(edition=edition, role="mag")


def _bpfs(edition):
    from openigf.community.models import BestPracticeForum

    return BestPracticeForum.objects.filter(edition=edition)
