from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="doc-full")
class DatabankSettings(BaseSiteSetting):
    """Editorial choices around the databank, kept by the team in the admin."""

    help_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page that explains the process"),
    )
    reassessment_years = models.PositiveSmallIntegerField(_("years before re-assessment"), default=5)

    panels = [FieldPanel("help_page"), FieldPanel("reassessment_years")]

    class Meta:
        verbose_name = _("practice database")
