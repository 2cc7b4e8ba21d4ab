"""The description template (grondplan): versioned sections with guiding questions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from ..workflow import Phase


class DescriptionTemplateQuerySet(models.QuerySet):
    def current(self):
        """The version new descriptions are written against: the active one with the highest number."""
        return self.filter(is_active=True).order_by("-version").first()


class DescriptionTemplate(ClusterableModel):
    """One version of the grondplan. A version that descriptions use is never changed again:
    administrators make a new version (copy) and activate it."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    is_active = models.BooleanField(
        _("active"), default=False, help_text=_("New descriptions use the active version with the highest number.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DescriptionTemplateQuerySet.as_manager()
    panels = [
        FieldPanel("title"),
        FieldPanel("version"),
        FieldPanel("is_active"),
        FieldPanel("introduction"),
        InlinePanel("sections", label=_("Sections")),
    ]

    class Meta:
        ordering = ["-version"]
        verbose_name = _("description template")
        verbose_name_plural = _("description templates")

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @property
    def in_use(self) -> bool:
        return self.pk is not None and self.descriptions.exists()

    def clean(self):
        if self.pk and self.in_use:
            original = DescriptionTemplate.objects.get(pk=self.pk)
            if original.version != self.version:
                raise ValidationError(_("This version is in use by descriptions; make a copy to change it."))

    def sections_for(self, phases=None):
        sections = self.sections.all()
        return [s for s in sections if phases is None or s.phase in phases]


class TemplateSection(Orderable):
    template = ParentalKey(DescriptionTemplate, on_delete=models.CASCADE, related_name="sections")
    key = models.SlugField(
        _("key"), max_length=60, help_text=_("Stays the same across versions so descriptions can be compared.")
    )
    title = models.CharField(_("title"), max_length=200)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, default=Phase.DESCRIPTION)
    guiding_questions = models.TextField(_("guiding questions"), blank=True, help_text=_("One question per line."))
    help_text = models.TextField(_("help text"), blank=True)
    is_required = models.BooleanField(_("required"), default=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("key"),
        FieldPanel("phase"),
        FieldPanel("is_required"),
        FieldPanel("guiding_questions"),
        FieldPanel("help_text"),
    ]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["template", "key"], name="unique_section_key_per_template")]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.title

    @property
    def questions(self) -> list[str]:
        return [q.strip() for q in self.guiding_questions.splitlines() if q.strip()]
