from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureForm(forms.Form):
    """The person confirms with their password that they want their account and data erased."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To be sure it is you."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my personal data are erased for good."),
        error_messages={"required": _("Tick the box to confirm that you want your account erased.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct. Nothing was erased."))
        return password
