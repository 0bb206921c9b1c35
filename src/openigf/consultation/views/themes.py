"""Theme discovery for the Secretariat and the MAG: run the grouping as a job, read any
version, and change the latest (rename, narrative and questions, merge, split, move inputs);
the Secretariat adopts a version as the edition's themes after a preview."""

from django import forms
from django.contrib import messages as flash
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from openigf.consultation import themes
from openigf.consultation.models import DraftTheme, Grouping
from openigf.consultation.tasks import themes_discover, themes_suggest
from openigf.core.errors import ApplicationError
from openigf.core.jobs import job_start
from openigf.core.views import PermissionRequiredMixin
from openigf.people.enums import RegionalGroup, StakeholderGroup


class DiscoverForm(forms.Form):
    k = forms.IntegerField(label=gettext_lazy("Number of themes"), min_value=1,
                           max_value=themes.MAX_K)


def themes_url(edition, grouping=None) -> str:
    url = reverse("consultation:themes", kwargs=edition.url_kwargs)
    return f"{url}?version={grouping.version}" if grouping else url


def _shares(counter, choices) -> list:
    labels = dict(choices)
    return [(labels.get(key, key or "—"), n) for key, n in counter.most_common()]


class ThemesView(PermissionRequiredMixin, TemplateView):
    """The suggested k and its reason, the form to group, and one version's themes (the
    latest unless ``?version=`` names another) with their make-up and inputs."""

    permission_required = "consultation.discover"
    template_name = "consultation/themes.html"

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        versions = list(Grouping.objects.filter(edition=edition).order_by("-version"))
        wanted = self.request.GET.get("version", "")
        grouping = kwargs.pop("grouping", None) or next(
            (g for g in versions if str(g.version) == wanted), versions[0] if versions else None)
        suggestion = themes.k_suggestion(edition)
        published = themes.inputs_to_group(edition).count()
        cards, ungrouped = [], []
        if grouping is not None:
            made = themes.makeup(grouping)
            for theme in grouping.themes.all():
                entry = made.get(theme.pk, {"inputs": [], "groups": {}, "regions": {}})
                cards.append({"theme": theme, "inputs": entry["inputs"],
                              "size": len(entry["inputs"]),
                              "groups": _shares(entry["groups"], StakeholderGroup.choices),
                              "regions": _shares(entry["regions"], RegionalGroup.choices)})
            ungrouped = made.get(None, {"inputs": []})["inputs"]
        return {**super().get_context_data(**kwargs), "versions": versions,
                "grouping": grouping, "cards": cards, "ungrouped": ungrouped,
                "is_latest": bool(versions) and grouping == versions[0],
                "suggestion": suggestion, "published": published,
                "form": kwargs.get("form") or DiscoverForm(
                    initial={"k": suggestion["k"] if suggestion else 3})}


class DiscoverView(ThemesView):
    """Group the inputs into k themes, as a job (POST only)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = DiscoverForm(request.POST)
        if form.is_valid():
            try:
                k = themes.k_check(request.edition, form.cleaned_data["k"])
            except ApplicationError as error:
                form.add_error("k", error.fields.get("k") or error.message)
            else:
                job = job_start(kind="consultation.themes", task=themes_discover,
                                edition=request.edition, person=request.user,
                                params={"edition_id": request.edition.pk, "k": k,
                                        "person_id": request.user.pk},
                                label=_("Group the inputs into %(k)d themes") % {"k": k},
                                return_url=themes_url(request.edition))
                return redirect(job)
        return self.render_to_response(self.get_context_data(form=form))


class SuggestView(PermissionRequiredMixin, View):
    """Work out the suggested number of themes for the published inputs, as a job (POST
    only); the themes page shows it once done."""

    permission_required = "consultation.discover"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        job = job_start(kind="consultation.suggest", task=themes_suggest,
                        edition=request.edition, person=request.user,
                        params={"edition_id": request.edition.pk},
                        label=_("Suggest a number of themes"),
                        return_url=themes_url(request.edition))
        return redirect(job)


class GroupingActionView(PermissionRequiredMixin, View):
    """An edit of one version: makes the next version, then shows it (POST only)."""

    permission_required = "consultation.discover"
    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        self.grouping = get_object_or_404(Grouping, edition=request.edition,
                                          pk=kwargs["grouping_id"])
        theme_id = kwargs.get("draft_theme_id")
        self.theme = (get_object_or_404(DraftTheme, grouping=self.grouping, pk=theme_id)
                      if theme_id else None)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            copy = self.change(request.POST)
        except ApplicationError as error:
            if not error.fields or self.theme is None:
                flash.error(request, error.message)
                return redirect(themes_url(request.edition, self.grouping))
            # The version again, what was typed kept in its boxes with the message beside it.
            page = ThemesView(request=request, kwargs=self.kwargs, args=args)
            context = page.get_context_data(grouping=self.grouping, refused={
                "pk": self.theme.pk, "fields": error.fields,
                "values": {f: request.POST.get(f) for f in ("name", "narrative", "questions")}})
            return page.render_to_response(context, status=400)
        flash.success(request, _("Saved as version %(v)d: %(change)s.")
                      % {"v": copy.version, "change": copy.change})
        return redirect(themes_url(request.edition, copy))

    def other_theme(self, data, field):
        pk = data.get(field) or ""
        if not pk:
            return None
        return get_object_or_404(DraftTheme, grouping=self.grouping,
                                 pk=pk if pk.isdigit() else 0)


class RenameView(GroupingActionView):
    def change(self, data):
        return themes.theme_rename(grouping=self.grouping, theme=self.theme,
                                   name=data.get("name", ""), person=self.request.user)


class TextsView(GroupingActionView):
    def change(self, data):
        return themes.theme_texts_save(grouping=self.grouping, theme=self.theme,
                                       narrative=data.get("narrative", ""),
                                       questions=data.get("questions", ""),
                                       person=self.request.user)


class MergeView(GroupingActionView):
    def change(self, data):
        into = self.other_theme(data, "into")
        if into is None:
            raise ApplicationError(_("Choose the theme to merge with."))
        return themes.themes_merge(grouping=self.grouping, theme=self.theme, into=into,
                                   person=self.request.user)


class SplitView(GroupingActionView):
    def change(self, data):
        return themes.theme_split(grouping=self.grouping, theme=self.theme,
                                  person=self.request.user)


class MoveView(GroupingActionView):
    def change(self, data):
        ids = [int(i) for i in data.getlist("inputs") if i.isdigit()]
        return themes.inputs_move(grouping=self.grouping, input_ids=ids,
                                  to=self.other_theme(data, "to"), person=self.request.user)


class AdoptView(PermissionRequiredMixin, TemplateView):
    """What adopting a version does (GET), and doing it (POST): its themes become the
    edition's, offered by the call for proposals."""

    permission_required = "consultation.adopt"
    template_name = "consultation/adopt.html"

    def dispatch(self, request, *args, **kwargs):
        self.grouping = get_object_or_404(Grouping, edition=request.edition,
                                          pk=kwargs["grouping_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "grouping": self.grouping,
                "lines": themes.adoption_preview(self.grouping),
                "back": themes_url(self.request.edition, self.grouping)}

    def post(self, request, *args, **kwargs):
        adopted = themes.grouping_adopt(grouping=self.grouping, person=request.user)
        flash.success(request, _("Adopted: the edition's themes are now %(names)s. The call "
                                 "for proposals offers them.")
                      % {"names": ", ".join(t.name for t in adopted)})
        return redirect(themes_url(request.edition, self.grouping))
