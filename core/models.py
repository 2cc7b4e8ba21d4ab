"""The taxonomy every content type shares: themes, target groups, age groups, support functions
and settings. Editors keep them in the Wagtail admin (snippets, under "Taxonomie")."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class TaxonomyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class TaxonomyTerm(index.Indexed, models.Model):
    """A term with a Dutch name, an optional English name and an order chosen by editors."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, help_text=_("Used in web addresses and filters."))
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100, help_text=_("Lower numbers come first."))
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("Terms no longer in use stay on existing content but are not offered.")
    )

    objects = TaxonomyQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        FieldPanel("is_active"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("description")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the visitor's language, falling back to Dutch."""
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name


class Theme(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class TargetGroup(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class AgeGroup(TaxonomyTerm):
    """An age band of the child, from before birth to young adulthood."""

    min_age = models.PositiveSmallIntegerField(_("from age (years)"), null=True, blank=True, help_text=_("Empty for prenatal."))
    max_age = models.PositiveSmallIntegerField(_("up to age (years)"), null=True, blank=True)

    panels = TaxonomyTerm.panels + [FieldPanel("min_age"), FieldPanel("max_age")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("age group")
        verbose_name_plural = _("age groups")


class SupportFunction(TaxonomyTerm):
    """One of the functions of parenting support (functies van opvoedingsondersteuning)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("function of parenting support")
        verbose_name_plural = _("functions of parenting support")


class Setting(TaxonomyTerm):
    """A setting or sector in which families are supported (childcare, school, welfare ...)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("setting or sector")
        verbose_name_plural = _("settings and sectors")


TAXONOMY_MODELS = [Theme, TargetGroup, AgeGroup, SupportFunction, Setting]


class ContentVersion(models.Model):
    """A stamp per kind of public content, renewed by every change to it (core.versions).

    Caches and in-memory indexes key on it, so every web process, the worker
    included, notices a change on its next request, whatever cache backend is configured."""

    name = models.CharField(max_length=40, primary_key=True)
    value = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.name} {self.value}"


class StoredFragment(models.Model):
    """The HTML of part of a public page, rendered when its content changed (core.fragments).

    A page uses it only while its key is the one the page computes now: the key covers the
    object's own change stamp, the stamps of what it shows from elsewhere, the language and the
    release (code, templates, translations and libraries), so a stored fragment is never stale."""

    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    language = models.CharField(max_length=10)
    key = models.CharField(max_length=32)
    html = models.TextField()
    stored_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id", "language"], name="core_unique_fragment")]

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language})"
