from django.urls import path

from openigf.forums.views import public, staff

app_name = "forums"
urlpatterns = [
    path("", public.HomeView.as_view(), name="home"),
    path("<slug:forum>/", public.ForumView.as_view(), name="forum"),
    path("<slug:forum>/<slug:edition>/", public.EditionView.as_view(), name="edition"),
    path("<slug:forum>/<slug:edition>/manage/", staff.DashboardView.as_view(), name="manage"),
    path("<slug:forum>/<slug:edition>/manage/settings/", staff.EditionSettingsView.as_view(),
         name="manage_settings"),
    path("<slug:forum>/<slug:edition>/manage/themes/", staff.ThemesView.as_view(),
         name="manage_themes"),
    path("<slug:forum>/<slug:edition>/manage/themes/new/", staff.ThemeEditView.as_view(),
         name="manage_theme_new"),
    path("<slug:forum>/<slug:edition>/manage/themes/<int:theme_id>/",
         staff.ThemeEditView.as_view(), name="manage_theme"),
    path("<slug:forum>/<slug:edition>/manage/roles/", staff.RolesView.as_view(),
         name="manage_roles"),
    path("<slug:forum>/<slug:edition>/manage/audit/", staff.AuditLogView.as_view(),
         name="manage_audit"),
]
