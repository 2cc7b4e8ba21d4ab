"""The editors' import of a RIS or BibTeX library in the Wagtail admin."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import actions
from .importing import LibraryError, read_library

MAX_UPLOAD_SIZE = 10 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("RIS or BibTeX file"),
        help_text=_("Exported from Zotero, EndNote, Mendeley or another reference manager (.ris or .bib)."),
    )
    publish = forms.BooleanField(
        label=_("Publish at once"), required=False, help_text=_("Otherwise every publication is imported as a draft.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_SIZE:
            raise forms.ValidationError(_("This file is larger than 10 MB."))
        try:
            self.prepared, errors = read_library(upload.read(), upload.name)
        except LibraryError as error:
            raise forms.ValidationError(str(error))
        if errors:
            self.import_errors = errors
            raise forms.ValidationError(
                ngettext(
                    "Nothing was imported: the file has %(count)d error. Correct it and try again.",
                    "Nothing was imported: the file has %(count)d errors. Correct them and try again.",
                    len(errors),
                )
                % {"count": len(errors)}
            )
        return upload


class ImportView(WagtailAdminTemplateMixin, FormView):
    form_class = ImportForm
    template_name = "toolbox/admin/import.html"
    page_title = _("Import publications")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        allowed, reason = actions.can_import(request.user)
        if not allowed:
            raise PermissionDenied(reason)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailsnippets_toolbox_publication:list"), "label": _("Publications")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(action_url=reverse("toolbox_import"), submit_button_label=_("Check and import"), **kwargs)

    def form_invalid(self, form):
        # Nothing was stored: say so with a client-error status, not a 200 that looks like success.
        context = self.get_context_data(form=form, import_errors=getattr(form, "import_errors", []))
        return self.render_to_response(context, status=400)

    def form_valid(self, form):
        allowed, reason = actions.can_import(self.request.user, form.cleaned_data["publish"])
        if not allowed:
            form.add_error("publish", reason)
            return self.form_invalid(form)
        created = actions.import_publications(form.prepared, by=self.request.user, publish=form.cleaned_data["publish"])
        n = len(created)
        if form.cleaned_data["publish"]:
            message = ngettext(
                "%(count)d publication imported and published.", "%(count)d publications imported and published.", n
            )
        else:
            message = ngettext("%(count)d publication imported as a draft.", "%(count)d publications imported as drafts.", n)
        message %= {"count": n}
        messages.success(self.request, message)
        return redirect("wagtailsnippets_toolbox_publication:list")
