from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "openigf.people"
    label = "people"
    verbose_name = _("People")

    def ready(self):
        from openigf.outbox.domain import register_link
        from openigf.people import links, signals  # noqa: F401 (signal receivers)

        register_link("people.confirm_address", links.confirm_address_link)
        register_link("people.password_reset", links.password_reset_link)
