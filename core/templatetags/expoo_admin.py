"""Template tags for the Wagtail admin templates that core overrides (see core/admin_scripts.py)."""

import json

from django import template

from core.admin_scripts import init_script

register = template.Library()


@register.filter
def from_json(text: str):
    """A JSON string, as Wagtail passes widget and panel options to its templates, read back."""
    return json.loads(text)


@register.simple_tag
def admin_init(call: str, *args, new: bool = False):
    """`{% admin_init "InlinePanel" options_json|from_json new=True %}`: the inert JSON that
    admin-init.js runs instead of an inline script."""
    return init_script(call, list(args), new=new)
