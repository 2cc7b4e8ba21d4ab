"""A publication (publicatie) in the Toolbox and its ordered authors.

Editors draft and publish publications as Wagtail snippets (drafts, revisions, locking, preview).
`Publication.objects.public()` is the one visibility rule: the list, the page, the feeds, OAI-PMH,
the exports, the sitemap and the document URLs all go through it.
"""

import datetime

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, PreviewableMixin, RevisionMixin

from core.addresses import page_address
from core.versions import new_stamp

from .identifiers import doi_url, normalise_doi, normalise_isbn

# Paths under /toolbox/ that a publication's slug must not take.
RESERVED_SLUGS = {"feed", "oai", "export"}
FIRST_YEAR = 1900


def latest_year() -> int:
    """Publications may be announced a little ahead of their year of publication."""
    return datetime.date.today().year + 2


class PublicationType(models.TextChoices):
    REPORT = "report", _("Report")
    JOURNAL_ARTICLE = "journal_article", _("Journal article")
    BOOK = "book", _("Book")
    CHAPTER = "chapter", _("Book chapter")
    PRESENTATION = "presentation", _("Presentation")
    BROCHURE = "brochure", _("Brochure or folder")
    POLICY_DOCUMENT = "policy_document", _("Policy document")
    PODCAST = "podcast", _("Podcast")
    VIDEO = "video", _("Video")
    PRACTICE_MATERIAL = "practice_material", _("Practice material")


# Listened to or watched: they need a link to where that happens.
LINKED_TYPES = {PublicationType.PODCAST, PublicationType.VIDEO}


class Language(models.TextChoices):
    """ISO 639-1 codes, as Dublin Core and CSL expect them."""

    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    GERMAN = "de", _("German")


class Licence(models.TextChoices):
    """SPDX identifiers, so exports and harvesters read them without a table of ours."""

    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")
    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "CC-BY-NC-4.0", "CC BY-NC 4.0"
    CC_BY_NC_SA = "CC-BY-NC-SA-4.0", "CC BY-NC-SA 4.0"
    CC_BY_ND = "CC-BY-ND-4.0", "CC BY-ND 4.0"
    CC_BY_NC_ND = "CC-BY-NC-ND-4.0", "CC BY-NC-ND 4.0"
    CC0 = "CC0-1.0", _("CC0 1.0 (public domain)")


def licence_url(licence: str) -> str:
    """The Creative Commons deed of a CC licence; empty for the others."""
    if licence == Licence.CC0:
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    if licence.startswith("CC-"):
        return f"https://creativecommons.org/licenses/{licence[3:-4].lower()}/4.0/"
    return ""


class AuthorKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class PublicationQuerySet(models.QuerySet):
    def public(self):
        """Publications anyone may see: published (live) in the admin. Drafts never leave it."""
        return self.filter(live=True)


class Publication(DraftStateMixin, RevisionMixin, LockableMixin, PreviewableMixin, ClusterableModel):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("Used in the web address. Left empty, it is made from the title."),
    )
    publication_type = models.CharField(_("type"), max_length=30, choices=PublicationType.choices, db_index=True)
    year = models.PositiveSmallIntegerField(
        _("year of publication"), db_index=True, validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(latest_year)]
    )
    description = models.TextField(_("short description"), max_length=2000, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.DUTCH)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    journal = models.CharField(
        _("journal or book"),
        max_length=300,
        blank=True,
        help_text=_("The journal of an article, or the book a chapter is part of."),
    )
    volume = models.CharField(_("volume"), max_length=30, blank=True)
    issue = models.CharField(_("issue"), max_length=30, blank=True)
    pages = models.CharField(_("pages"), max_length=30, blank=True, help_text=_("For example 12-24."))
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True)
    doi = models.CharField(_("DOI"), max_length=200, blank=True, help_text=_("For example 10.1080/03004430.2019.1234567."))
    licence = models.CharField(_("licence"), max_length=30, choices=Licence.choices, blank=True)
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("file"),
        help_text=_("A PDF to download. It is only served while this publication is published."),
    )
    external_url = models.URLField(
        _("external link"), max_length=500, blank=True, help_text=_("Where to read, listen to or watch it elsewhere.")
    )
    is_expoo = models.BooleanField(
        _("EXPOO publication"), default=False, db_index=True, help_text=_("Published by EXPOO itself: free to download.")
    )
    order_url = models.URLField(
        _("link to order a paper copy"), max_length=500, blank=True, help_text=_("Only for EXPOO publications.")
    )
    # Renewed in the transaction of every change to what the public page's body shows (toolbox.body).
    page_stamp = models.PositiveBigIntegerField(default=new_stamp, editable=False)
    themes = ParentalManyToManyField("core.Theme", blank=True, related_name="publications", verbose_name=_("themes"))
    target_groups = ParentalManyToManyField(
        "core.TargetGroup", blank=True, related_name="publications", verbose_name=_("target groups")
    )
    age_groups = ParentalManyToManyField("core.AgeGroup", blank=True, related_name="publications", verbose_name=_("age groups"))
    support_functions = ParentalManyToManyField(
        "core.SupportFunction", blank=True, related_name="publications", verbose_name=_("functions of parenting support")
    )
    settings = ParentalManyToManyField(
        "core.Setting", blank=True, related_name="publications", verbose_name=_("settings and sectors")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublicationQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("publication_type"), FieldPanel("year"), FieldPanel("language")]),
        InlinePanel("authors", label=_("authors"), heading=_("Authors, in order")),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("publisher"),
                FieldPanel("journal"),
                FieldRowPanel([FieldPanel("volume"), FieldPanel("issue"), FieldPanel("pages")]),
                FieldRowPanel([FieldPanel("isbn"), FieldPanel("doi")]),
            ],
            heading=_("Bibliographic details"),
        ),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("external_url"), FieldPanel("licence")],
            heading=_("File or link"),
        ),
        MultiFieldPanel([FieldPanel("is_expoo"), FieldPanel("order_url")], heading=_("EXPOO")),
        MultiFieldPanel(
            [
                FieldPanel(name, widget=forms.CheckboxSelectMultiple)
                for name in ("themes", "target_groups", "age_groups", "support_functions", "settings")
            ],
            heading=_("Taxonomy"),
        ),
    ]

    # Deleting a publication deletes its revisions (which hold its drafts) too.
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="publication")

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        indexes = [models.Index(fields=["live", "year"]), models.Index(fields=["live", "last_published_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def get_absolute_url(self) -> str:
        return page_address("toolbox:detail", self.slug)

    # Validation -----------------------------------------------------------------------------
    def clean(self):
        super().clean()
        errors = {}
        if not self.slug and self.title:
            self.slug = unique_slug(self.title, exclude_pk=self.pk)
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This slug is reserved for the Toolbox itself. Choose another one.")
        if self.doi:
            try:
                self.doi = normalise_doi(self.doi)
            except ValueError:
                errors["doi"] = _("This is not a DOI. A DOI starts with 10. followed by a number, a slash and a suffix.")
        if self.isbn:
            try:
                self.isbn = normalise_isbn(self.isbn)
            except ValueError:
                errors["isbn"] = _("This is not a valid ISBN-10 or ISBN-13 (check the digits).")
        if self.order_url and not self.is_expoo:
            errors["order_url"] = _("Only EXPOO publications can be ordered on paper.")
        if self.publication_type in LINKED_TYPES and not self.external_url:
            errors["external_url"] = _("A podcast or a video needs a link to where it can be heard or seen.")
        if errors:
            raise ValidationError(errors)

    # What the pages and exports show -------------------------------------------------------
    @property
    def doi_url(self) -> str:
        return doi_url(self.doi)

    @property
    def licence_url(self) -> str:
        return licence_url(self.licence)

    @property
    def download_url(self) -> str:
        """The file's address through Wagtail's document view (never the media folder)."""
        return self.document.url if self.document_id else ""

    # Preview in the admin: the public page as it would look -----------------------------------
    def get_preview_template(self, request, mode_name):
        return "toolbox/publication_detail.html"

    def get_preview_context(self, request, mode_name):
        from .views import detail_context

        return {**super().get_preview_context(request, mode_name), **detail_context(self, request)}


class PublicationAuthor(Orderable):
    """An author in citation order: a person (family and given names) or an organisation."""

    publication = ParentalKey(Publication, on_delete=models.CASCADE, related_name="authors")
    kind = models.CharField(_("kind"), max_length=12, choices=AuthorKind.choices, default=AuthorKind.PERSON)
    name = models.CharField(_("family name or organisation"), max_length=200, db_index=True)
    given_names = models.CharField(_("given names"), max_length=120, blank=True, help_text=_("Only for a person."))
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="publication_authorships",
        verbose_name=_("organisation on the platform"),
        help_text=_("Only for an organisation: the publication is then listed on that organisation's page."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("given_names"), FieldPanel("name")]),
        FieldPanel("organisation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        # An organisation's page finds its publications (organisations.offer.publications_of) through
        # the authors linked to it and those written with its name in any case, without reading every
        # author. Most authors are linked to no organisation: in a plain index on the key, the NULLs
        # make SQLite's statistics say that any key matches most rows, and it reads the whole table.
        indexes = [
            models.Index(Upper("name"), name="toolbox_author_upper_name"),
            models.Index(fields=["organisation"], condition=Q(organisation__isnull=False), name="toolbox_author_linked"),
        ]

    def __str__(self) -> str:
        return self.display_name

    def clean(self):
        if self.kind == AuthorKind.ORGANISATION:
            self.given_names = ""
        else:
            self.organisation = None

    @property
    def is_person(self) -> bool:
        return self.kind == AuthorKind.PERSON

    @property
    def display_name(self) -> str:
        """As a reader says it: 'An Peeters', 'Opgroeien'."""
        return author_display_name(self.kind, self.name, self.given_names)

    @property
    def key(self) -> str:
        """As a catalogue sorts it, and the author filter's value: 'Peeters, An', 'Opgroeien'."""
        return author_key(self.name, self.given_names)


def author_key(name: str, given_names: str) -> str:
    return f"{name}, {given_names}" if given_names else name


def author_display_name(kind: str, name: str, given_names: str) -> str:
    """As a reader says an author: 'An Peeters' for a person, 'Opgroeien' for an organisation."""
    return f"{given_names} {name}".strip() if kind == AuthorKind.PERSON else name


def unique_slug(title: str, exclude_pk=None) -> str:
    """A slug from the title, with -2, -3 ... when another publication (or a reserved path) has it."""
    base = slugify(title)[:190].strip("-") or "publicatie"
    taken = set(Publication.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True))
    taken |= RESERVED_SLUGS
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


class StoredCitation(models.Model):
    """A public publication's formatted references, stored by the task worker so its page need not
    format them (toolbox.citations.store_citations): {locale: {"key": ..., "html": ...}}. A page
    uses one only while its key still matches the publication. Kept apart from the publication's
    row, so lists of publications and revisions do not carry them."""

    publication = models.OneToOneField(Publication, on_delete=models.CASCADE, primary_key=True, related_name="stored_citation")
    references = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("stored citation")
        verbose_name_plural = _("stored citations")

    def __str__(self) -> str:
        return str(self.publication_id)
