from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    name = "openigf.registration"
    label = "registration"
    verbose_name = _("Registration")

    def ready(self):
        from openigf.core import navigation, privacy

        for scope, label, url_name, permission, order in [
            ("edition", _("Register"), "registration:register", "registration.register", 10),
            ("manage", _("Registrations and figures"), "registration:manage",
             "registration.manage", 50),
            ("manage", _("Check-in"), "registration:checkin", "registration.check_in", 51),
        ]:
            navigation.register(scope=scope, label=label, url_name=url_name,
                                permission=permission, order=order)
        privacy.register("registrations", export=_export, erase=_erase)


def _export(person):
    from openigf.registration.models import Registration

    return [{"edition": str(r.edition), "attendance": r.attendance, "status": r.status,
             "answers": r.answers, "checked_in": r.checked_in_at.isoformat()
             if r.checked_in_at else None}
            for r in Registration.objects.filter(person=person).select_related("edition")]


def _erase(person):
    from openigf.registration.models import Registration

    Registration.objects.filter(person=person).update(answers={})
