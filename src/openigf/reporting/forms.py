from django import forms
from django.utils.translation import gettext_lazy as _

from openigf.core import textlimits
from openigf.forums.enums import SessionKind
from openigf.reporting.models import ReportKind

TYPES = {"long": lambda label, req: forms.CharField(label=label, required=False,
                                                     widget=forms.Textarea(attrs={"rows": 5}),
                                                     max_length=textlimits.LONG),
         "text": lambda label, req: forms.CharField(label=label, required=False,
                                                     max_length=textlimits.NOTE),
         "number": lambda label, req: forms.IntegerField(label=label, required=False,
                                                         min_value=0),
         "yesno": lambda label, req: forms.ChoiceField(
             label=label, required=False, choices=[("", "—"), ("yes", _("Yes")),
                                                   ("no", _("No"))])}


class ReportForm(forms.Form):
    """The template's questions, then up to three key takeaways and calls to action."""

    def __init__(self, *args, template, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = template.questions
        for q in template.questions:
            make = TYPES.get(q.get("type", "long"), TYPES["long"])
            field = make(q["label"], q.get("required"))
            if q.get("required"):
                field.label = f"{q['label']} *"
            self.fields[f"q_{q['key']}"] = field
        if kind in (ReportKind.SHORT, ReportKind.FULL):
            for i in range(1, 4):
                self.fields[f"takeaway_{i}"] = forms.CharField(
                    label=_("Key takeaway %(n)d") % {"n": i}, required=False, max_length=600,
                    widget=forms.Textarea(attrs={"rows": 2}))
            for i in range(1, 4):
                self.fields[f"call_{i}"] = forms.CharField(
                    label=_("Call to action %(n)d") % {"n": i}, required=False, max_length=600,
                    widget=forms.Textarea(attrs={"rows": 2}))

    def answers(self):
        return {q["key"]: self.cleaned_data.get(f"q_{q['key']}") for q in self.questions
                if self.cleaned_data.get(f"q_{q['key']}") not in (None, "")}

    def takeaways(self):
        return [self.cleaned_data.get(f"takeaway_{i}", "") for i in range(1, 4)]

    def calls(self):
        return [self.cleaned_data.get(f"call_{i}", "") for i in range(1, 4)]


class TemplateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"), choices=ReportKind.choices)
    session_kind = forms.ChoiceField(label=_("Session type"), required=False,
                                     choices=[("", _("Every session type"))]
                                     + list(SessionKind.choices))
    due_hours = forms.IntegerField(label=_("Due, in hours after the session ends (negative: "
                                           "before it starts)"))
    questions = forms.CharField(
        label=_("Questions, one per line: key | label | type (long, text, number, yesno) | "
                "required"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
        max_length=textlimits.TEXT)

    def clean_questions(self):
        questions = []
        for n, line in enumerate(self.cleaned_data["questions"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) < 2 or not parts[0] or not parts[1]:
                raise forms.ValidationError(_("Line %(n)d: give at least a key and a label.")
                                            % {"n": n})
            kind = parts[2] if len(parts) > 2 and parts[2] else "long"
            if kind not in TYPES:
                raise forms.ValidationError(_("Line %(n)d: the type %(t)s is not long, text, "
                                              "number or yesno.") % {"n": n, "t": kind})
            questions.append({"key": parts[0], "label": parts[1], "type": kind,
                              "required": len(parts) > 3 and parts[3].lower() in (
                                  "required", "yes", "true", "1")})
        return questions
