"""The NRI directory: listed initiatives, counts by type and region, the map."""

from collections import Counter, defaultdict

from django.db.models import Max, Prefetch
from django.utils.translation import gettext as _

from openigf.community.enums import NriKind, NriStatus, RequestStatus
from openigf.community.models import Initiative, RecognitionRequest
from openigf.core.charts import breakdown
from openigf.people.enums import RegionalGroup


def directory(forum, *, kind: str = "", region: str = ""):
    """Listed initiatives of ``forum``, optionally of one type or region (unknown values are
    ignored)."""
    qs = Initiative.objects.listed().filter(forum=forum).select_related("country", "forum")
    if kind in NriKind.values:
        qs = qs.filter(kind=kind)
    if region in RegionalGroup.values:
        qs = qs.filter(regional_group=region)
    return qs.order_by("name")


def directory_charts(initiatives) -> list:
    by_kind = Counter(i.kind for i in initiatives)
    by_region = Counter(i.regional_group for i in initiatives)
    return [
        breakdown(_("Initiatives by type"), by_kind, choices=NriKind.choices, slug="nri-kind"),
        breakdown(_("Initiatives by region"), by_region, choices=RegionalGroup.choices,
                  slug="nri-region", keep_empty=False),
    ]


def by_country(initiatives) -> dict[str, list[str]]:
    """M49 code -> names of the initiatives of that country (national and youth)."""
    result = defaultdict(list)
    for i in initiatives:
        if i.country_id:
            result[i.country_id].append(i.name)
    return dict(result)


def country_list(initiatives) -> list[dict]:
    """The accessible list beside the map: each country and its initiatives."""
    rows = defaultdict(list)
    for i in initiatives:
        if i.country_id:
            rows[i.country].append(i)
    return [{"country": c, "initiatives": sorted(v, key=lambda i: i.name)}
            for c, v in sorted(rows.items(), key=lambda kv: str(kv[0]))]


def without_country(initiatives) -> list[Initiative]:
    return [i for i in initiatives if not i.country_id]


def registry_overview(forum):
    """Every initiative of the registry for the Secretariat, with its last report year."""
    return (Initiative.objects.filter(forum=forum).select_related("country", "forum")
            .annotate(last_report=Max("reports__year")).order_by("status", "name"))


def pending_requests(forum):
    return (RecognitionRequest.objects.filter(initiative__forum=forum,
                                              status=RequestStatus.PENDING)
            .select_related("initiative", "submitted_by").order_by("created"))


def initiative_detail(forum, slug):
    return (Initiative.objects.filter(forum=forum, slug=slug)
            .select_related("country", "hosted_forum", "forum")
            .prefetch_related("reports", "focal_points",
                              Prefetch("requests", queryset=RecognitionRequest.objects
                                       .prefetch_related("team")))
            .first())


STATUS_ORDER = [NriStatus.REQUESTED, NriStatus.RECOGNISED, NriStatus.LAPSED, NriStatus.DECLINED]
