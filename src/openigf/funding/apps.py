from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "openigf.funding"
    label = "funding"
    verbose_name = _("Travel support and NRI grants")

    def ready(self):
        from openigf.core import navigation, privacy
        from openigf.funding import tasks  # noqa: F401  registers the jobs the views start

        for scope, label, url_name, permission, order, exists in [
            ("edition", _("Travel support"), "funding:travel", "funding.apply", 11,
             _travel_calls),
            ("edition", _("NRI grants"), "funding:grants", "funding.apply", 12, _grant_calls),
            ("manage", _("Travel support: applications and selection"),
             "funding:travel_manage", "funding.manage", 55, None),
            ("manage", _("NRI grants: applications and selection"), "funding:grants_manage",
             "funding.manage", 56, None),
        ]:
            navigation.register(scope=scope, label=label, url_name=url_name,
                                permission=permission, order=order, exists=exists)
        privacy.register("travel_support", export=_export, erase=_erase)


def _travel_calls(edition):
    from openigf.funding.models import TravelCall

    return TravelCall.objects.filter(edition=edition)


def _grant_calls(edition):
    from openigf.funding.models import GrantCall

    return GrantCall.objects.filter(edition=edition)


def _export(person):
    from openigf.funding.models import GrantApplication, TravelApplication

    return [*({"call": a.call.name, "cost_estimate": str(a.cost_estimate),
               "cost_breakdown": a.cost_breakdown, "status": a.status,
               "contribution": a.contribution, "recommendation": a.recommendation,
               "decision_note": a.decision_note, "trip_report": a.trip_report}
              for a in TravelApplication.objects.filter(person=person).select_related("call")),
            *({"call": g.call.name, "initiative": str(g.initiative), "status": g.status,
               "purpose": g.purpose, "report": g.report}
              for g in GrantApplication.objects.filter(applied_by=person).select_related(
                  "call", "initiative"))]


def _erase(person):
    from openigf.funding.models import GrantApplication, TravelApplication

    TravelApplication.objects.filter(person=person).update(
        cost_breakdown="", recommendation="", contribution="", trip_report="",
        decision_note="")
    GrantApplication.objects.filter(applied_by=person).update(applied_by=None)
