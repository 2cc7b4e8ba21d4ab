from django import forms
from django.utils.translation import gettext_lazy as _

from .region import MAX_LENGTH, Lookup, find_municipality


class RegionForm(forms.Form):
    """The regional offer's one field: a municipality or a postcode (GET, so a result is a shareable URL)."""

    gemeente = forms.CharField(
        label=_("Municipality or postcode"),
        max_length=MAX_LENGTH,
        error_messages={"required": _("Type the name of a municipality or a postcode.")},
        help_text=_("For example Genk, 3600 or Sint-Jans-Molenbeek."),
        widget=forms.TextInput(attrs={"list": "municipality-names", "autocomplete": "address-level2", "inputmode": "search"}),
    )

    lookup: Lookup | None = None

    def clean_gemeente(self) -> str:
        query = self.cleaned_data["gemeente"]
        self.lookup = find_municipality(query)
        if self.lookup.error:
            raise forms.ValidationError(self.lookup.error)
        return query
