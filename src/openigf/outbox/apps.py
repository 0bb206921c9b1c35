from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "openigf.outbox"
    label = "outbox"
    verbose_name = _("Outgoing mail")

    def ready(self):
        from openigf.core.navigation import register
        from openigf.outbox import tasks  # noqa: F401  registers the tasks the domain queues

        register(scope="manage", label=_("Outgoing mail"), url_name="outbox:list",
                 permission="outbox.view_outbox", order=97)

        from openigf.outbox import people_mail, privacy

        privacy.register()
        people_mail.connect()
