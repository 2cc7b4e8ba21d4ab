"""Organisations and the reference data of where they are: provinces, municipalities, postcodes."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from core.addresses import page_address

from .widgets import MunicipalitiesByProvinceWidget


class Province(models.Model):
    """A Flemish province, or the Brussels-Capital Region, which has no province."""

    nis_code = models.CharField(_("NIS code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=80)
    name_en = models.CharField(_("name in English"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the visitor's language (Dutch unless English is active and known)."""
        from django.utils.translation import get_language

        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name


class Municipality(models.Model):
    """A municipality of Flanders or Brussels (Statbel REFNIS codes, after the 2025 mergers)."""

    nis_code = models.CharField(_("NIS code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=80, db_index=True)
    name_fr = models.CharField(_("name in French"), max_length=80, blank=True)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("province"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class Postcode(models.Model):
    """A postcode and the municipality it belongs to; one postcode may span municipalities."""

    code = models.CharField(_("postcode"), max_length=4, db_index=True)
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="postcodes")

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["code", "municipality"], name="unique_postcode_municipality")]

    def __str__(self) -> str:
        return f"{self.code} {self.municipality}"


class OrganisationKind(models.TextChoices):
    HUIS_VAN_HET_KIND = "huis_van_het_kind", _("Huis van het Kind")
    OPVOEDINGSWINKEL = "opvoedingswinkel", _("Opvoedingswinkel")
    SUPPORT_CENTRE = "support_centre", _("Provincial support centre")
    CHILDCARE = "childcare", _("Childcare")
    SCHOOL = "school", _("School or CLB")
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    WELFARE = "welfare", _("Welfare organisation")
    RESEARCH = "research", _("Research institute")
    OTHER = "other", _("Other")


class OrganisationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class ServiceArea(models.TextChoices):
    """How far an organisation's offer reaches; the listed municipalities always count too."""

    MUNICIPALITIES = "municipalities", _("The municipalities listed")
    PROVINCE = "province", _("The whole province it is located in")
    REGION = "region", _("All of Flanders and Brussels")


class OrganisationQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        """Organisations anyone may see: approved by the EXPOO team."""
        return self.filter(status=OrganisationStatus.APPROVED)

    def pending(self):
        return self.filter(status=OrganisationStatus.PENDING)

    def serving(self, municipality: "Municipality"):
        """Organisations whose offer reaches `municipality`: located there, listing it among the
        municipalities they serve, serving its whole province, or serving all of Flanders and Brussels.
        Combine with public(); an EXISTS keeps every organisation once, without DISTINCT."""
        lists_it = Organisation.served_municipalities.through.objects.filter(
            organisation_id=models.OuterRef("pk"), municipality_id=municipality.pk
        )
        return self.filter(
            models.Q(municipality_id=municipality.pk)
            | models.Exists(lists_it)
            | models.Q(service_area=ServiceArea.PROVINCE, municipality__province_id=municipality.province_id)
            | models.Q(service_area=ServiceArea.REGION)
        )


class Organisation(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices, default=OrganisationKind.OTHER)
    status = models.CharField(
        _("status"), max_length=16, choices=OrganisationStatus.choices, default=OrganisationStatus.PENDING, db_index=True
    )
    description = models.TextField(_("description"), blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("municipality"),
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    themes = models.ManyToManyField("core.Theme", blank=True, related_name="organisations", verbose_name=_("themes"))
    service_area = models.CharField(
        _("service area"),
        max_length=16,
        choices=ServiceArea.choices,
        default=ServiceArea.MUNICIPALITIES,
        help_text=_("A provincial support centre serves its whole province; most organisations serve the municipalities listed."),
    )
    served_municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="served_by",
        verbose_name=_("municipalities served"),
        help_text=_("The municipality it is located in always counts; add neighbouring municipalities it also serves."),
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )

    objects = OrganisationQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("status")], heading=_("Organisation")
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("street"), FieldRowPanel([FieldPanel("postcode"), FieldPanel("municipality")])], heading=_("Address")
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("email"), FieldPanel("phone"), FieldPanel("website")], heading=_("Contact")
        ),
        FieldPanel("themes"),
        MultiFieldPanel(
            [FieldPanel("service_area"), FieldPanel("served_municipalities", widget=MunicipalitiesByProvinceWidget)],
            heading=_("Service area"),
        ),
        FieldPanel("decline_reason"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("status"),
        index.FilterField("kind"),
        index.RelatedFields("municipality", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        # The public list reads approved organisations only: its page in name order, its counts per
        # kind and per province. These let it read an index instead of sorting or scanning the table.
        indexes = [
            models.Index(fields=["status", "name"], name="organisation_status_name"),
            models.Index(fields=["status", "kind"], name="organisation_status_kind"),
            models.Index(fields=["status", "municipality"], name="organisation_status_place"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return page_address("organisations:detail", self.slug)

    def has_pending_request(self) -> bool:
        """A request for a new organisation (this one) that the team has not decided yet."""
        from accounts.models import RequestStatus

        return self.account_requests.filter(is_new_organisation=True, status=RequestStatus.PENDING).exists()

    @property
    def province(self):
        return self.municipality.province if self.municipality_id else None

    @property
    def is_public(self) -> bool:
        return self.status == OrganisationStatus.APPROVED

    def clean(self):
        super().clean()
        if self.service_area == ServiceArea.PROVINCE and not self.municipality_id:
            raise ValidationError(
                {"service_area": _("Choose the municipality the organisation is located in: its province is the one it serves.")}
            )

    def service_area_label(self) -> str:
        """What the organisation serves, in one phrase for its page and the exports."""
        if self.service_area == ServiceArea.REGION:
            return str(_("All of Flanders and Brussels"))
        if self.service_area == ServiceArea.PROVINCE and self.province:
            return _("The whole province %(province)s") % {"province": self.province.label}
        return ""
