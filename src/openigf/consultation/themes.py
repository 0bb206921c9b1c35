"""Theme discovery: the published inputs grouped into themes by the text engine
(``algorithms.clustering``), then renamed, merged, split and moved by the Secretariat and the
MAG, each change a new version; and the adoption of a version as the edition's themes.

Every edit copies the latest version into a new one and changes the copy, so that any version
can be read again as it was."""

import hashlib
import re
from collections import Counter

from django.core.cache import cache
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from openigf.algorithms.clustering import (
    SAMPLE_SHARE,
    Text,
    distinctive_terms,
    find_themes,
    suggest_k,
)
from openigf.consultation.models import DraftTheme, Grouping, Input, Placement
from openigf.core import textlimits, translations
from openigf.core.audit import audit_log
from openigf.core.errors import ApplicationError, Conflict
from openigf.forums.domain import theme_save

MAX_K = 30


def inputs_to_group(edition):
    return Input.objects.published().filter(edition=edition).order_by("id")


def k_check(edition, k: int) -> int:
    """Refuse a number of themes the inputs cannot fill, with the reason."""
    n = inputs_to_group(edition).count()
    if n < 2:
        raise ApplicationError(_("At least two published inputs are needed to find themes; "
                                 "there are %(n)d.") % {"n": n}, fields={"k": _("Too few inputs.")})
    if not 1 <= k <= min(n, MAX_K):
        message = _("Choose between 1 and %(most)d themes: there are %(n)d published inputs.") \
            % {"most": min(n, MAX_K), "n": n}
        raise ApplicationError(message, fields={"k": message})
    return k


SUGGEST_UP_TO = 10  # the most themes the suggestion tries


def k_suggestion(edition, *, compute: bool = False) -> dict | None:
    """The suggested number of themes and why (the stability of each k tried): the one kept
    for the published inputs as they are, worked out first when ``compute`` (it takes seconds
    on 300 inputs, so it runs as a job: ``tasks.themes_suggest``); None when there is none."""
    rows = list(inputs_to_group(edition).values_list("id", "text"))
    if len(rows) < 4:
        return None
    high = min(SUGGEST_UP_TO, MAX_K, len(rows) - 1)
    # Kept until the published inputs change: the suggestion takes seconds on 300 inputs.
    digest = hashlib.sha256("\n".join(f"{i}:{t}" for i, t in rows).encode()).hexdigest()
    key = f"consultation:k:{edition.pk}:{high}:{digest}"
    suggestion = cache.get(key)
    if suggestion is None:
        if not compute:
            return None
        suggestion = suggest_k([t for _i, t in rows], high=high)
        cache.set(key, suggestion, 24 * 3600)
    return {"k": suggestion.k, "scores": sorted(suggestion.scores.items()),
            "reason": _("The inputs were grouped again and again, each time from a random "
                        "%(share)d%% of them, into 2 to %(high)d themes (at most one less than "
                        "the number of inputs), and the groupings compared (stability, from 0 "
                        "as by chance to 1 always the same). Going to %(k)d themes from one "
                        "fewer raises the stability the most of all the numbers tried (to "
                        "%(score).2f): with them, the inputs fall into themes they keep coming "
                        "back to.")
            % {"k": suggestion.k, "score": suggestion.scores.get(suggestion.k, 0),
               "high": high, "share": round(SAMPLE_SHARE * 100)}}


def latest(edition) -> Grouping | None:
    return Grouping.objects.filter(edition=edition).order_by("-version").first()


def _next_version(edition) -> int:
    return (Grouping.objects.filter(edition=edition).aggregate(v=Max("version"))["v"] or 0) + 1


def grouping_discover(*, edition, k: int, person=None, progress=None) -> Grouping:
    """Group the published inputs into ``k`` themes as a new version.

    Side effects, in order: k checked, the engine run, one ``Grouping`` with its themes
    (named by their distinctive terms, narrative and questions drafted) and placements,
    audit log.
    """
    k_check(edition, k)
    inputs = list(inputs_to_group(edition).only("id", "text"))
    if progress:
        progress(1, 3, _("Reading %(n)d inputs") % {"n": len(inputs)})
    result = find_themes([Text(i.pk, i.text) for i in inputs], k=k)
    if progress:
        progress(2, 3, _("Saving %(k)d themes") % {"k": len(result.themes)})
    texts = {i.pk: i.text for i in inputs}
    with transaction.atomic():
        grouping = Grouping.objects.create(
            edition=edition, version=_next_version(edition), k=k, made_by=person,
            change=_("Grouped %(n)d inputs into %(k)d themes") % {"n": len(inputs), "k": k})
        placements = []
        for order, found in enumerate(result.themes):
            with translations.writing(edition.forum.language):  # drafts of the forum's texts
                narrative = _narrative([texts[i] for i in found.ids[:3]], len(found.ids))
                questions = _questions([texts[i] for i in found.ids], found.terms)
            theme = DraftTheme.objects.create(
                grouping=grouping, order=order, terms=found.terms,
                name=_theme_name(found.terms, order), narrative=narrative, questions=questions)
            placements += [Placement(grouping=grouping, input_id=i, theme=theme, score=s)
                           for i, s in zip(found.ids, found.scores, strict=True)]
        placements += [Placement(grouping=grouping, input_id=i) for i in result.ungrouped]
        Placement.objects.bulk_create(placements)
        audit_log(action="issue_grouping.discover", obj=grouping, edition=edition,
                  changes={"k": k, "theme_count": len(result.themes),
                           "ungrouped": len(result.ungrouped)})
    return grouping


def _theme_name(terms: list, order: int) -> str:
    return (", ".join(terms[:2]).capitalize() if terms
            else _("Theme %(n)d") % {"n": order + 1})[:200]


def _first_sentence(text: str) -> str:
    sentence = re.split(r"(?<=[.!?。！？])\s*", text.strip(), maxsplit=1)[0]
    return sentence if len(sentence) <= 240 else sentence[:237].rstrip() + "…"


def _narrative(representative: list[str], size: int) -> str:
    """A draft to edit: how many inputs the theme holds and what its most typical ones say."""
    lines = [_("%(n)d inputs raise this theme. The most typical say:") % {"n": size}]
    lines += [f"– {_first_sentence(t)}" for t in representative]
    return "\n".join(lines)


def _questions(texts: list[str], terms: list) -> str:
    """Questions the inputs themselves ask, else one question a distinctive term."""
    asked = []
    for text in texts:
        for sentence in re.split(r"(?<=[.!?。！？])\s*", text):
            if sentence.strip().endswith(("?", "？")) and 20 <= len(sentence) <= 240:
                asked.append(sentence.strip())
    if len(asked) < 3:
        asked += [_("What should be done about %(term)s, and by whom?") % {"term": term}
                  for term in terms[:3 - len(asked)]]
    return "\n".join(dict.fromkeys(asked[:3]))


def _derive(grouping: Grouping, change: str, person=None):
    """A copy of ``grouping`` (the latest version) as the next version; returns it and the
    map of the old themes to their copies."""
    if grouping.pk != latest(grouping.edition).pk:
        raise Conflict(_("This is not the latest version: edit version %(v)d instead.")
                       % {"v": latest(grouping.edition).version})
    copy = Grouping.objects.create(edition=grouping.edition, k=grouping.k, made_by=person,
                                   version=_next_version(grouping.edition), parent=grouping,
                                   change=change[:300])
    themes = {}
    for theme in grouping.themes.all():
        themes[theme.pk] = DraftTheme.objects.create(
            grouping=copy, name=theme.name, terms=theme.terms, narrative=theme.narrative,
            questions=theme.questions, order=theme.order)
    Placement.objects.bulk_create(
        Placement(grouping=copy, input_id=p.input_id, score=p.score,
                  theme=themes.get(p.theme_id)) for p in grouping.placements.all())
    return copy, themes


def _audit(copy: Grouping, action: str, **changes):
    audit_log(action=f"issue_grouping.{action}", obj=copy, edition=copy.edition,
              changes={"version": copy.version, **changes})


NAME_LIMIT = 200


@transaction.atomic
def theme_rename(*, grouping, theme, name: str, person=None) -> Grouping:
    """A new version in which ``theme`` is called ``name``."""
    name = (name or "").strip()
    if not name:
        raise ApplicationError(_("Give the theme a name."), fields={"name": _("Required.")})
    if len(name) > NAME_LIMIT:
        message = _("At most %(n)d characters.") % {"n": NAME_LIMIT}
        raise ApplicationError(message, fields={"name": message})
    copy, themes = _derive(grouping, _("Renamed “%(old)s” to “%(new)s”")
                           % {"old": theme.name, "new": name}, person)
    DraftTheme.objects.filter(pk=themes[theme.pk].pk).update(name=name)
    _audit(copy, "rename", name=[theme.name, name])
    return copy


@transaction.atomic
def theme_texts_save(*, grouping, theme, narrative: str, questions: str,
                     person=None) -> Grouping:
    """A new version with the theme's narrative and policy questions as edited by hand."""
    too_long = {field: _("At most %(n)d characters.") % {"n": limit}
                for field, value, limit in (("narrative", narrative, textlimits.LONG),
                                            ("questions", questions, textlimits.TEXT))
                if len(value or "") > limit}
    if too_long:
        raise ApplicationError(next(iter(too_long.values())), fields=too_long)
    copy, themes = _derive(grouping, _("Edited the narrative and questions of “%(name)s”")
                           % {"name": theme.name}, person)
    DraftTheme.objects.filter(pk=themes[theme.pk].pk).update(narrative=narrative.strip(),
                                                             questions=questions.strip())
    _audit(copy, "texts", theme=theme.name)
    return copy


@transaction.atomic
def themes_merge(*, grouping, theme, into, person=None) -> Grouping:
    """A new version in which the inputs of ``theme`` join ``into`` and ``theme`` is gone."""
    if theme.pk == into.pk:
        raise ApplicationError(_("Choose another theme to merge with."))
    copy, themes = _derive(grouping, _("Merged “%(a)s” into “%(b)s”")
                           % {"a": theme.name, "b": into.name}, person)
    target = themes[into.pk]
    copy.placements.filter(theme=themes[theme.pk]).update(theme=target)
    themes[theme.pk].delete()
    _relabel(target)
    _audit(copy, "merge", merged=theme.name, into=into.name)
    return copy


@transaction.atomic
def theme_split(*, grouping, theme, person=None) -> Grouping:
    """A new version in which the engine splits ``theme`` in two."""
    placements = list(grouping.placements.filter(theme=theme).select_related("input"))
    if len(placements) < 4:
        raise ApplicationError(_("A theme needs at least four inputs to be split."))
    copy, themes = _derive(grouping, _("Split “%(name)s” in two") % {"name": theme.name},
                           person)
    result = find_themes([Text(p.input_id, p.input.text) for p in placements], k=2,
                         outlier_share=-1)  # a split keeps every input
    kept = themes[theme.pk]
    second = DraftTheme.objects.create(grouping=copy, order=kept.order + 1,
                                       name=(_("%(name)s (2)") % {"name": kept.name})[:200],
                                       narrative=kept.narrative, questions=kept.questions)
    for part, target in zip(result.themes, (kept, second), strict=False):
        copy.placements.filter(input_id__in=part.ids).update(theme=target)
        _relabel(target)
    _audit(copy, "split", theme=theme.name)
    return copy


@transaction.atomic
def inputs_move(*, grouping, input_ids: list[int], to=None, person=None) -> Grouping:
    """A new version in which the inputs ``input_ids`` sit in ``to`` (None: ungrouped)."""
    moving = grouping.placements.filter(input_id__in=input_ids)
    if not moving.exists():
        raise ApplicationError(_("Choose the inputs to move."))
    n = moving.count()
    copy, themes = _derive(grouping, _("Moved %(n)d inputs to “%(to)s”")
                           % {"n": n, "to": to.name if to else _("no theme")}, person)
    copy.placements.filter(input_id__in=input_ids).update(
        theme=themes[to.pk] if to else None, score=0)
    _audit(copy, "move", inputs=sorted(input_ids), to=to.name if to else "")
    return copy


def _relabel(theme: DraftTheme) -> None:
    """Distinctive terms of ``theme`` against the other themes of its grouping, again."""
    themes = list(theme.grouping.themes.all())
    texts = {t.pk: [] for t in themes}
    for theme_id, text in theme.grouping.placements.filter(theme__isnull=False).values_list(
            "theme_id", "input__text"):
        texts[theme_id].append(text)
    terms = distinctive_terms([texts[t.pk] for t in themes])
    for t, words in zip(themes, terms, strict=True):
        if t.pk == theme.pk:
            DraftTheme.objects.filter(pk=t.pk).update(terms=words)


def makeup(grouping) -> dict:
    """For each theme of ``grouping`` (and None: ungrouped), its inputs with text and
    classifications, and its make-up by stakeholder group and region."""
    rows = (grouping.placements.select_related("input__country")
            .order_by("theme_id", "-score", "input_id"))
    result = {}
    for p in rows:
        entry = result.setdefault(p.theme_id, {"inputs": [], "groups": Counter(),
                                               "regions": Counter()})
        entry["inputs"].append(p.input)
        entry["groups"][p.input.stakeholder_group] += 1
        entry["regions"][p.input.regional_group] += 1
    return result


def adoption_preview(grouping) -> list[dict]:
    """What adopting ``grouping`` does to each theme of the edition: created, or updated where
    a theme has the same short name or the same name."""
    current = list(grouping.edition.themes.all())
    by_slug = {t.slug: t for t in current}
    by_name = {t.name.casefold(): t for t in current}
    lines = []
    for draft in grouping.themes.all():
        theme = by_slug.get(_slug(draft.name)) or by_name.get(draft.name.casefold())
        lines.append({"draft": draft, "theme": theme,
                      "slug": theme.slug if theme else _slug(draft.name),
                      "questions": [q.strip() for q in draft.questions.splitlines()
                                    if q.strip()]})
    return lines


def _slug(name: str) -> str:
    return slugify(name)[:50] or "theme"


@transaction.atomic
def grouping_adopt(*, grouping, person=None) -> list:
    """Make the themes of ``grouping`` the edition's themes (``forums.Theme``), which the call
    for proposals then offers: each created, or updated where a theme of the same short name
    exists, with its narrative, policy questions and distinctive terms as suggested tags.
    Adopting the same version again changes nothing more.

    Side effects, in order: the themes saved through ``forums.domain.theme_save`` (each
    audited), the version marked adopted, audit log.
    """

    themes = []
    for order, line in enumerate(adoption_preview(grouping)):
        draft = line["draft"]
        themes.append(theme_save(
            edition=grouping.edition, name=draft.name, slug=line["slug"], theme=line["theme"],
            narrative=draft.narrative, tags=draft.terms[:5],
            order=line["theme"].order if line["theme"] else order,
            colour=line["theme"].colour if line["theme"] else "#1b5e91",
            policy_questions=line["questions"], actor=person))
    if grouping.adopted_at is None:
        grouping.adopted_at = timezone.now()
        grouping.save(update_fields=["adopted_at", "updated"])
        audit_log(action="issue_grouping.adopt", obj=grouping, edition=grouping.edition,
                  changes={"adopted_themes": [t.name for t in themes]})
    return themes
