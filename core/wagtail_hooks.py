from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import TAXONOMY_MODELS


def _viewset_for(term_model):
    return type(
        f"{term_model.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": term_model,
            "icon": "tag",
            "list_display": ["name", "name_en", "sort_order", "is_active"],
            "list_filter": ["is_active"],
            "search_fields": ["name", "name_en"],
            "ordering": ["sort_order", "name"],
        },
    )


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 300
    items = [_viewset_for(m) for m in TAXONOMY_MODELS]


register_snippet(TaxonomyGroup)


@hooks.register("insert_global_admin_js")
def admin_init_script():
    """Starts the widgets whose inline scripts core/admin_scripts.py turned into JSON (CSP)."""
    return format_html('<script src="{}" defer></script>', static("core/js/admin-init.js"))
