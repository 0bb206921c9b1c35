"""A person's own API tokens: create (shown once, with scopes and an expiry), list, revoke."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from openigf.api import domain
from openigf.api.forms import TokenForm
from openigf.api.models import ApiToken
from openigf.api.scopes import SCOPES
from openigf.core.errors import ApplicationError
from openigf.core.views import PermissionRequiredMixin


class TokensView(PermissionRequiredMixin, View):
    permission_required = "people.view_own_data"
    template_name = "api/tokens.html"

    def get_permission_object(self):
        return None

    def _render(self, request, form, secret=None, status=200):
        tokens = ApiToken.objects.usable().filter(person=request.user)
        return render(request, self.template_name,
                      {"form": form, "tokens": tokens, "secret": secret, "labels": SCOPES},
                      status=status)

    def get(self, request):
        return self._render(request, TokenForm(person=request.user))

    def post(self, request):
        if "revoke" in request.POST:
            token = get_object_or_404(ApiToken, pk=request.POST["revoke"], person=request.user)
            domain.token_revoke(token=token)
            messages.success(request, _("The token is revoked."))
            return redirect("api:tokens")
        form = TokenForm(request.POST, person=request.user)
        if not form.is_valid():
            return self._render(request, form, status=400)
        try:
            _token, secret = domain.token_issue(person=request.user, **form.cleaned_data)
        except ApplicationError as error:
            for field, message in error.fields.items():
                form.add_error(field if field in form.fields else None, message)
            return self._render(request, form, status=400)
        return self._render(request, TokenForm(person=request.user), secret=secret)

