"""The one place that turns ``/<forum>/<edition>/`` into ``request.forum`` and ``request.edition``.

URL patterns name their tenancy kwargs ``forum`` and ``edition``; views never receive them as
arguments but read ``request.forum`` and ``request.edition``. An unknown slug is a 404.
The edition's time zone is the request's: forms read and show datetimes in it and templates
format them with ``{% load when %}``.
"""

from django.apps import apps
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from openigf.core.when import zone_for


class TenancyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.forum = None
        request.edition = None
        timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()

    def process_view(self, request, view_func, view_args, view_kwargs):
        Forum = apps.get_model("forums", "Forum")  # core imports no domain app
        Edition = apps.get_model("forums", "Edition")

        forum_slug = view_kwargs.pop("forum", None)
        edition_slug = view_kwargs.pop("edition", None)
        if edition_slug is not None:
            edition = (
                Edition.objects.select_related("forum", "host_country")
                .filter(forum__slug=forum_slug, slug=edition_slug)
                .first()
            )
            if edition is None:
                raise Http404(_("There is no edition %(edition)s of the forum %(forum)s.")
                              % {"edition": edition_slug, "forum": forum_slug})
            request.edition, request.forum = edition, edition.forum
        elif forum_slug is not None:
            request.forum = Forum.objects.filter(slug=forum_slug).first()
            if request.forum is None:
                raise Http404(_("There is no forum %(forum)s.") % {"forum": forum_slug})
        zone = zone_for(edition=request.edition, forum=request.forum)
        if zone is not None:
            timezone.activate(zone)
        return None
