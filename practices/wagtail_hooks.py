from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import DescriptionTemplate, TemplateSection

ACTIONS = {
    "register": _("Practice registered"),
    "plan_intake": _("Intake planned"),
    "accept_registration": _("Registration accepted"),
    "decline_registration": _("Registration declined"),
    "request_read_along": _("Read-along requested"),
    "return_read_along": _("Read-along feedback returned"),
    "submit": _("Description submitted"),
    "assign_reviewers": _("Reviewers assigned"),
    "declare_conflict": _("Conflict of interest declared"),
    "declare_no_conflict": _("No conflict of interest declared"),
    "submit_review": _("Review submitted"),
    "accept": _("Accepted by the commission"),
    "revise": _("Revision requested by the commission"),
    "upload_material": _("Material added"),
    "create_trajectory": _("Collective description started"),
}


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for name, label in ACTIONS.items():
        actions.register_action(f"expoo.practice.{name}", label, label)


class DescriptionTemplateViewSet(SnippetViewSet):
    model = DescriptionTemplate
    icon = "form"
    menu_label = _("Description template")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "version", "is_active"]


register_snippet(DescriptionTemplateViewSet)


@hooks.register("register_snippet_listing_buttons")
def template_copy_button(snippet, user, next_url=None):
    if isinstance(snippet, DescriptionTemplate) and user.has_perm("practices.add_descriptiontemplate"):
        yield ListingButton(
            _("Make a new version"), reverse("practices_template_copy", args=[snippet.pk]), icon_name="copy", priority=20
        )


@hooks.register("before_edit_snippet")
def protect_template_in_use(request, instance):
    """A template version that descriptions were written against never changes: copy it instead."""
    if isinstance(instance, DescriptionTemplate) and request.method == "POST" and instance.in_use:
        messages.error(request, _("This version is in use by descriptions and cannot be changed. Make a new version instead."))
        return redirect(reverse("practices_template_copy", args=[instance.pk]))
    return None


@hooks.register("before_delete_snippet")
def protect_template_delete(request, instances):
    if any(isinstance(i, DescriptionTemplate) and i.in_use for i in instances):
        messages.error(request, _("This version is in use by descriptions and cannot be deleted."))
        return redirect(reverse("wagtailsnippets_practices_descriptiontemplate:list"))
    return None


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("grondplan/<int:pk>/nieuwe-versie/", copy_template, name="practices_template_copy")]


def copy_template(request, pk):
    """Copy a template version into a new, inactive version that administrators can edit."""
    if not request.user.has_perm("practices.add_descriptiontemplate"):
        raise PermissionDenied
    source = get_object_or_404(DescriptionTemplate, pk=pk)
    if request.method == "POST":
        with transaction.atomic():
            version = (DescriptionTemplate.objects.order_by("-version").values_list("version", flat=True).first() or 0) + 1
            copy = DescriptionTemplate.objects.create(
                version=version, title=source.title, introduction=source.introduction, is_active=False
            )
            for section in source.sections.all():
                TemplateSection.objects.create(
                    template=copy,
                    sort_order=section.sort_order,
                    key=section.key,
                    title=section.title,
                    phase=section.phase,
                    guiding_questions=section.guiding_questions,
                    help_text=section.help_text,
                    is_required=section.is_required,
                )
            log(copy, "wagtail.create", user=request.user)
        messages.success(request, _("Version %(v)s was made. Edit it, then make it active.") % {"v": version})
        return redirect(reverse("wagtailsnippets_practices_descriptiontemplate:edit", args=[copy.pk]))
    return render(request, "practices/admin/template_copy.html", {"source": source})


@hooks.register("register_admin_viewset")
def register_practice_chooser():
    from .choosers import practice_chooser_viewset

    return practice_chooser_viewset
