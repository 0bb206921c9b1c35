"""Writes on the improvements tracker: one recommendation, or a whole CSV sheet at once."""

from django.db import transaction

from openigf.community.models import ImprovementTag, Recommendation
from openigf.core.audit import audit_log, diff
from openigf.core.errors import validate

FIELDS = ["text", "category", "source", "reference", "responsible", "cost", "status", "remark"]


def _tags(forum, names) -> list[ImprovementTag]:
    names = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    existing = {t.name: t for t in ImprovementTag.objects.filter(forum=forum, name__in=names)}
    missing = [ImprovementTag(forum=forum, name=n) for n in names if n not in existing]
    for tag in missing:
        validate(tag, exclude=["forum"], validate_unique=False)
    ImprovementTag.objects.bulk_create(missing)
    if missing:
        existing.update({t.name: t for t in ImprovementTag.objects.filter(
            forum=forum, name__in=[m.name for m in missing])})
    return [existing[n] for n in names]


@transaction.atomic
def recommendation_save(*, forum, recommendation: Recommendation | None = None, tags=(),
                        actor=None, **values) -> Recommendation:
    """Create or update a recommendation with its tags. Side effects: save, audit log
    ``improvement.create`` or ``improvement.update``."""
    creating = recommendation is None
    recommendation = recommendation or Recommendation(forum=forum)
    changed = diff(recommendation, **{k: v for k, v in values.items() if k in FIELDS})
    validate(recommendation)
    recommendation.save()
    old_tags = sorted(t.name for t in recommendation.tags.all()) if not creating else []
    new_tags = _tags(forum, tags)
    recommendation.tags.set(new_tags)
    if sorted(t.name for t in new_tags) != old_tags:
        changed["tags"] = [old_tags, sorted(t.name for t in new_tags)]
    if creating or changed:
        audit_log(action="improvement.create" if creating else "improvement.update",
                  obj=recommendation, actor=actor, forum=forum, changes=changed)
    return recommendation


@transaction.atomic
def recommendations_import(*, forum, rows: list[dict], actor=None) -> dict:
    """Save checked rows (see ``importers.parse_recommendations``): a row whose reference is
    already in the tracker updates it, the others are added. Rows are checked before, so this
    writes all of them or, on any database error, none.

    Side effects: the recommendations and tags; audit log ``improvement.import`` with counts.
    """
    existing = {r.reference: r for r in Recommendation.objects.filter(
        forum=forum, reference__in=[row["reference"] for row in rows]).prefetch_related("tags")}
    created = updated = 0
    for row in rows:
        row = dict(row)
        tags = row.pop("tags", [])
        current = existing.get(row["reference"])
        before = None if current is None else (
            [getattr(current, f) for f in FIELDS], sorted(t.name for t in current.tags.all()))
        saved = recommendation_save(forum=forum, recommendation=current, tags=tags,
                                    actor=actor, **row)
        if current is None:
            created += 1
        elif before != ([getattr(saved, f) for f in FIELDS], sorted(tags)):
            updated += 1
    counts = {"created": created, "updated": updated, "rows": len(rows)}
    audit_log(action="improvement.import", obj=forum, actor=actor, changes=counts)
    return counts


def recommendation_delete(*, recommendation: Recommendation, actor=None) -> None:
    audit_log(action="improvement.delete", obj=recommendation.forum, actor=actor,
              changes={"reference": recommendation.reference})
    recommendation.delete()
