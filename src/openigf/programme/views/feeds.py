"""The signed-in person's calendar feed addresses: see when each stops, stop one, make a new
one (which stops the old)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from openigf.core.views import PermissionRequiredMixin, PermissionTemplateView
from openigf.forums.models import Edition
from openigf.programme import personal
from openigf.programme.models import FeedToken


class FeedsView(PermissionTemplateView):
    permission_required = "programme.manage_feeds"
    template_name = "programme/feeds.html"

    def get_context_data(self, **kwargs):
        live = (FeedToken.objects.filter(person=self.request.user, revoked__isnull=True)
                .select_related("edition__forum").order_by("edition_id", "-created"))
        rows = [{"token": t, "url": personal.feed_url(t, self.request),
                 "expired": not personal.is_live(t)} for t in live]
        return {**super().get_context_data(**kwargs), "rows": rows}


class _FeedAction(PermissionRequiredMixin, View):
    permission_required = "programme.manage_feeds"

    def edition(self):
        return get_object_or_404(Edition.objects.select_related("forum"),
                                 pk=self.kwargs["edition_id"])


class FeedNewView(_FeedAction):
    def post(self, request, edition_id):
        personal.feed_create(person=request.user, edition=self.edition())
        messages.success(request, _("A new calendar address is made; the old one stopped "
                                    "working. Subscribe again with the new one."))
        return redirect("programme:feeds")


class FeedStopView(_FeedAction):
    def post(self, request, edition_id):
        stopped = personal.feed_revoke(person=request.user, edition=self.edition())
        if stopped:
            messages.success(request, _("The calendar address stopped working."))
        return redirect("programme:feeds")
