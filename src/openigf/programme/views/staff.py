"""The Secretariat's programme pages: sessions, time windows, solving, editing by hand and
publishing releases. Each action has its own view, URL and permission."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, View

from openigf.core.errors import ApplicationError, add_to_form
from openigf.core.forms import editable_copy
from openigf.core.jobs import job_key, job_start
from openigf.core.models import Job
from openigf.core.views import PermissionRequiredMixin, PermissionTemplateView
from openigf.programme import domain, forms, tasks
from openigf.programme.models import Release, Room, Session, TimeWindow

SOLVE_JOB = "programme.solve"


def _manage(edition):
    return redirect("programme:manage", **edition.url_kwargs)


def _running_solve(edition):
    return Job.objects.active().filter(key=job_key(kind=SOLVE_JOB, edition=edition)).first()


class ManageView(PermissionTemplateView):
    permission_required = "programme.manage"
    template_name = "programme/manage/home.html"

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        sessions = list(Session.objects.filter(edition=edition).select_related("room", "theme")
                        .order_by("starts_at", "room__order", "title"))
        releases = list(Release.objects.filter(edition=edition)[:5])
        summary, details = domain.schedule_describe(edition) if sessions else ("", [])
        return {**super().get_context_data(**kwargs), "sessions": sessions,
                "placed": sum(1 for s in sessions if s.starts_at),
                "windows": TimeWindow.objects.filter(edition=edition),
                "rooms": Room.objects.filter(edition=edition),
                "releases": releases, "summary": summary, "summary_details": details,
                "warnings": domain.placement_warnings(edition) if sessions else [],
                "solving": _running_solve(edition),
                "solve_form": kwargs.get("solve_form") or forms.SolveForm(
                    published=bool(releases))}


class ActionView(PermissionRequiredMixin, View):
    """A button of the programme page: POST only, then back to the page."""

    http_method_names = ["post"]


class WindowsCreateView(ActionView):
    permission_required = "programme.create_windows"

    def post(self, request, *args, **kwargs):
        domain.windows_create_daily(edition=request.edition)
        messages.success(request, _("A morning and an afternoon window were added to each "
                                    "day."))
        return _manage(request.edition)


class SessionsFromAcceptedView(ActionView):
    permission_required = "programme.create_sessions"

    def post(self, request, *args, **kwargs):
        made = domain.sessions_from_accepted(edition=request.edition)
        messages.success(request, _("%(n)d sessions were made from accepted proposals.")
                         % {"n": len(made)})
        return _manage(request.edition)


class SolveView(ActionView):
    """Start solving as a job and show its progress; pressing again while it runs shows the
    same job."""

    permission_required = "programme.solve_schedule"

    def post(self, request, *args, **kwargs):
        edition = request.edition
        form = forms.SolveForm(request.POST,
                               published=Release.objects.filter(edition=edition).exists())
        if not form.is_valid():
            view = ManageView.as_view()
            request.method = "GET"  # the page again, with the form's errors
            return view(request, solve_form=form)
        job = job_start(kind=SOLVE_JOB, task=tasks.schedule_solve, edition=edition,
                        person=request.user, label=_("Solve the schedule"),
                        params={"edition_id": edition.pk,
                                "time_limit": form.cleaned_data["time_limit"],
                                "move_placed": form.cleaned_data.get("move_placed", False)},
                        return_url=reverse("programme:manage", kwargs=edition.url_kwargs))
        return redirect(job)


class PublishView(PermissionRequiredMixin, FormView):
    """What publishing would do (broken constraints, changes, who is mailed what), then the
    confirmation."""

    permission_required = "programme.publish_schedule"
    template_name = "programme/manage/publish.html"
    form_class = forms.ReleaseForm

    def dispatch(self, request, *args, **kwargs):
        self.preview = None
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        self.preview = self.preview or domain.release_preview(self.request.edition)
        return {**super().get_form_kwargs(), "preview": self.preview}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "preview": self.preview,
                "placed": Session.objects.filter(edition=self.request.edition,
                                                 starts_at__isnull=False).count()}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            release = domain.release_publish(
                edition=self.request.edition, note=data["note"], person=self.request.user,
                base=data["base"], accept_broken=data["confirmation"]
                if data.get("confirm_broken") else False, notify=bool(data.get("notify")))
        except ApplicationError as error:
            # What would be published changed since the page was shown: show it again.
            messages.error(self.request, str(error.message))
            return redirect("programme:publish", **self.request.edition.url_kwargs)
        messages.success(self.request, _("Version %(n)d is published.") % {"n": release.number})
        return _manage(self.request.edition)


class SessionFormView(PermissionRequiredMixin, FormView):
    permission_required = "programme.manage"
    template_name = "programme/manage/session.html"
    form_class = forms.SessionForm

    def get_session(self):
        if "session_id" not in self.kwargs:
            return None
        return get_object_or_404(Session.objects.prefetch_related("people"),
                                 edition=self.request.edition, pk=self.kwargs["session_id"])

    def get_form_kwargs(self):
        self.session = self.get_session()
        return {**super().get_form_kwargs(), "edition": self.request.edition,
                "instance": editable_copy(self.session),
                "content_language": self.request.forum.language}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        s = self.session
        if s is not None:
            initial = {"starts_at": s.starts_at, "room": s.room_id, "fixed": s.fixed}
            ctx["place_form"] = kwargs.get("place_form") or forms.PlaceForm(
                initial=initial, edition=self.request.edition, prefix="place")
            ctx["warnings"] = kwargs.get("warnings")
            if ctx["warnings"] is None:
                ctx["warnings"] = domain.placement_warnings(self.request.edition, only=s.pk)
        ctx["session"] = s
        return ctx

    def form_valid(self, form):
        data = {name: value for name, value in form.cleaned_data.items()
                if name in form.Meta.fields}
        data["versions"] = form.versions()
        tags = data.pop("tags", [])
        try:
            if self.session is None:
                kind, title = data.pop("kind"), data.pop("title")
                session = domain.session_create(edition=self.request.edition, kind=kind,
                                                title=title, tags=tags, **data)
                messages.success(self.request, _("The session is created."))
            else:
                session = domain.session_update(session=self.session, tags=tags, **data)
                messages.success(self.request, _("The session is saved."))
        except ApplicationError as error:
            add_to_form(form, error)
            return self.form_invalid(form)
        return redirect("programme:manage_session", **self.request.edition.url_kwargs,
                        session_id=session.pk)


class SessionPlaceView(SessionFormView):
    """The editor's Move: a time typed in the edition's zone and a room."""

    permission_required = "programme.place_session"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.session = self.get_session()
        place = forms.PlaceForm(request.POST, edition=request.edition, prefix="place")
        if place.is_valid():
            try:
                warnings = domain.session_place(session=self.session,
                                                starts_at=place.cleaned_data["starts_at"],
                                                room=place.cleaned_data["room"])
            except ApplicationError as error:
                add_to_form(place, error)
        if not place.is_valid():
            form = self.get_form_class()(edition=request.edition,
                                         instance=editable_copy(self.session))
            return self.render_to_response(self.get_context_data(form=form, place_form=place))
        if place.cleaned_data["fixed"] != self.session.fixed:
            domain.session_update(session=self.session, fixed=place.cleaned_data["fixed"])
        for w in warnings:
            messages.warning(request, w)
        if not warnings:
            messages.success(request, _("Moved; no constraint is broken."))
        return redirect("programme:manage_session", **request.edition.url_kwargs,
                        session_id=self.session.pk)


class SessionCancelView(PermissionRequiredMixin, View):
    """The Secretariat cancels a session: a button on its manage page."""

    permission_required = "programme.manage"
    http_method_names = ["post"]

    def get_permission_object(self):
        return self.request.edition

    def post(self, request, *args, **kwargs):
        session = get_object_or_404(Session, edition=request.edition, pk=self.kwargs["session_id"])
        domain.session_cancel(session=session)
        messages.success(request, _("The session is cancelled and out of the working schedule; "
                                    "its page says so. Publish a new version to tell the public."))
        return redirect("programme:manage_session", **request.edition.url_kwargs,
                        session_id=session.pk)
