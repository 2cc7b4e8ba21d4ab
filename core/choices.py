"""Choice labels without Django's per-call work.

Django gives every field with choices a `get_<field>_display()` that flattens the choices and
makes them hashable into a new dict on every call: about 25 µs, and a listing calls it for every
result (a practice's level, an organisation's kind, a member's role). `keep_choice_labels` puts in
its place one that looks the value up in a dict made once, with the same answer: the label (a lazy
translation, made a string in the active language at each call) or the value itself.
"""

from functools import partialmethod
from pathlib import Path

from django.conf import settings
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable


def _display_of(field):
    labels = {make_hashable(value): label for value, label in field.flatchoices}
    attname = field.attname

    def get_display(self):
        value = getattr(self, attname)
        return force_str(labels.get(make_hashable(value), value), strings_only=True)

    get_display.__name__ = f"get_{field.name}_display"
    return get_display


def keep_choice_labels(models) -> int:
    """Give these models' fields with fixed choices the kept lookup (only where Django made the
    method: a model's own `get_<field>_display` stays). Returns how many were replaced."""
    replaced = 0
    for model in models:
        for field in model._meta.concrete_fields:
            name = f"get_{field.name}_display"
            made_by_django = isinstance(model.__dict__.get(name), partialmethod)
            if field.choices and isinstance(field.choices, (list, tuple)) and made_by_django:
                setattr(model, name, _display_of(field))
                replaced += 1
    return replaced


def project_models():
    """The models of this project's own apps (not Django's, Wagtail's or other libraries')."""
    from django.apps import apps

    root = Path(settings.BASE_DIR).resolve()
    return [
        model
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(root)
        for model in config.get_models()
    ]
