from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from core.models import Theme
from organisations.models import Municipality, Organisation, OrganisationKind, ServiceArea
from organisations.widgets import MunicipalitiesByProvinceWidget

from .models import MembershipRole


class EmailAuthenticationForm(AuthenticationForm):
    """Log in with an e-mail address. The error never says whether the address exists."""

    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
    )
    error_messages = {
        "invalid_login": _("This e-mail address and password do not match an active account. Check both and try again."),
        "inactive": _("This e-mail address and password do not match an active account. Check both and try again."),
    }


class AccountRequestForm(forms.Form):
    first_name = forms.CharField(
        label=_("First name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    email = forms.EmailField(label=_("Work e-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    job_title = forms.CharField(label=_("Job title"), max_length=120, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Your organisation"),
        queryset=Organisation.objects.public(),
        required=False,
        empty_label=_("— My organisation is not listed —"),
        help_text=_("Choose your organisation. Is it not in the list? Leave this empty and fill in the fields below."),
    )
    new_organisation_name = forms.CharField(label=_("Name of the new organisation"), max_length=200, required=False)
    new_organisation_kind = forms.ChoiceField(label=_("Kind of organisation"), choices=OrganisationKind.choices, required=False)
    new_organisation_municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.all(), required=False, empty_label=_("— Choose a municipality —")
    )
    new_organisation_website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    motivation = forms.CharField(
        label=_("Message for the people who approve your request"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
    )

    def clean(self):
        data = super().clean()
        organisation = data.get("organisation")
        new_name = (data.get("new_organisation_name") or "").strip()
        if organisation and new_name:
            raise forms.ValidationError(_("Choose an existing organisation or name a new one, not both."))
        if not organisation and not new_name:
            self.add_error("organisation", _("Choose your organisation, or fill in the name of a new organisation below."))
        if new_name and not data.get("new_organisation_municipality"):
            self.add_error("new_organisation_municipality", _("Choose the municipality where the new organisation is located."))
        if new_name and not data.get("new_organisation_kind"):
            self.add_error("new_organisation_kind", _("Choose the kind of organisation."))
        return data

    def new_organisation(self) -> dict | None:
        data = self.cleaned_data
        if data.get("organisation"):
            return None
        return {
            "name": data["new_organisation_name"].strip(),
            "kind": data["new_organisation_kind"],
            "municipality": data["new_organisation_municipality"],
            "website": data.get("new_organisation_website", ""),
        }


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("The person who asked reads this reason."),
        error_messages={"required": _("Give a reason: the person who asked reads it.")},
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices, initial=MembershipRole.MEMBER)


class AcceptInvitationForm(forms.Form):
    """A person new to the platform chooses their name and password when accepting an invitation."""

    first_name = forms.CharField(
        label=_("First name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def __init__(self, *args, email: str, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif p1:
            from .models import User

            try:
                password_validation.validate_password(p1, User(email=self.email, first_name=data.get("first_name", "")))
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class OrganisationProfileForm(forms.ModelForm):
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.active(), required=False, widget=forms.CheckboxSelectMultiple
    )
    served_municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities served"),
        queryset=Municipality.objects.all(),
        required=False,
        widget=MunicipalitiesByProvinceWidget,
        template_name="organisations/widgets/municipalities_field.html",
        help_text=_("The municipality you are located in always counts; add the neighbouring municipalities you also serve."),
    )

    class Meta:
        model = Organisation
        fields = [
            "description",
            "street",
            "postcode",
            "municipality",
            "website",
            "email",
            "phone",
            "contact_name",
            "themes",
            "service_area",
            "served_municipalities",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6}), "service_area": forms.RadioSelect}

    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left out of a post, the service area stays as it is (never a validation error).
        self.fields["service_area"].required = False

    def clean_service_area(self):
        return self.cleaned_data.get("service_area") or self.instance.service_area or ServiceArea.MUNICIPALITIES


class SetOrResetPasswordForm(PasswordResetForm):
    """Password reset that also reaches people who never chose a password (approved accounts start
    without one), so an expired set-password link is never a dead end."""

    def get_users(self, email):
        from .models import User

        return User.objects.filter(email__iexact=email, is_active=True)

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None):
        """Queue the e-mail for the worker: sending it during the request would make a known address
        answer measurably slower than an unknown one."""
        from django.template.loader import render_to_string

        from notifications.tasks import send_email

        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        send_email.enqueue([to_email], subject, body)


class TwoFactorCodeForm(forms.Form):
    """The second step of logging in: a code from the authenticator app or a recovery code."""

    code = forms.CharField(
        label=_("Login code"),
        max_length=20,
        help_text=_("The 6-digit code your authenticator app shows now, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
        error_messages={"required": _("Enter the code from your authenticator app.")},
    )


class MailboxCodeForm(forms.Form):
    """The code e-mailed before a first set-up of the authenticator app."""

    code = forms.CharField(
        label=_("Code from the e-mail"),
        max_length=10,
        help_text=_("The 6 digits in the e-mail we just sent you."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True, "spellcheck": "false"}
        ),
        error_messages={"required": _("Enter the code from the e-mail.")},
    )


class AuthenticatorCodeForm(forms.Form):
    """A code from the authenticator app only (confirming a new app, renewing recovery codes)."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=10,
        help_text=_("The 6 digits your authenticator app shows now for EXPOO."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": _("Enter the code from your authenticator app.")},
    )


class ResetTwoFactorForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the person"),
        help_text=_("They set up two-factor login again at their next login."),
    )

    def clean_email(self):
        from .models import User

        user = User.objects.filter(email__iexact=self.cleaned_data["email"]).first()
        if user is None:
            raise forms.ValidationError(_("There is no account with this e-mail address."))
        self.user = user
        return user.email


class FollowThemesForm(forms.Form):
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes you follow"),
        queryset=Theme.objects.active(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("You receive an e-mail when a practice on one of these themes is published."),
    )
