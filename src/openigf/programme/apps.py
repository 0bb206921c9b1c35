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
            ("edition", _("My schedule"), "programme:mine", "programme.star", 21, _releases),
            ("manage", _("Programme and schedule"), "programme:manage", "programme.manage",
             10, None),
        ]:
            navigation.register(scope=scope, label=label, url_name=url_name,
                                permission=permission, order=order, exists=exists)
        privacy.register("programme", export=_export, erase=_erase)


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
