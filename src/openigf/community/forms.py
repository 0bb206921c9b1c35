"""Forms of the community registry: they turn input into the arguments of domain functions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from openigf.community.domain.nris import SECRETARIAT_FIELDS
from openigf.community.enums import (
    Principle,
    RequestStatus,
)
from openigf.community.models import (
    AnnualReport,
    BestPracticeForum,
    BpfMeeting,
    BpfOutput,
    Coalition,
    CoalitionMember,
    CoalitionReport,
    Donor,
    ImprovementTag,
    Initiative,
    MagTerm,
    Pledge,
    Receipt,
    Recommendation,
    WorkingGroup,
)
from openigf.community.models.bpfs import BpfFacilitator
from openigf.community.models.mag import WorkingGroupMember
from openigf.core import textlimits
from openigf.people.enums import StakeholderGroup
from openigf.people.models import Person

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 4})


def person_by_email(email: str) -> Person:
    person = Person.objects.filter(email__iexact=email.strip()).first()
    if person is None:
        raise forms.ValidationError(_("Nobody with this e-mail address has an account yet. "
                                      "Ask them to sign up first."))
    return person


class PersonEmailForm(forms.Form):
    """Names a person who has an account, by e-mail; ``self.person`` after validation."""

    email = forms.EmailField(label=_("E-mail address of the person"))

    def clean_email(self):
        self.person = person_by_email(self.cleaned_data["email"])
        return self.cleaned_data["email"]


# --- Initiatives -----------------------------------------------------------------------------
INITIATIVE_FIELDS = ["name", "acronym", "kind", "country", "region_name", "website", "email",
                     "mailing_list", "description"]


class InitiativeForm(forms.ModelForm):
    """What a focal point keeps up to date; the type of the initiative is the Secretariat's."""

    class Meta:
        model = Initiative
        fields = [f for f in INITIATIVE_FIELDS if f not in SECRETARIAT_FIELDS]
        widgets = {"description": TEXT}


class StaffInitiativeForm(InitiativeForm):
    class Meta(InitiativeForm.Meta):
        fields = [*INITIATIVE_FIELDS, "regional_group", "hosted_forum"]


class RecognitionRequestForm(forms.ModelForm):
    principles = forms.MultipleChoiceField(
        label=_("The initiative follows the IGF principles"), choices=Principle.choices,
        widget=forms.CheckboxSelectMultiple, required=False,
        help_text=_("Tick each principle the initiative follows; all six are needed."))
    first_meeting = forms.CharField(
        label=_("First meeting"), widget=TEXT,
        help_text=_("When and where the initiative met, how many took part, and what was "
                    "discussed."), max_length=textlimits.TEXT)
    evidence_url = forms.URLField(label=_("Report or web page of the meeting"), required=False)

    class Meta:
        model = Initiative
        fields = INITIATIVE_FIELDS
        widgets = {"description": TEXT}


class TeamMemberForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    stakeholder_group = forms.ChoiceField(label=_("Stakeholder group"),
                                          choices=[("", "—"), *StakeholderGroup.choices])


class BaseTeamFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        groups = {f.cleaned_data["stakeholder_group"] for f in self.forms
                  if getattr(f, "cleaned_data", None) and not f.cleaned_data.get("DELETE")
                  and f.cleaned_data.get("name")}
        if not groups:
            raise forms.ValidationError(_("Name the members of the organising team."))


TeamFormSet = forms.formset_factory(TeamMemberForm, formset=BaseTeamFormSet, extra=6,
                                    max_num=30)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), widget=forms.RadioSelect,
        choices=[(RequestStatus.APPROVED, _("Recognise the initiative")),
                 (RequestStatus.RETURNED, _("Return the request for changes")),
                 (RequestStatus.DECLINED, _("Decline"))])
    note = forms.CharField(label=_("Message to the focal point"), widget=TEXT, required=False,
                           help_text=_("Needed when the request is returned or declined."),
                           max_length=textlimits.TEXT)


class AnnualReportForm(forms.ModelForm):
    class Meta:
        model = AnnualReport
        fields = ["meeting_start", "meeting_end", "venue", "participants",
                  "participants_online", "topics", "outputs", "output_url"]
        widgets = {"meeting_start": DATE, "meeting_end": DATE, "topics": TEXT,
                   "outputs": TEXT}


# --- Dynamic Coalitions ----------------------------------------------------------------------
STATEMENT_FIELDS = ["name", "acronym", "need", "action_plan", "mailing_list", "website",
                    "founded"]


class CoalitionForm(forms.ModelForm):
    class Meta:
        model = Coalition
        fields = STATEMENT_FIELDS
        widgets = {"need": TEXT, "action_plan": TEXT}


class StaffCoalitionForm(CoalitionForm):
    class Meta(CoalitionForm.Meta):
        fields = [*STATEMENT_FIELDS, "status"]


class CoalitionMemberForm(forms.ModelForm):
    class Meta:
        model = CoalitionMember
        fields = ["name", "organisation", "stakeholder_group", "email", "coordinator"]

    def clean(self):
        data = super().clean()
        if data.get("coordinator") and data.get("email"):
            self.person = Person.objects.filter(email__iexact=data["email"]).first()
        return data


class CoalitionReportForm(forms.ModelForm):
    class Meta:
        model = CoalitionReport
        fields = ["activities", "outputs", "output_url", "meetings"]
        widgets = {"activities": TEXT, "outputs": TEXT}


# --- Best Practice Forums --------------------------------------------------------------------
class BpfForm(forms.ModelForm):
    class Meta:
        model = BestPracticeForum
        fields = ["name", "topic", "mailing_list"]
        widgets = {"topic": TEXT}


class FacilitatorForm(PersonEmailForm):
    role = forms.ChoiceField(label=_("Role"), choices=BpfFacilitator._meta.get_field(
        "role").choices)


class BpfMeetingForm(forms.ModelForm):
    class Meta:
        model = BpfMeeting
        fields = ["date", "kind", "title", "summary", "url"]
        widgets = {"date": DATE, "summary": TEXT}


class BpfOutputForm(forms.ModelForm):
    class Meta:
        model = BpfOutput
        fields = ["title", "kind", "published", "summary", "url", "document"]
        widgets = {"published": DATE, "summary": TEXT}


# --- MAG -------------------------------------------------------------------------------------
class MagMemberForm(PersonEmailForm):
    term = forms.IntegerField(label=_("Term number"), min_value=1, max_value=9, required=False,
                              help_text=_("Leave empty: the term after last year's, or 1."))
    seat = forms.ChoiceField(label=_("Seat"), choices=MagTerm._meta.get_field("seat").choices)


class MagTermForm(forms.ModelForm):
    class Meta:
        model = MagTerm
        fields = ["term", "seat"]


class WorkingGroupForm(forms.ModelForm):
    class Meta:
        model = WorkingGroup
        fields = ["name", "acronym", "kind", "mandate"]
        widgets = {"mandate": TEXT}


class WorkingGroupMemberForm(PersonEmailForm):
    role = forms.ChoiceField(label=_("Role"), choices=WorkingGroupMember._meta.get_field(
        "role").choices)


class NewcomersForm(forms.Form):
    newcomers = forms.CharField(
        label=_("Newcomers"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("E-mail addresses of the people who join, one per line."),
        max_length=textlimits.TEXT)

    def clean_newcomers(self):
        people, unknown = [], []
        for line in self.cleaned_data["newcomers"].splitlines():
            if line.strip():
                person = Person.objects.filter(email__iexact=line.strip()).first()
                (people.append(person) if person else unknown.append(line.strip()))
        if unknown:
            raise forms.ValidationError(_("No account for: %(emails)s.")
                                        % {"emails": ", ".join(unknown)})
        return people


# --- Improvements ----------------------------------------------------------------------------
class RecommendationForm(forms.ModelForm):
    tags = forms.CharField(label=_("Tags"), required=False,
                           help_text=_("Separated by semicolons."), max_length=textlimits.NOTE)

    class Meta:
        model = Recommendation
        fields = ["text", "category", "tags", "source", "reference", "responsible", "cost",
                  "status", "remark"]
        widgets = {"text": TEXT, "remark": TEXT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # the instance's tags would otherwise show as a list of objects
            self.initial["tags"] = "; ".join(t.name for t in self.instance.tags.all())

    def clean_tags(self):
        tags = [t.strip() for t in self.cleaned_data["tags"].split(";") if t.strip()]
        longest = ImprovementTag._meta.get_field("name").max_length
        if any(len(t) > longest for t in tags):
            raise forms.ValidationError(_("A tag has at most %(n)d characters.") % {"n": longest})
        return tags


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"),
                           help_text=_("Columns: recommendation, category, tags, source, "
                                       "reference, responsible, cost, status, remark."))


# --- Donors ----------------------------------------------------------------------------------
class DonorForm(forms.ModelForm):
    class Meta:
        model = Donor
        fields = ["name", "kind", "country", "website", "figures_public", "notes"]
        widgets = {"notes": TEXT}


class PledgeForm(forms.ModelForm):
    class Meta:
        model = Pledge
        fields = ["amount", "currency", "usd_rate", "first_year", "last_year", "signed_on",
                  "purpose"]
        widgets = {"signed_on": DATE}


class ReceiptForm(forms.ModelForm):
    class Meta:
        model = Receipt
        fields = ["received_on", "amount", "amount_usd", "reference"]
        widgets = {"received_on": DATE}
