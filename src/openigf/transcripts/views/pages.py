"""Transcript pages: the section of the session page, upload, speakers, plain text, live
refresh, the archive search and voices."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import TemplateView

from openigf.core.charts import breakdown
from openigf.core.errors import ApplicationError
from openigf.core.jobs import job_key, job_start
from openigf.core.models import Job
from openigf.core.views import PermissionRequiredMixin, PermissionTemplateView
from openigf.forums.enums import SessionKind
from openigf.people.enums import Gender, RegionalGroup, StakeholderGroup
from openigf.programme.models import Session, SessionPerson
from openigf.transcripts import domain, forms, queries, tasks
from openigf.transcripts.models import Transcript, Turn


def section_context(request, session):
    """The transcript section of the session page (None when there is none and the reader
    cannot upload one)."""
    transcript = Transcript.objects.filter(session=session).first()
    can_upload = request.user.has_perm("transcripts.upload", session)
    if transcript is None and not can_upload:
        return None
    find = (request.GET.get("find") or "").strip()[:100]
    turns = []
    if transcript is not None:
        turns = list(transcript.turns.select_related("speaker"))
    found = sum(1 for t in turns if find and find.lower() in t.text.lower())
    landed = request.GET.get("turn", "")
    return {"transcript": transcript, "turns": turns, "session": session, "find": find,
            "found": found, "can_upload": can_upload,
            # Arriving from the archive search: that turn and the words searched for.
            "landed": int(landed) if landed.isdigit() and len(landed) < 9 else None,
            "landed_words": queries.words_searched(request.GET.get("hl", "")[:200]),
            "can_link": request.user.has_perm("transcripts.link_speakers", session),
            "form": forms.UploadForm()}


class SessionMixin(PermissionRequiredMixin):
    def get_permission_object(self):
        self.session = get_object_or_404(Session.objects.select_related("edition__forum"),
                                         edition=self.request.edition,
                                         pk=self.kwargs["session_id"])
        return self.session


@method_decorator(csrf_exempt, name="dispatch")
class UploadView(SessionMixin, View):
    """Upload a transcript. The declared length is checked before the body is read, so a
    100 MB upload is refused without being received; the CSRF check (which reads the body)
    comes after. A large file is parsed and stored by a job: the request only keeps it."""

    permission_required = "transcripts.upload"

    def post(self, request, *args, **kwargs):
        refusal = domain.upload_refused_by_length(request.META.get("CONTENT_LENGTH"))
        if refusal is not None:
            messages.error(request, str(refusal))
            return redirect(self._back())
        return csrf_protect(self._upload)(request)

    def _back(self):
        return self.session.get_absolute_url() + "#transcript"

    def _upload(self, request):
        form = forms.UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, _("Choose a file to upload."))
            return redirect(self._back())
        live = form.cleaned_data["live"]
        try:
            data = domain.upload_read(form.cleaned_data["file"])
            text = domain.decode_upload(data)
            if len(data) <= domain.INLINE_BYTES:
                transcript = domain.transcript_save(session=self.session, text=text, live=live)
                messages.success(request, _("Transcript saved: %(n)d turns.") % {
                    "n": transcript.turns.count()})
                return redirect(self._back())
            return self._start_job(request, text, live)
        except ApplicationError as error:
            messages.error(request, str(error))
            return redirect(self._back())

    def _start_job(self, request, text, live):
        about = f"session-{self.session.pk}"
        running = Job.objects.active().filter(key=job_key(
            kind="transcripts.parse", edition=self.session.edition, about=about)).first()
        if running is not None:
            messages.error(request, _("The transcript uploaded before is still being read: "
                                      "upload again once it is done."))
            return redirect(running)
        upload = domain.upload_stage(session=self.session, text=text, live=live)
        job = job_start(kind="transcripts.parse", task=tasks.transcript_parse,
                        edition=self.session.edition, person=request.user,
                        params={"upload_id": upload.pk}, about=about,
                        label=_("Read the transcript of “%(title)s”") % {
                            "title": self.session.title[:200]},
                        return_url=self._back())
        return redirect(job)


class PlainTextView(SessionMixin, View):
    permission_required = "transcripts.view"

    def get(self, request, *args, **kwargs):
        transcript = Transcript.objects.filter(session=self.session).first()
        if transcript is None:
            raise Http404
        response = HttpResponse(transcript.raw, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="session-{self.session.pk}.txt"'
        return response


class LiveView(SessionMixin, TemplateView):
    """The turns alone, for the page's live refresh while captioning is in progress."""

    permission_required = "transcripts.view"
    template_name = "transcripts/turns.html"

    def get_context_data(self, **kwargs):
        return {"section": section_context(self.request, self.session)}


class SpeakersView(SessionMixin, TemplateView):
    permission_required = "transcripts.link_speakers"
    template_name = "transcripts/speakers.html"

    def get_context_data(self, **kwargs):
        transcript = get_object_or_404(Transcript, session=self.session)
        people = list(self.session.people.all())
        report = domain.transcript_report(transcript)
        by_pk = {p.pk: p for p in people}
        for row in report["by_label"]:
            row["speaker"] = by_pk.get(row["speaker_id"])
        return {"session": self.session, "labels": report["by_label"], "people": people,
                "report": report}

    def post(self, request, *args, **kwargs):
        transcript = get_object_or_404(Transcript, session=self.session)
        label = request.POST.get("label", "")
        speaker = None
        if request.POST.get("speaker"):
            speaker = SessionPerson.objects.filter(session=self.session,
                                                   pk=request.POST["speaker"]).first()
            if speaker is None:
                messages.error(request, _("Choose a person of this session."))
                return redirect(request.path)
        n = domain.speaker_link(transcript=transcript, label=label, speaker=speaker)
        messages.success(request, _("%(n)d turns of “%(label)s” updated.") % {"n": n,
                                                                               "label": label})
        return redirect(request.path)


class CappedPaginator(Paginator):
    """Pages of ``queries.SearchResults``, counting matches up to ``CAP`` only: past a
    thousand turns nobody reads the last page, and counting every match of a common word
    costs more than finding the best ones."""

    CAP = 1000

    @property
    def count(self):
        if not hasattr(self, "_capped"):
            self._capped = self.object_list.count_upto(self.CAP + 1)
        return self._capped

    @property
    def capped(self):
        return self.count > self.CAP


class SearchView(TemplateView):
    """The archive: every transcript of every forum and edition."""

    template_name = "transcripts/search.html"

    def get_context_data(self, **kwargs):
        form = forms.SearchForm(self.request.GET or None, editions=queries.searchable_editions(),
                                kinds=SessionKind.choices)
        page = None
        if form.is_valid() and form.cleaned_data["q"].strip():
            data = form.cleaned_data
            results = queries.search_turns(data["q"], forum=data["forum"],
                                           edition=data["edition"], theme=data["theme"],
                                           kind=data["kind"], speaker=data["speaker"])
            page = CappedPaginator(results, 20).get_page(self.request.GET.get("page"))
        params = self.request.GET.copy()
        params.pop("page", None)
        return {**super().get_context_data(**kwargs), "form": form, "page": page,
                "params": params.urlencode(),
                "landing": urlencode({"hl": (form.data.get("q") or "")[:200]})}


LABELS = {"stakeholder_group": dict(StakeholderGroup.choices),
          "regional_group": dict(RegionalGroup.choices), "gender": dict(Gender.choices)}


def _charts(result):
    titles = {"stakeholder_group": _("stakeholder group"), "regional_group": _("regional group"),
              "gender": _("gender"), "onsite": _("onsite or online")}
    charts = []
    for field, data in result["dims"].items():
        labels = {**LABELS.get(field, {}), "unknown": _("Not known"), "onsite": _("Onsite"),
                  "online": _("Online"),
                  queries.WITHHELD: _("Not shown: too few people to keep each one's "
                                      "%(what)s private") % {"what": titles[field]}}
        spoken = {str(labels.get(k, k)): v for k, v in data["spoken"].items()}
        invited = {str(labels.get(k, k)): v for k, v in data["invited"].items()}
        charts.append((breakdown(_("Words spoken by %(what)s") % {"what": titles[field]},
                                 spoken),
                       breakdown(_("Invited speakers by %(what)s") % {"what": titles[field]},
                                 invited)))
    return charts


def voices_section(request, session):
    if not Transcript.objects.filter(session=session).exists():
        return None
    turns = Turn.objects.filter(transcript__session=session).select_related("speaker")
    result = queries.voices(turns, list(session.people.all()))
    return {"voices": result, "charts": _charts(result)}


class EditionVoicesView(PermissionTemplateView):
    permission_required = "transcripts.view_voices"
    template_name = "transcripts/voices.html"

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        turns = (Turn.objects.filter(edition=edition).select_related("speaker")
                 .only("words", "label", "speaker_id", "speaker__name",
                       "speaker__stakeholder_group", "speaker__regional_group",
                       "speaker__gender", "speaker__onsite", "speaker__role"))
        sessions_with = Transcript.objects.filter(session__edition=edition).values("session")
        registered = list(SessionPerson.objects.filter(session__in=sessions_with))
        result = queries.voices(turns, registered)
        result["speakers"] = result["speakers"][:50]
        return {**super().get_context_data(**kwargs), "voices": result,
                "charts": _charts(result), "sessions": sessions_with.count()}
