from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "openigf.outcomes"
    label = "outcomes"
    verbose_name = _("IGF Messages and Chair's Summary")
