"""The improvements tracker: filtered lists and the progress summary by source and status."""

from collections import Counter

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from openigf.community.enums import Cost, ImprovementCategory, ImprovementStatus
from openigf.community.models import ImprovementTag, Recommendation
from openigf.core.charts import breakdown

FILTERS = ("category", "status", "source", "responsible", "tag", "cost", "q")
DONE = (ImprovementStatus.IMPLEMENTED, ImprovementStatus.ONGOING)


def clean_filters(forum, params) -> dict:
    """The filters of a request, keeping only known values (unknown ones are ignored)."""
    sources = set(Recommendation.objects.filter(forum=forum).values_list("source", flat=True))
    result = {}
    checks = {
        "category": lambda v: v in ImprovementCategory.values,
        "status": lambda v: v in ImprovementStatus.values,
        "cost": lambda v: v in Cost.values,
        "source": lambda v: v in sources,
        "responsible": lambda v: bool(v),
        "tag": lambda v: ImprovementTag.objects.filter(forum=forum, name=v).exists(),
        "q": lambda v: bool(v),
    }
    for name in FILTERS:
        value = (params.get(name) or "").strip()
        if value and checks[name](value):
            result[name] = value
    return result


def recommendations(forum, filters: dict):
    qs = Recommendation.objects.filter(forum=forum).prefetch_related("tags")
    for name in ("category", "status", "source", "responsible", "cost"):
        if name in filters:
            qs = qs.filter(**{name: filters[name]})
    if "tag" in filters:
        qs = qs.filter(tags__name=filters["tag"])
    if "q" in filters:
        qs = qs.filter(Q(text__icontains=filters["q"]) | Q(reference__icontains=filters["q"])
                       | Q(remark__icontains=filters["q"]))
    return qs.order_by("source", "id")


def summary(forum) -> dict:
    """Counts by source and status (a table), the share done per source, and the charts."""
    rows = (Recommendation.objects.filter(forum=forum).values("source", "status")
            .annotate(n=Count("id")).order_by("source"))
    table, by_status = {}, Counter()
    for row in rows:
        table.setdefault(row["source"], Counter())[row["status"]] += row["n"]
        by_status[row["status"]] += row["n"]
    statuses = ImprovementStatus.choices
    lines = []
    for source, counts in table.items():
        total = sum(counts.values())
        done = sum(counts[s] for s in DONE)
        lines.append({"source": source, "cells": [counts.get(s, 0) for s, _l in statuses],
                      "total": total, "done_share": 100.0 * done / total if total else 0})
    total = sum(by_status.values())
    done = sum(by_status[s] for s in DONE)
    return {
        "statuses": statuses, "lines": lines, "total": total,
        "totals": [by_status.get(s, 0) for s, _l in statuses],
        "done_share": 100.0 * done / total if total else 0,
        "chart": breakdown(_("Recommendations by status"), by_status, choices=statuses,
                           slug="improvement-status"),
    }


def filter_options(forum) -> dict:
    base = Recommendation.objects.filter(forum=forum)
    return {
        "sources": list(base.values_list("source", flat=True).distinct().order_by("source")),
        "responsibles": list(base.exclude(responsible="").values_list("responsible", flat=True)
                             .distinct().order_by("responsible")),
        "tags": list(ImprovementTag.objects.filter(forum=forum).values_list("name", flat=True)),
    }
