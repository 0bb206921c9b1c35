from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "openigf.api"
    label = "api"
    verbose_name = _("API")

    def ready(self):
        from openigf.core import privacy

        def export(person):
            return [{"name": t.name, "created": t.created.isoformat(),
                     "revoked": bool(t.revoked)} for t in person.api_tokens.all()]

        def erase(person):
            person.api_tokens.all().delete()

        privacy.register("api_tokens", export=export, erase=erase)

        from django.utils import timezone

        from openigf.people.signals import address_claimed

        def revoke_when_claimed(sender, person, **kwargs):
            """Tokens made before the address was proven may be someone else's."""
            person.api_tokens.filter(revoked__isnull=True).update(revoked=timezone.now())

        address_claimed.connect(revoke_when_claimed, dispatch_uid="openigf.api.revoke_claimed",
                                weak=False)
