"""Root URLs. Each app's ``urls.py`` is included in the order of ``settings.OPENIGF_APPS``;
the forums app comes last because its ``/<forum>/`` and ``/<forum>/<edition>/`` patterns
would otherwise catch the other apps' paths."""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from openigf.core import views_system


def _app_urls():
    apps = [a for a in settings.OPENIGF_APPS if a != "openigf.forums"] + ["openigf.forums"]
    for app in apps:
        if find_spec(f"{app}.urls") is not None:
            yield path("", include(import_module(f"{app}.urls")))


admin.site.site_header = "openigf"
admin.site.site_title = "openigf"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("i18n/catalog.js", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("health/", views_system.health, name="health"),
    path("favicon.ico", views_system.favicon, name="favicon"),
    path("api/", include("openigf.api.routes")),  # before the apps: no page answers there
    *_app_urls(),
]

handler403 = "openigf.core.views_system.permission_denied"
handler404 = "openigf.core.views_system.page_not_found"
handler500 = "openigf.core.views_system.server_error"
