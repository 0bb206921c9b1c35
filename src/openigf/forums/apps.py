from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "openigf.forums"
    label = "forums"
    verbose_name = _("Forums and editions")

    def ready(self):
        from openigf.core.navigation import register

        register(scope="edition", label=_("Overview"), url_name="forums:edition",
                 permission="forums.view_edition", order=0)
        register(scope="edition", label=_("Manage"), url_name="forums:manage",
                 permission="forums.manage_edition", order=90)
        register(scope="manage", label=_("Edition settings and dates"),
                 url_name="forums:manage_settings", permission="forums.manage_edition", order=1)
        register(scope="manage", label=_("Themes, tags and policy questions"),
                 url_name="forums:manage_themes", permission="forums.manage_edition", order=2)
        register(scope="manage", label=_("Secretariat and MAG"),
                 url_name="forums:manage_roles", permission="forums.manage_roles", order=3)
        register(scope="manage", label=_("Audit log"), url_name="forums:manage_audit",
                 permission="forums.view_audit", order=98)
