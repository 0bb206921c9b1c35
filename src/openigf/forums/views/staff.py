"""The Secretariat's pages for an edition: dashboard, settings, themes, roles, audit log."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from openigf.core.forms import editable_copy
from openigf.core.models import AuditEntry
from openigf.core.navigation import items_for
from openigf.core.views import PermissionRequiredMixin
from openigf.forums import domain, queries
from openigf.forums.enums import Role
from openigf.forums.forms import EditionForm, GrantRoleForm, ThemeForm
from openigf.forums.models import Membership, Theme


class DashboardView(PermissionRequiredMixin, TemplateView):
    permission_required = "forums.manage_edition"
    template_name = "forums/manage/dashboard.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs),
                "manage_nav": items_for(self.request, "manage"),
                "phases": self.request.edition.phases()}


class EditionSettingsView(PermissionRequiredMixin, FormView):
    permission_required = "forums.manage_edition"
    template_name = "forums/manage/settings.html"
    form_class = EditionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": editable_copy(self.request.edition)}

    def form_valid(self, form):
        values = {f: form.cleaned_data[f] for f in form.changed_data}
        edition = self.request.edition
        domain.edition_update(edition=edition, actor=self.request.user, **values)
        messages.success(self.request, _("The edition's settings are saved."))
        return redirect("forums:manage_settings", **edition.url_kwargs)


class ThemesView(PermissionRequiredMixin, TemplateView):
    permission_required = "forums.manage_edition"
    template_name = "forums/manage/themes.html"

    def get_context_data(self, **kwargs):
        themes = self.request.edition.themes.prefetch_related("tags", "policy_questions")
        return {**super().get_context_data(**kwargs), "themes": themes}


class ThemeEditView(PermissionRequiredMixin, FormView):
    permission_required = "forums.manage_edition"
    template_name = "forums/manage/theme_form.html"
    form_class = ThemeForm

    def get_theme(self):
        pk = self.kwargs.get("theme_id")
        if pk is None:
            return None
        return get_object_or_404(Theme, pk=pk, edition=self.request.edition)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_theme() or Theme(
            edition=self.request.edition), "content_language": self.request.forum.language}

    def form_valid(self, form):
        data = form.cleaned_data
        domain.theme_save(edition=self.request.edition, theme=self.get_theme(),
                          name=data["name"], slug=data["slug"], narrative=data["narrative"],
                          colour=data["colour"], order=data["order"], tags=data["tags"],
                          policy_questions=data["policy_questions"], versions=form.versions(),
                          actor=self.request.user)
        messages.success(self.request, _("The theme is saved."))
        return redirect("forums:manage_themes", **self.request.edition.url_kwargs)


class RolesView(PermissionRequiredMixin, FormView):
    permission_required = "forums.manage_roles"
    template_name = "forums/manage/roles.html"
    form_class = GrantRoleForm

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        return {
            **super().get_context_data(**kwargs),
            "secretariat": queries.secretariat_of(edition.forum),
            "mag": Membership.objects.filter(edition=edition, role=Role.MAG)
            .select_related("person", "person__country").order_by("person__name"),
        }

    def post(self, request, *args, **kwargs):
        revoke = request.POST.get("revoke")
        if revoke:
            membership = get_object_or_404(Membership, pk=revoke, forum=request.forum)
            domain.membership_revoke(membership=membership, actor=request.user)
            messages.success(request, _("The role is removed."))
            return redirect("forums:manage_roles", **request.edition.url_kwargs)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        edition = self.request.edition
        domain.membership_grant(forum=edition.forum, edition=edition, person=form.person,
                                role=form.cleaned_data["role"], actor=self.request.user)
        messages.success(self.request, _("The role is given."))
        return redirect("forums:manage_roles", **edition.url_kwargs)


class AuditLogView(PermissionRequiredMixin, TemplateView):
    permission_required = "forums.view_audit"
    template_name = "forums/manage/audit.html"

    def get_context_data(self, **kwargs):
        entries = AuditEntry.objects.for_forum(self.request.forum).select_related(
            "actor", "edition", "content_type")
        action = self.request.GET.get("action", "").strip()
        if action:
            entries = entries.filter(action__startswith=action)
        page = Paginator(entries, 50).get_page(self.request.GET.get("page"))
        return {**super().get_context_data(**kwargs), "page": page, "action": action}
