"""The public programme: agenda (list and rooms-by-time grid) with filters, session pages,
personal schedule, exports. What everyone sees is rendered once per version (``pagecache``);
the personal parts are rendered around it."""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import View

from openigf.core.redirects import safe_next
from openigf.core.views import PermissionRequiredMixin, PermissionTemplateView
from openigf.programme import domain, exporters, exportfiles, pagecache, personal, queries, sections
from openigf.programme.models import Release, Session, Star
from openigf.programme.views import agenda as pages


class EditionPageMixin(PermissionRequiredMixin):
    permission_required = "programme.view_agenda"

    def get_permission_object(self):
        return self.request.edition


class AgendaView(EditionPageMixin, View):
    """The agenda, as a list (the default, read well on a phone) or a day's grid."""

    def get(self, request, **kwargs):
        edition = request.edition
        version = pagecache.version_of(edition)
        choice = pages.Choice.of(request.GET)
        tag = pagecache.etag(request, version, "agenda", choice.key)
        if (answer := pagecache.not_modified(request, version, tag)) is not None:
            return answer
        if choice.cacheable:
            body = pagecache.kept("agenda", version, (choice.key,),
                                  lambda: pagecache.keep(pages.agenda_body(edition, choice)))
        else:
            body = pagecache.keep(pages.agenda_body(edition, choice))
        return _page(request, "programme/agenda.html", {"mine": False}, [body], version, tag,
                     name="agenda" if choice.cacheable else "")


def _page(request, template, context, parts, version, tag, name=""):
    """``template`` rendered for this request around the kept ``parts`` (each where the
    context's ``body``, ``head``, ``about`` names ``pagecache.SLOT``), with validators. With a
    ``name``, the frame itself is kept for readers without an account (``pagecache.frame``):
    the context must then be the same for all of them."""
    slot = mark_safe(pagecache.SLOT)  # noqa: S308 (a constant)

    def render(csrf_token):
        extra = {"csrf_token": csrf_token} if csrf_token else {}
        return render_to_string(template, {**context, **extra, "body": slot, "head": slot,
                                           "about": slot}, request=request)

    page = pagecache.frame(request, version, name, render) if name else render(None)
    response = pagecache.assemble(request, page, parts)
    return pagecache.finish(request, response, version, tag)


class MineView(EditionPageMixin, View):
    """My schedule: the starred sessions of a signed-in person, or those starred in this
    browser (kept by the agenda script) for everyone else."""

    def get(self, request, **kwargs):
        edition = request.edition
        choice = pages.Choice.of(request.GET)
        version = pagecache.version_of(edition)
        feed = None
        if request.user.is_authenticated:
            starred = personal.starred_ids(person=request.user, edition=edition)
            body = pagecache.keep(pages.agenda_body(edition, choice, only=starred))
            feed = personal.feed_link(person=request.user, edition=edition, request=request)
        else:
            body = pagecache.kept("mine", version, (choice.key,), lambda: pagecache.keep(
                pages.agenda_body(edition, choice, browser=True)))
        response = _page(request, "programme/agenda.html", {"mine": True, "feed": feed},
                         [body], version, tag=pagecache.etag(request, version, "mine"))
        response["Cache-Control"] = "private, no-store"
        del response["ETag"]
        return response


class StarsView(EditionPageMixin, View):
    """The ids of the sessions the signed-in person starred (the agenda's script asks)."""

    def get(self, request, **kwargs):
        ids = []
        if request.user.is_authenticated:
            ids = sorted(personal.starred_ids(person=request.user, edition=request.edition))
        response = JsonResponse({"signed_in": request.user.is_authenticated, "stars": ids})
        response["Cache-Control"] = "private, no-store"
        return response


class MineExportView(EditionPageMixin, View):
    """A personal export: only the starred sessions (the account's, or the ``sessions`` the
    browser names), in any export format."""

    MAX = 500

    def get(self, request, fmt, **kwargs):
        if fmt not in exportfiles.FORMATS:
            raise Http404
        edition = request.edition
        named = pages.ids_from(request.GET.get("sessions", ""), limit=self.MAX)
        if named is None and request.user.is_authenticated:
            named = personal.starred_ids(person=request.user, edition=edition)
        release, items = queries.published(edition)
        items = [i for i in items if i.session.pk in (named or set())]
        content_type, render_export = exportfiles.FORMATS[fmt]
        response = HttpResponse(render_export(edition, items, request, release=release),
                                content_type=content_type)
        response["Content-Disposition"] = (
            f'attachment; filename="{edition.forum.slug}-{edition.slug}-my-schedule.{fmt}"')
        response["Cache-Control"] = "private, no-store"
        return response


class MineFeedView(View):
    """The personal schedule as an iCalendar feed, at a secret address that expires and can
    be revoked."""

    def get(self, request, token):
        person_id = personal.feed_person(token=token, edition=request.edition)
        if person_id is None:
            raise Http404
        release, items = queries.published(request.edition)
        mine = set(Star.objects.filter(person_id=person_id, session__edition=request.edition)
                   .values_list("session_id", flat=True))
        body = exporters.to_ical(request.edition, [i for i in items if i.session.pk in mine],
                                 request)
        return HttpResponse(body, content_type="text/calendar; charset=utf-8")


class SessionView(EditionPageMixin, View):
    """A session page: facts, description, people with their other sessions (kept per
    version), then the reader's own actions and the sections other parts add (kept too for
    readers without an account, for whom they are the same)."""

    permission_required = "programme.view_session"

    def session(self):
        if not hasattr(self, "_session"):
            self._session = get_object_or_404(
                Session.objects.select_related("edition__forum", "theme"),
                edition=self.request.edition, pk=self.kwargs["session_id"])
        return self._session

    def get(self, request, session_id, **kwargs):
        version = pagecache.version_of(request.edition)
        user = request.user
        signed_in = user.is_authenticated
        can_manage = signed_in and user.has_perm("programme.manage", request.edition)
        query = request.GET.urlencode()[:500]
        starred = signed_in and Star.objects.filter(person=user, session_id=session_id).exists()
        tag = pagecache.etag(request, version, "session", session_id, can_manage, starred, query)
        if (answer := pagecache.not_modified(request, version, tag)) is not None:
            return answer
        body = pagecache.kept("session", version, (session_id,), lambda: {
            name: pagecache.keep(html) if name != "title" else html
            for name, html in pages.session_body(self.session()).items()})
        if signed_in:
            sections_html = pagecache.keep(self.sections())
        else:
            sections_html = pagecache.kept("session-sections", version, (session_id, query),
                                           lambda: pagecache.keep(self.sections()))
        return _page(request, "programme/session.html", {
            "session_id": session_id, "title": body["title"],
            "can_manage": can_manage, "signed_in": signed_in,
            "starred": starred},
            [body["head"], body["about"], sections_html], version, tag, name="session")

    def sections(self) -> str:
        session = self.session()
        return render_to_string("programme/session_sections.html", {
            "sections": sections.render_list(self.request, session)}, request=self.request)


class SessionIcsView(PermissionRequiredMixin, View):
    """One session as an iCalendar file, as published."""

    permission_required = "programme.view_session"

    def get_permission_object(self):
        self.session = get_object_or_404(Session.objects.select_related("edition__forum"),
                                         edition=self.request.edition,
                                         pk=self.kwargs["session_id"])
        return self.session

    def get(self, request, **kwargs):
        edition = request.edition
        version = pagecache.version_of(edition)
        release, items = queries.published(edition)
        items = [i for i in items if i.session.pk == self.session.pk]
        if not items:
            raise Http404
        body = exporters.to_ical(edition, items, request, release=release)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="{edition.forum.slug}-{edition.slug}-session-'
            f'{self.session.pk}.ics"')
        response["Last-Modified"] = pagecache.http_date(version.last_modified or 0)
        return response


class StarView(PermissionRequiredMixin, View):
    permission_required = "programme.star"

    def post(self, request, session_id, **kwargs):
        session = get_object_or_404(Session, edition=request.edition, pk=session_id)
        starred = domain.star_toggle(person=request.user, session=session)
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse({"session": session.pk, "starred": starred})
        return redirect(safe_next(request, session.get_absolute_url()))


class ChangesView(PermissionTemplateView):
    permission_required = "programme.view_agenda"
    template_name = "programme/changes.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs),
                "releases": Release.objects.filter(edition=self.request.edition)}


class ExportView(EditionPageMixin, View):
    """frab XML, JSON, iCalendar and CSV of the published schedule, kept as files per version
    (``exportfiles``). A published edition's files are answered before Django, by
    ``exportfiles.ExportFilesApplication`` (``openigf.wsgi``); this view answers the rest:
    the Secretariat's look at an edition not yet published, and a 404 to everyone else."""

    def handle_no_permission(self):
        raise Http404

    def get(self, request, fmt, **kwargs):
        if fmt not in exportfiles.FORMATS:
            raise Http404
        edition = request.edition
        return exportfiles.answer(request, pagecache.version_of(edition), fmt, lambda: edition,
                                  names=f"{edition.forum.slug}-{edition.slug}",
                                  canonical=self.canonical(fmt))

    def canonical(self, fmt) -> str:
        return ""


class ExportMovedView(ExportView):
    """The exports' first addresses, under agenda/: the same files, naming their canonical
    address (calendar applications subscribed there keep working without a redirect)."""

    def canonical(self, fmt) -> str:
        return self.request.build_absolute_uri(
            reverse("programme:export", kwargs={**self.request.edition.url_kwargs, "fmt": fmt}))


__all__ = ["AgendaView", "MineView", "StarsView", "MineExportView", "MineFeedView",
           "SessionView", "SessionIcsView", "StarView", "ChangesView", "ExportView",
           "ExportMovedView", "_"]
