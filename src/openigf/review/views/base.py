"""What every evaluation page shares: the round of the request's edition."""

from django.http import Http404
from django.urls import reverse
from django.views.generic import TemplateView

from openigf.core.views import PermissionRequiredMixin
from openigf.review.models import Round


class RoundMixin(PermissionRequiredMixin):
    round_required = False  # an action on the round answers 404 until it is set up

    def dispatch(self, request, *args, **kwargs):
        self.round = Round.objects.filter(edition=request.edition).first()
        return super().dispatch(request, *args, **kwargs)

    def get_round(self) -> Round:
        if self.round is None:
            raise Http404
        return self.round

    def url(self, name, **kwargs):
        return reverse(f"review:{name}", kwargs={**self.request.edition.url_kwargs, **kwargs})


class RoundPage(RoundMixin, TemplateView):
    pass


class RoundAction(RoundMixin, TemplateView):
    """A POST-only action on the round (GET answers 405 to those allowed)."""

    http_method_names = ["post"]
