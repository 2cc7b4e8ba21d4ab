"""The Toolbox in the Wagtail admin: publications as snippets, the library import, and the rule
that a publication's file is served only while the publication is published."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Revision
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import actions
from .admin_views import ImportView
from .models import Publication


class PublicationIndexView(IndexView):
    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if actions.can_import(self.request.user)[0]:
            buttons.append(HeaderButton(_("Import RIS or BibTeX"), url=reverse("toolbox_import"), icon_name="upload"))
        return buttons


class PublicationViewSet(SnippetViewSet):
    model = Publication
    icon = "doc-full-inverse"
    menu_label = _("Toolbox")
    menu_order = 240
    add_to_admin_menu = True
    index_view_class = PublicationIndexView
    list_display = ["title", "publication_type", "year", "is_expoo", "live", "updated_at"]
    list_filter = {
        "publication_type": ["exact"],
        "year": ["exact", "gte", "lte"],
        "themes": ["exact"],
        "is_expoo": ["exact"],
        "live": ["exact"],
    }
    search_fields = ["title", "description", "publisher"]
    search_backend_name = None  # the model is not in Wagtail's search index: search the columns
    ordering = ["-year", "title"]


register_snippet(PublicationViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("toolbox/importeren/", ImportView.as_view(), name="toolbox_import")]


def document_is_hidden(document) -> bool:
    """True when the document belongs to publications (their saved rows or any revision, drafts
    included) and none of them is published: then only editors may fetch it."""
    if Publication.objects.public().filter(document=document).exists():
        return False
    if Publication.objects.filter(document=document).exists():
        return True
    content_type = ContentType.objects.get_for_model(Publication)
    return Revision.objects.filter(base_content_type=content_type, content__document=document.pk).exists()


@hooks.register("before_serve_document")
def hide_documents_of_unpublished_publications(document, request):
    """Wagtail serves documents by id to anyone; a draft publication's PDF must not leak that way.
    Documents unrelated to the Toolbox (page attachments) are left to Wagtail's own rules."""
    if document_is_hidden(document) and not request.user.has_perm("toolbox.change_publication"):
        raise Http404
