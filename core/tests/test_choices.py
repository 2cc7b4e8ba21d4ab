"""Choice labels (core.choices): the kept lookup answers what Django's own get_<field>_display does."""

from functools import partialmethod

import pytest
from django.utils import translation

from core.choices import keep_choice_labels, project_models
from organisations.models import Organisation
from practices.models import Practice

pytestmark = pytest.mark.django_db


def _fields_with_choices():
    for model in project_models():
        for field in model._meta.concrete_fields:
            if field.choices and isinstance(field.choices, (list, tuple)):
                yield model, field


def test_every_choice_field_of_the_project_has_the_kept_lookup():
    fields = list(_fields_with_choices())
    assert len(fields) > 20
    for model, field in fields:
        assert not isinstance(model.__dict__.get(f"get_{field.name}_display"), partialmethod), (model, field.name)


@pytest.mark.parametrize("language", ["nl-be", "en"])
def test_the_kept_lookup_gives_djangos_label_in_the_active_language(language):
    with translation.override(language):
        for model, field in _fields_with_choices():
            for value, _label in [*field.flatchoices, ("not-a-choice", None)]:
                instance = model(**{field.attname: value})
                kept = getattr(instance, f"get_{field.name}_display")()
                assert kept == instance._get_FIELD_display(field), (model, field.name, value)


def test_the_labels_follow_the_language():
    practice = Practice(level="well_described")
    with translation.override("nl-be"):
        assert practice.get_level_display() == "Goed beschreven"
    with translation.override("en"):
        assert practice.get_level_display() == "Well described"


def test_a_models_own_display_method_is_kept():
    def own(self):
        return "eigen"

    class WithItsOwn:  # a model that defines get_kind_display itself
        _meta = Organisation._meta
        get_kind_display = own

    keep_choice_labels([WithItsOwn])
    assert WithItsOwn.__dict__["get_kind_display"] is own
