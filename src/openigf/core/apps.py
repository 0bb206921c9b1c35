from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "openigf.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from openigf.core import (
            checks,  # noqa: F401 (registers the deployment checks)
            privacy,
        )
        from openigf.core.audit import audit_erase, audit_export

        privacy.register("audit_log", export=audit_export, erase=audit_erase)
