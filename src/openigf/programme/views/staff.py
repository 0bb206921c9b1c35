"""The Secretariat's programme pages: sessions, time windows, solving, editing by hand and
publishing releases."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, View

from openigf.core.errors import ApplicationError, add_to_form
from openigf.core.forms import editable_copy
from openigf.core.views import PermissionRequiredMixin, PermissionTemplateView
from openigf.programme import domain, forms
from openigf.programme.models import Release, Room, Session, TimeWindow


class ManageView(PermissionTemplateView):
    permission_required = "programme.manage"
    template_name = "programme/manage/home.html"

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        sessions = list(Session.objects.filter(edition=edition).select_related("room", "theme")
                        .order_by("starts_at", "room__order", "title"))
        return {**super().get_context_data(**kwargs), "sessions": sessions,
                "placed": sum(1 for s in sessions if s.starts_at),
                "windows": TimeWindow.objects.filter(edition=edition),
                "rooms": Room.objects.filter(edition=edition),
                "releases": Release.objects.filter(edition=edition)[:5],
                "warnings": domain.placement_warnings(edition) if sessions else [],
                "solve_form": kwargs.get("solve_form") or forms.SolveForm(),
                "release_form": kwargs.get("release_form") or forms.ReleaseForm()}

    def post(self, request, *args, **kwargs):
        edition = request.edition
        action = request.POST.get("action") or request.GET.get("do")
        try:
            if action == "windows":
                domain.windows_create_daily(edition=edition)
                messages.success(request, _("A morning and an afternoon window were added to "
                                            "each day."))
            elif action == "accepted":
                made = domain.sessions_from_accepted(edition=edition)
                messages.success(request, _("%(n)d sessions were made from accepted "
                                            "proposals.") % {"n": len(made)})
            elif action == "solve":
                form = forms.SolveForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(solve_form=form))
                result = domain.schedule_solve(edition=edition, **form.cleaned_data)
                messages.success(request, _(
                    "Schedule found (%(status)s) in %(seconds).1f s: objective %(objective)g, "
                    "bound %(bound)g, gap %(gap).0f%%. Publish it when it suits you.") % {
                    "status": result.status, "seconds": result.seconds,
                    "objective": result.objective, "bound": result.bound,
                    "gap": result.gap * 100})
            elif action == "release":
                form = forms.ReleaseForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(release_form=form))
                release = domain.release_publish(edition=edition,
                                                 note=form.cleaned_data.get("note", ""),
                                                 person=request.user)
                messages.success(request, _("Version %(n)d is published.") % {
                    "n": release.number})
        except ApplicationError as error:
            messages.error(request, str(error))
        return redirect("programme:manage", **edition.url_kwargs)


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
                "instance": editable_copy(self.session)}

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

    def post(self, request, *args, **kwargs):
        if request.GET.get("do") == "place":
            self.session = self.get_session()
            place = forms.PlaceForm(request.POST, edition=request.edition, prefix="place")
            if not place.is_valid():
                form = self.get_form_class()(edition=request.edition, instance=self.session)
                return self.render_to_response(self.get_context_data(form=form,
                                                                     place_form=place))
            warnings = domain.session_place(session=self.session,
                                            starts_at=place.cleaned_data["starts_at"],
                                            room=place.cleaned_data["room"])
            if place.cleaned_data["fixed"] != self.session.fixed:
                domain.session_update(session=self.session, fixed=place.cleaned_data["fixed"])
            for w in warnings:
                messages.warning(request, w)
            if not warnings:
                messages.success(request, _("Moved; no constraint is broken."))
            return redirect("programme:manage_session", **request.edition.url_kwargs,
                            session_id=self.session.pk)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = dict(form.cleaned_data)
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
