"""Writes on forums, editions, themes and roles. Each writes the audit log."""

from django.db import transaction

from openigf.core import translations
from openigf.core.audit import audit_log, diff
from openigf.forums.enums import Role
from openigf.forums.models import Edition, Forum, Membership, PolicyQuestion, Tag, Theme
from openigf.forums.roles import forget_roles


def forum_create(*, slug: str, name: str, kind: str, actor=None, **fields) -> Forum:
    forum = Forum(slug=slug, name=name, kind=kind, **fields)
    forum.full_clean()
    forum.save()
    audit_log(action="forum.create", obj=forum, actor=actor)
    return forum


def edition_create(*, forum: Forum, year: int, title: str, start_date, end_date, actor=None,
                   slug: str | None = None, **fields) -> Edition:
    edition = Edition(forum=forum, year=year, slug=slug or str(year), title=title,
                      start_date=start_date, end_date=end_date, **fields)
    edition.full_clean()
    edition.save()
    audit_log(action="edition.create", obj=edition, actor=actor)
    return edition


def edition_update(*, edition: Edition, actor=None, **values) -> dict:
    changed = diff(edition, **values)
    if changed:
        edition.full_clean()
        edition.save()
        audit_log(action="edition.update", obj=edition, actor=actor, changes=changed)
    return changed


def theme_save(*, edition: Edition, name: str, slug: str, narrative: str = "",
               colour: str = "#1b5e91", order: int = 0, tags=(), policy_questions=(),
               theme: Theme | None = None, actor=None, versions: dict | None = None) -> Theme:
    """Create or update a theme with its suggested tags and its policy questions.

    ``name``, ``narrative`` and ``policy_questions`` are in the forum's own language;
    ``versions`` holds the other languages' (``{"name": {"fr": ...}, "policy_questions":
    {"fr": [text per question, in order]}}``, as ``ThemeForm.versions()`` gives them).
    """
    versions = dict(versions or {})
    question_versions = versions.pop("policy_questions", {})
    with transaction.atomic(), translations.writing(edition.forum.language):
        creating = theme is None
        theme = theme or Theme(edition=edition)
        changed = diff(theme, name=name, slug=slug, narrative=narrative, colour=colour,
                       order=order)
        changed_versions = translations.versions_set(theme, versions)
        theme.full_clean()
        theme.save()
        for tag_name in tags:
            Tag.objects.update_or_create(edition=edition, name=tag_name,
                                         defaults={"theme": theme, "suggested": True})
        if policy_questions:
            _policy_questions_save(theme, policy_questions, question_versions)
        audit_log(action="theme.create" if creating else "theme.update", obj=theme,
                  actor=actor, changes={**changed, **dict.fromkeys(changed_versions, "changed")})
    return theme


def _policy_questions_save(theme: Theme, texts, versions: dict) -> None:
    """The theme's questions become ``texts`` (in the forum's language, the one active), with
    the versions of each in the other languages by position."""
    theme.policy_questions.all().delete()
    questions = []
    for i, text in enumerate(texts):
        question = PolicyQuestion(edition=theme.edition, theme=theme, text=text, order=i)
        translations.versions_set(question, {"text": {
            code: lines[i] if i < len(lines) else "" for code, lines in versions.items()}})
        questions.append(question)
    PolicyQuestion.objects.bulk_create(questions)


def membership_grant(*, forum: Forum, person, role: str, edition: Edition | None = None,
                     actor=None) -> Membership:
    """Give ``person`` a role (idempotent)."""
    if role == Role.SECRETARIAT:
        edition = None
    membership = Membership(forum=forum, edition=edition, person=person, role=role)
    membership.full_clean(validate_unique=False, validate_constraints=False)
    membership, created = Membership.objects.get_or_create(forum=forum, edition=edition,
                                                           person=person, role=role)
    if created:
        audit_log(action="role.grant", obj=membership, actor=actor,
                  changes={"person": str(person), "role": role})
    forget_roles(person)
    return membership


def membership_revoke(*, membership: Membership, actor=None) -> None:
    audit_log(action="role.revoke", obj=membership.edition or membership.forum, actor=actor,
              changes={"person": str(membership.person), "role": membership.role})
    membership.delete()
    forget_roles(membership.person)
