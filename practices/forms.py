from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.models import TargetGroup, Theme
from organisations.models import Organisation

from .models import Recommendation

MAX_PDF_BYTES = getattr(settings, "PRACTICE_MATERIAL_MAX_BYTES", 10 * 1024 * 1024)


class RegistrationForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Submitting organisation"), queryset=Organisation.objects.none())
    partners = forms.ModelMultipleChoiceField(
        label=_("Other organisations that describe it with you"),
        queryset=Organisation.objects.public(),
        required=False,
        help_text=_("For a network of organisations. Hold Ctrl (or Cmd) to choose more than one."),
    )
    title = forms.CharField(label=_("Title of the practice"), max_length=200)
    summary = forms.CharField(
        label=_("Short description"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=1500,
        help_text=_("In a few sentences: what do you do, with whom, and why?"),
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target group"), queryset=TargetGroup.objects.active(), widget=forms.CheckboxSelectMultiple
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Theme"), queryset=Theme.objects.active(), widget=forms.CheckboxSelectMultiple
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=120)
    contact_email = forms.EmailField(label=_("Contact e-mail address"))
    contact_phone = forms.CharField(label=_("Contact telephone"), max_length=40, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        own = Organisation.objects.filter(memberships__user=user).distinct()
        self.fields["organisation"].queryset = own
        if not self.is_bound and len(own) == 1:
            self.fields["organisation"].initial = own[0].pk
        if not self.is_bound:
            self.fields["contact_name"].initial = user.get_full_name()
            self.fields["contact_email"].initial = user.email


class SectionForm(forms.Form):
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 16}), required=False, max_length=20000)
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class IntakeForm(forms.Form):
    when = forms.DateTimeField(
        label=_("Date and time of the intake conversation"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
    )
    notes = forms.CharField(label=_("Notes (internal)"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
        help_text=_("The submitter reads this."),
        error_messages={"required": _("Give a reason: the submitter reads it.")},
    )


class MessageForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the writers"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=3000
    )


class AssignForm(forms.Form):
    reviewers = forms.ModelMultipleChoiceField(
        label=_("Commission members"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one commission member.")},
    )
    due_date = forms.DateField(label=_("Reviews due on"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = (
            User.objects.filter(is_active=True, groups__permissions__codename="review_practices").distinct().order_by("last_name")
        )


class ConflictForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this practice or its organisations?"),
        choices=[("no", _("No, I have no conflict of interest")), ("yes", _("Yes, I have a conflict of interest"))],
        widget=forms.RadioSelect,
        coerce=lambda v: v == "yes",
    )
    statement = forms.CharField(
        label=_("Describe the conflict"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
        help_text=_("Only if you answered yes. The EXPOO team reads this and assigns someone else."),
    )


class ReviewForm(forms.Form):
    overall = forms.CharField(
        label=_("Overall assessment"), widget=forms.Textarea(attrs={"rows": 5}), required=False, max_length=10000
    )
    recommendation = forms.ChoiceField(
        label=_("Recommendation"), choices=[("", _("— Not yet —")), *Recommendation.choices], required=False
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.section_fields = []
        for section in sections:
            name = f"note_{section.key}"
            self.fields[name] = forms.CharField(
                label=section.title, widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=5000
            )
            self.section_fields.append(name)

    def notes(self):
        return {name.removeprefix("note_"): self.cleaned_data.get(name, "") for name in self.section_fields}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Recommendation.choices, widget=forms.RadioSelect)
    feedback = forms.CharField(
        label=_("Feedback to the submitter"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20000,
        help_text=_(
            "Merge the reviews into one written feedback. The submitter reads this; the individual reviews stay internal."
        ),
    )


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("PDF file"), help_text=_("PDF only, at most 10 MB."))
    is_public = forms.BooleanField(
        label=_("Show on the public page once the description is published"), required=False, initial=True
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_PDF_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s. Make it smaller and try again.") % {"limit": filesizeformat(MAX_PDF_BYTES)}
            )
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(_("This is not a PDF file. Only PDF files can be added."))
        return upload


class TrajectoryForm(forms.Form):
    title = forms.CharField(label=_("Title of the practice"), max_length=200)
    summary = forms.CharField(label=_("Short description"), widget=forms.Textarea(attrs={"rows": 4}), max_length=1500)
    organisations = forms.ModelMultipleChoiceField(
        label=_("Participating organisations"),
        queryset=Organisation.objects.public(),
        help_text=_(
            "The first chosen (alphabetically) is shown as the submitting organisation. Hold Ctrl (or Cmd) to choose more."
        ),
    )
    penholder = forms.ModelChoiceField(
        label=_("Penholder"), queryset=User.objects.filter(is_active=True, memberships__isnull=False).distinct()
    )
    expert_name = forms.CharField(label=_("Expert who leads the sessions"), max_length=200)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.active(), widget=forms.CheckboxSelectMultiple, required=False
    )
    contact_email = forms.EmailField(label=_("Contact e-mail address"))
    session_dates = forms.CharField(
        label=_("Session dates"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line as DD/MM/YYYY HH:MM, for example 12/03/2027 09:30."),
    )

    def clean_session_dates(self):
        import datetime

        from django.utils import timezone

        sessions = []
        for n, line in enumerate(self.cleaned_data["session_dates"].splitlines(), start=1):
            if not line.strip():
                continue
            try:
                moment = datetime.datetime.strptime(line.strip(), "%d/%m/%Y %H:%M")
            except ValueError:
                raise forms.ValidationError(_("Line %(n)s is not a date like 12/03/2027 09:30.") % {"n": n})
            sessions.append({"starts_at": timezone.make_aware(moment)})
        if not sessions:
            raise forms.ValidationError(_("Give at least one session date."))
        return sessions
