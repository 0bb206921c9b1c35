"""The public programme: agenda with filters, session pages, personal schedule, exports."""

from django.core import signing
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from openigf.core.redirects import safe_next
from openigf.core.views import PermissionRequiredMixin, PermissionTemplateView
from openigf.forums.enums import SessionKind
from openigf.programme import domain, exporters, queries, sections
from openigf.programme.models import Language, Release, Session, Star

FEED_SALT = "openigf.programme.feed"


class AgendaView(PermissionTemplateView):
    permission_required = "programme.view_agenda"
    template_name = "programme/agenda.html"

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        release, items = queries.published(edition)
        shown = queries.filter_agenda(items, self.request.GET)
        days = {}
        for item in shown:
            days.setdefault(item.starts_at.date(), []).append(item)
        starred = set()
        if self.request.user.is_authenticated:
            starred = set(Star.objects.filter(person=self.request.user,
                                              session__edition=edition)
                          .values_list("session_id", flat=True))
        all_days = sorted({i.starts_at.date() for i in items})
        rooms = sorted({i.room for i in items if i.room}, key=lambda r: (r.order, r.name))
        return {**super().get_context_data(**kwargs), "release": release, "days": days,
                "count": len(shown), "total": len(items), "starred": starred,
                "themes": edition.themes.all(), "all_days": all_days, "rooms": rooms,
                "kinds": SessionKind.choices, "languages": Language.choices,
                "filters": self.request.GET, "mine": False}


class MineView(AgendaView):
    permission_required = "programme.star"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["days"] = {day: [i for i in items if i.session.pk in ctx["starred"]]
                       for day, items in ctx["days"].items()}
        ctx["days"] = {d: i for d, i in ctx["days"].items() if i}
        ctx["mine"] = True
        token = signing.dumps({"p": self.request.user.pk, "e": self.request.edition.pk},
                              salt=FEED_SALT)
        ctx["feed_url"] = self.request.build_absolute_uri(
            f"{self.request.path}feed/{token}.ics")
        return ctx


class MineFeedView(View):
    """The personal schedule as an iCalendar feed, at a secret signed address."""

    def get(self, request, token):
        try:
            data = signing.loads(token, salt=FEED_SALT)
        except signing.BadSignature:
            raise Http404 from None
        if data.get("e") != request.edition.pk:
            raise Http404
        release, items = queries.published(request.edition)
        mine = set(Star.objects.filter(person_id=data["p"], session__edition=request.edition)
                   .values_list("session_id", flat=True))
        body = exporters.to_ical(request.edition, [i for i in items if i.session.pk in mine],
                                 request)
        return HttpResponse(body, content_type="text/calendar; charset=utf-8")


class SessionView(PermissionTemplateView):
    permission_required = "programme.view_session"
    template_name = "programme/session.html"

    def get_permission_object(self):
        self.session = get_object_or_404(
            Session.objects.select_related("theme", "edition__forum", "proposal")
            .prefetch_related("people", "tags"),
            edition=self.request.edition, pk=self.kwargs["session_id"])
        return self.session

    def get_context_data(self, **kwargs):
        s = self.session
        user = self.request.user
        return {**super().get_context_data(**kwargs), "session": s,
                "times": queries.session_times(s),
                "people": list(s.people.all()),
                "sections": sections.render_list(self.request, s),
                "starred": user.is_authenticated and Star.objects.filter(
                    person=user, session=s).exists(),
                "can_manage": user.has_perm("programme.manage", s)}


class StarView(PermissionRequiredMixin, View):
    permission_required = "programme.star"

    def post(self, request, session_id):
        session = get_object_or_404(Session, edition=request.edition, pk=session_id)
        domain.star_toggle(person=request.user, session=session)
        return redirect(safe_next(request, session.get_absolute_url()))


class ChangesView(PermissionTemplateView):
    permission_required = "programme.view_agenda"
    template_name = "programme/changes.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs),
                "releases": Release.objects.filter(edition=self.request.edition)}


class ExportView(PermissionRequiredMixin, View):
    """frab XML, JSON, iCalendar and CSV of the published schedule, cached per release."""

    permission_required = "programme.view_agenda"
    formats = {"xml": ("application/xml", exporters.to_frab_xml),
               "json": ("application/json", exporters.to_json),
               "ics": ("text/calendar; charset=utf-8", exporters.to_ical),
               "csv": ("text/csv; charset=utf-8", exporters.to_csv)}

    def get_permission_object(self):
        return self.request.edition

    def get(self, request, fmt):
        if fmt not in self.formats:
            raise Http404
        edition = request.edition
        release, items = None, None

        latest = (Release.objects.filter(edition=edition).order_by("-number")
                  .values_list("pk", "created").first())
        stamp = f"{latest[0]}-{latest[1].timestamp()}" if latest else "none"
        key = f"export:{edition.pk}:{stamp}:{fmt}"
        body = cache.get(key)
        content_type, render = self.formats[fmt]
        if body is None:
            release, items = queries.published(edition)
            body = render(edition, items, request, release=release)
            cache.set(key, body, 3600)
        response = HttpResponse(body, content_type=content_type)
        if fmt in ("ics", "csv"):
            response["Content-Disposition"] = (
                f'attachment; filename="{edition.forum.slug}-{edition.slug}-schedule.{fmt}"')
        return response


class ExportMovedView(PermissionRequiredMixin, View):
    """The exports' first addresses, under agenda/: moved for good to /<forum>/<edition>/."""

    permission_required = "programme.view_agenda"

    def get_permission_object(self):
        return self.request.edition

    def get(self, request, fmt):
        return redirect(reverse("programme:export",
                                kwargs={**request.edition.url_kwargs, "fmt": fmt}),
                        permanent=True)


__all__ = ["AgendaView", "MineView", "MineFeedView", "SessionView", "StarView", "ChangesView",
           "ExportView", "ExportMovedView", "_"]
