"""A person's own API tokens: create (shown once), list, revoke."""

import datetime

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from openigf.api.forms import TokenForm
from openigf.api.models import ApiToken
from openigf.core.audit import audit_log
from openigf.core.views import PermissionRequiredMixin


class TokensView(PermissionRequiredMixin, View):
    permission_required = "people.view_own_data"
    template_name = "api/tokens.html"

    def get_permission_object(self):
        return None

    def _render(self, request, form, secret=None, status=200):
        tokens = ApiToken.objects.filter(person=request.user, revoked__isnull=True)
        return render(request, self.template_name,
                      {"form": form, "tokens": tokens, "secret": secret}, status=status)

    def get(self, request):
        return self._render(request, TokenForm())

    def post(self, request):
        if "revoke" in request.POST:
            token = get_object_or_404(ApiToken, pk=request.POST["revoke"], person=request.user)
            token.revoked = timezone.now()
            token.save(update_fields=["revoked"])
            audit_log(action="api_token.revoke", obj=token)
            messages.success(request, _("The token is revoked."))
            return redirect("api:tokens")
        form = TokenForm(request.POST)
        if not form.is_valid():
            return self._render(request, form, status=400)
        token, secret = ApiToken.issue(
            person=request.user, name=form.cleaned_data["name"],
            expires=timezone.now() + datetime.timedelta(days=form.cleaned_data["days"]))
        audit_log(action="api_token.issue", obj=token)
        return self._render(request, TokenForm(), secret=secret)
