"""The proposal form (members), the same form for the team, the sessions and the team's messages.

Times are typed as a date and a time in Brussels time and turned into aware datetimes here, so the
rest of the code only ever sees UTC-backed instants."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import AgeGroup, SupportFunction, TargetGroup, Theme
from organisations.models import Municipality, Organisation

from .models import EVENT_TZ, Event

MAX_REPEATS = 52
SESSION_ROWS = 3


def brussels(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """The instant of a wall-clock time in Brussels; a time skipped by the change to summer time is refused."""
    moment = datetime.datetime.combine(day, time).replace(tzinfo=EVENT_TZ)
    back = moment.astimezone(datetime.UTC).astimezone(EVENT_TZ)
    if back.replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise forms.ValidationError(
            _("%(time)s does not exist on %(date)s in Brussels (the clocks move forward). Choose another time."),
            params={"time": time.strftime("%H:%M"), "date": day.strftime("%d/%m/%Y")},
        )
    return moment


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]
TIME_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S"]


class SessionForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=DateInput, input_formats=DATE_FORMATS, required=False)
    start_time = forms.TimeField(label=_("From"), widget=TimeInput, input_formats=TIME_FORMATS, required=False)
    end_time = forms.TimeField(label=_("Until"), widget=TimeInput, input_formats=TIME_FORMATS, required=False)
    end_day = forms.DateField(
        label=_("Last day"),
        widget=DateInput,
        input_formats=DATE_FORMATS,
        required=False,
        help_text=_("Only for a session that runs over several days."),
    )
    title = forms.CharField(label=_("Name of the session"), max_length=120, required=False)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        day, start, end = data.get("day"), data.get("start_time"), data.get("end_time")
        if not any([day, start, end, data.get("end_day"), data.get("title")]):
            return data  # an empty row
        if not day:
            self.add_error("day", _("Give the date."))
        if not start:
            self.add_error("start_time", _("Give the start time."))
        if not end:
            self.add_error("end_time", _("Give the end time."))
        if self.errors:
            return data
        try:
            data["start"] = brussels(day, start)
            data["end"] = brussels(data.get("end_day") or day, end)
        except forms.ValidationError as error:
            self.add_error("start_time", error)
            return data
        if data["end"] <= data["start"]:
            self.add_error("end_time", _("The end must come after the start."))
        return data

    @property
    def is_filled(self) -> bool:
        return bool(getattr(self, "cleaned_data", None) and self.cleaned_data.get("start"))


class BaseSessionFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not any(form.is_filled for form in self.forms):
            raise forms.ValidationError(_("Give at least one date with a start and an end time."))


SessionFormSet = forms.formset_factory(SessionForm, formset=BaseSessionFormSet, extra=SESSION_ROWS, max_num=60, validate_max=True)


def session_initial(event: Event) -> list[dict]:
    rows = []
    for session in event.ordered_sessions():
        start, end = session.local_start, session.local_end
        rows.append(
            {
                "day": start.date(),
                "start_time": start.time(),
                "end_time": end.time(),
                "end_day": end.date() if end.date() != start.date() else None,
                "title": session.title,
            }
        )
    return rows


class EventForm(forms.ModelForm):
    """What a member fills in to propose an event; the team's version adds 'organised by EXPOO'
    and every organisation."""

    organisers = forms.ModelMultipleChoiceField(
        label=_("Organised by"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Your organisations: choose the ones that organise this event."),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.select_related("province"), required=False
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.active(), widget=forms.CheckboxSelectMultiple, required=False
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target groups"), queryset=TargetGroup.objects.active(), widget=forms.CheckboxSelectMultiple, required=False
    )
    age_groups = forms.ModelMultipleChoiceField(
        label=_("Age of the child"), queryset=AgeGroup.objects.active(), widget=forms.CheckboxSelectMultiple, required=False
    )
    support_functions = forms.ModelMultipleChoiceField(
        label=_("Functions of parenting support"),
        queryset=SupportFunction.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    repeat_weekly = forms.IntegerField(
        label=_("Repeat the first session weekly"),
        min_value=0,
        max_value=MAX_REPEATS,
        required=False,
        help_text=_("For a series: how many more times, one week apart, at the same time. Leave empty for none."),
    )

    # The groups the template shows, each in its own fieldset.
    main_fields = ("title", "kind", "is_expoo", "organisers", "summary", "description", "audience")
    place_fields = ("attendance", "venue_name", "street", "postcode", "municipality", "online_url")
    practical_fields = (
        "is_free",
        "price",
        "price_details",
        "registration_url",
        "registration_deadline",
        "capacity",
        "accessibility",
        "contact_name",
        "contact_email",
    )
    taxonomy_fields = ("themes", "target_groups", "age_groups", "support_functions")

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "organisers",
            "summary",
            "description",
            "audience",
            "themes",
            "target_groups",
            "age_groups",
            "support_functions",
            "attendance",
            "venue_name",
            "street",
            "postcode",
            "municipality",
            "online_url",
            "is_free",
            "price",
            "price_details",
            "registration_url",
            "registration_deadline",
            "capacity",
            "accessibility",
            "contact_name",
            "contact_email",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 10}),
            "accessibility": forms.Textarea(attrs={"rows": 3}),
            "attendance": forms.RadioSelect,
            "registration_deadline": DateInput,
        }

    def __init__(self, *args, user, team=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.team = user, team
        self.fields["registration_deadline"].input_formats = DATE_FORMATS
        if team:
            self.fields["organisers"].queryset = Organisation.objects.public()
            self.fields["organisers"].widget = forms.SelectMultiple(attrs={"size": 8})
            self.fields["organisers"].help_text = _("Partner organisations, if any. Hold Ctrl (or Cmd) to choose more than one.")
            self.fields["is_expoo"] = forms.BooleanField(label=_("Organised by EXPOO"), required=False, initial=True)
            self.order_fields(["title", "kind", "is_expoo", "organisers"])
        else:
            own = Organisation.objects.filter(memberships__user=user).distinct()
            self.fields["organisers"].queryset = own
            if not self.is_bound and not self.instance.pk and len(own) == 1:
                self.initial["organisers"] = [own[0].pk]
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("contact_name", user.get_full_name())
            self.initial.setdefault("contact_email", user.email)

    def clean(self):
        data = super().clean()
        if not data.get("organisers") and not data.get("is_expoo"):
            self.add_error("organisers", _("Choose at least one organiser."))
        return data

    def event_data(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        data["is_expoo"] = bool(self.cleaned_data.get("is_expoo")) if self.team else False
        for name in ("title", "summary", "description", "audience", "venue_name", "street", "postcode", "online_url"):
            data[name] = data[name] or ""
        for name in ("price_details", "registration_url", "accessibility", "contact_name", "contact_email"):
            data[name] = data[name] or ""
        data["is_free"] = bool(data["is_free"])
        return data


def sessions_from(form: EventForm, formset) -> list[tuple]:
    """(start, end, title) for every filled row, plus the weekly repeats of the first one."""
    rows = [
        (f.cleaned_data["start"], f.cleaned_data["end"], f.cleaned_data.get("title", "")) for f in formset.forms if f.is_filled
    ]
    repeats = form.cleaned_data.get("repeat_weekly") or 0
    if rows and repeats:
        start, end, title = min(rows, key=lambda r: r[0])
        local_start, local_end = start.astimezone(EVENT_TZ), end.astimezone(EVENT_TZ)
        for week in range(1, repeats + 1):
            shift = datetime.timedelta(weeks=week)
            # Same wall-clock time in Brussels, also across a change to or from summer time.
            rows.append(
                (
                    brussels(local_start.date() + shift, local_start.time().replace(tzinfo=None)),
                    brussels(local_end.date() + shift, local_end.time().replace(tzinfo=None)),
                    title,
                )
            )
    return rows


class MessageForm(forms.Form):
    message = forms.CharField(
        label=_("What should change?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3000,
        help_text=_("The proposer reads this and edits the event."),
        error_messages={"required": _("Write what should change: the proposer reads it.")},
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
        help_text=_("The proposer reads this."),
        error_messages={"required": _("Give a reason: the proposer reads it.")},
    )
