"""The demo call for issues of 2019: about 320 inputs in six languages (``demo_texts``), two
hidden as spam, grouped into three themes, renamed, two inputs moved, and adopted as the
edition's three themes with their narratives and policy questions."""

from collections import Counter

from openigf.algorithms.clustering import concepts
from openigf.consultation import domain, themes
from openigf.consultation.demo_texts import CATEGORIES, SPAM, compose
from openigf.consultation.models import Input, InputStatus
from openigf.forums.demo import THEMES_2019
from openigf.forums.models import Edition
from openigf.people.models import Country

# The concept whose inputs make each 2019 theme.
NAMES = {"data protection": "Data Governance", "access and connectivity": "Digital Inclusion",
         "cybersecurity": "Security, Safety, Stability and Resilience"}


def load(ctx):
    with ctx.step("consultation.inputs_2019") as run:
        if run:
            _inputs(ctx, Edition.objects.get(forum__slug="igf", slug="2019"))
    with ctx.step("consultation.themes_2019") as run:
        if run:
            _themes(Edition.objects.get(forum__slug="igf", slug="2019"))


def _inputs(ctx, edition):
    domain.call_update(
        edition=edition, max_chars=2000, categories=CATEGORIES,
        introduction="The MAG invites everyone to send the Internet governance issues the IGF "
                     "2019 programme should address. The inputs are published with the "
                     "sender's stakeholder group, country and region, never their name.")
    categories = {c.name: c for c in edition.issue_categories.all()}
    countries = {c.iso2: c for c in Country.objects.exclude(iso2="")}
    rng = ctx.rng("consultation.inputs")
    rows = [{"text": r["text"], "language": r["language"], "stakeholder_group": r["group"],
             "country": countries[r["country"]], "category": categories.get(r["category"]),
             "name": f"Demo sender {n}", "email": f"sender{n}@demo.openigf.org"}
            for n, r in enumerate(compose(rng))]
    domain.inputs_import(edition=edition, rows=rows)
    for n, text in enumerate(SPAM):
        domain.inputs_import(edition=edition, rows=[{
            "text": text, "language": "en", "stakeholder_group": "private_sector",
            "country": countries["US"], "email": f"spam{n}@spam.example"}])
        domain.input_hide(item=Input.objects.get(edition=edition, text=text),
                          reason="Spam: advertising")
    ctx.log(f"    {Input.objects.filter(edition=edition, status=InputStatus.PUBLISHED).count()}"
            " inputs published")


def _themes(edition):

    grouping = themes.grouping_discover(edition=edition, k=3)
    texts = {t["name"]: t for t in THEMES_2019}
    for order, name in _names(grouping).items():
        draft = grouping.themes.get(order=order)  # its copy in the latest version
        grouping = themes.theme_rename(grouping=grouping, theme=draft, name=name)
        draft = grouping.themes.get(name=name)
        grouping = themes.theme_texts_save(
            grouping=grouping, theme=draft, narrative=texts[name]["narrative"],
            questions="\n".join(texts[name]["questions"]))
    security = grouping.themes.filter(name=NAMES["cybersecurity"]).first()
    inclusion = grouping.themes.filter(name=NAMES["access and connectivity"]).first()
    if security and inclusion:  # online abuse of women: the MAG places it under security
        moving = list(grouping.placements.filter(
            theme=inclusion, input__text__icontains="women").values_list("input_id",
                                                                       flat=True)[:2])
        if moving:
            grouping = themes.inputs_move(grouping=grouping, input_ids=moving, to=security)
    themes.grouping_adopt(grouping=grouping)


def _names(grouping) -> dict:
    """Each found theme's 2019 name (by its order): the ``NAMES`` concept its inputs name
    most often, each name given once, the largest counts first."""
    counts = []
    for draft in grouping.themes.all():
        found = Counter(c for text in grouping.placements.filter(theme=draft)
                        .values_list("input__text", flat=True)
                        for c in concepts(text) if c in NAMES)
        counts += [(n, draft.order, concept) for concept, n in found.items()]
    names = {}
    for _n, order, concept in sorted(counts, key=lambda c: (-c[0], c[1], c[2])):
        if order not in names and NAMES[concept] not in names.values():
            names[order] = NAMES[concept]
    return names
