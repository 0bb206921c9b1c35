"""Reads about forums and editions used by several pages."""

from django.core.management.base import CommandError
from django.db.models import Count, Q

from openigf.forums.enums import Role
from openigf.forums.models import Edition, Forum, Membership


def edition_from(ref: str) -> Edition:
    """The edition a command names as ``<forum>/<edition>`` (``igf/2019``)."""
    try:
        forum, edition = ref.strip("/").split("/")
        return Edition.objects.select_related("forum").get(forum__slug=forum, slug=edition)
    except (ValueError, Edition.DoesNotExist):
        raise CommandError(f"No edition {ref!r}; give it as <forum>/<edition>, "
                           "e.g. igf/2019.") from None


def forums_with_editions():
    return Forum.objects.select_related("country").prefetch_related("editions").annotate(
        edition_count=Count("editions"))


# Panels later apps add to an edition's home: ``fn(edition) -> {"template": ..., ...} | None``
# (the template is included with the panel as ``panel``). Registered in ``AppConfig.ready()``.
EDITION_PANELS: list = []


def register_edition_panel(fn):
    if fn not in EDITION_PANELS:
        EDITION_PANELS.append(fn)
    return fn


def edition_overview(edition: Edition) -> dict:
    themes = list(edition.themes.prefetch_related("policy_questions", "tags"))
    mag = Membership.objects.filter(edition=edition, role=Role.MAG)
    return {
        "themes": themes,
        "phases": edition.phases(),
        "mag_count": mag.count(),
        "panels": [panel for panel in (fn(edition) for fn in EDITION_PANELS) if panel],
    }


def secretariat_of(forum: Forum):
    return Membership.objects.filter(Q(forum=forum) & Q(role=Role.SECRETARIAT)).select_related(
        "person")


def editions_visible_to(forum: Forum, person):
    """The editions of ``forum`` a person sees listed: every one for its Secretariat, the
    published ones for everybody else."""
    editions = forum.editions.all()
    if not person.has_perm("forums.manage_forum", forum):
        editions = editions.filter(published=True)
    return editions
