from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "openigf.programme"
    label = "programme"
    verbose_name = _("Programme")

    def ready(self):
        from openigf.core import navigation, privacy
        from openigf.programme import tasks  # noqa: F401  registers the jobs the views start

        for scope, label, url_name, permission, order, exists in [
            ("edition", _("Agenda"), "programme:agenda", "programme.view_agenda", 20,
             _releases),
            ("edition", _("My schedule"), "programme:mine", "programme.view_agenda", 21,
             _releases),
            ("manage", _("Programme and schedule"), "programme:manage", "programme.manage",
             10, None),
        ]:
            navigation.register(scope=scope, label=label, url_name=url_name,
                                permission=permission, order=order, exists=exists)
        privacy.register("programme", export=_export, erase=_erase)
        from django.db.models.signals import m2m_changed, post_delete, post_save

        post_save.connect(_touched, dispatch_uid="programme-pages-touched-save")
        post_delete.connect(_touched, dispatch_uid="programme-pages-touched-delete")
        m2m_changed.connect(_touched, dispatch_uid="programme-pages-touched-m2m")


SHOWN_ELSEWHERE = {"forums.Edition", "forums.Theme", "forums.Tag", "forums.Forum"}
PERSONAL = {"programme.Star", "programme.FeedToken"}


def _touched(sender, instance, **kwargs):
    """Forget the kept public pages of the edition whose programme a saved or deleted row
    shows on: the programme's rows, the edition and its themes and tags, and rows of the parts
    that add sections to session pages (a transcript, a report)."""
    from openigf.programme import pagecache, sections

    meta = getattr(instance, "_meta", None)
    if meta is None or meta.label in PERSONAL:
        return
    if meta.label == "forums.Edition":
        pagecache.bump(instance.pk)
    elif meta.label == "forums.Forum":
        for edition_id in instance.editions.values_list("pk", flat=True):
            pagecache.bump(edition_id)
    elif meta.label == "people.Person":  # a speaker's public profile
        if set(kwargs.get("update_fields") or ()) <= {"last_login", "password"} and kwargs.get(
                "update_fields"):
            return
        for edition_id in _editions_of_person(instance):
            pagecache.bump(edition_id)
    elif meta.app_label == "programme" or meta.label in SHOWN_ELSEWHERE or (
            meta.app_label in sections.apps() and hasattr(instance, "session_id")):
        pagecache.bump(_edition_id(instance))


def _editions_of_person(person):
    from openigf.programme.models import SessionPerson

    if person.pk is None:
        return []
    return set(SessionPerson.objects.filter(person_id=person.pk)
               .values_list("session__edition_id", flat=True))


def _edition_id(instance):
    from openigf.programme.models import Session

    if getattr(instance, "edition_id", None):
        return instance.edition_id
    session_id = getattr(instance, "session_id", None)
    if session_id is None:
        return None
    return Session.objects.filter(pk=session_id).values_list("edition_id", flat=True).first()


def _releases(edition):
    from openigf.programme.models import Release

    return Release.objects.filter(edition=edition)


def _export(person) -> dict:
    from openigf.programme.models import SessionPerson, Star

    return {
        "sessions": [{"session": r.session.title, "role": r.role, "name": r.name,
                      "email": r.email} for r in
                     SessionPerson.objects.filter(person=person).select_related("session")],
        "personal_schedule": list(Star.objects.filter(person=person)
                                  .values_list("session__title", flat=True)),
    }


def _erase(person) -> None:
    from openigf.programme.models import SessionPerson, Star

    Star.objects.filter(person=person).delete()
    SessionPerson.objects.filter(person=person).update(name="—", email="", organisation="")
