"""A practice (praktijk), the organisations behind it, and collective description trajectories."""

from django.conf import settings as django_settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from core.addresses import page_address
from core.versions import new_stamp

from ..workflow import LEVELS, PUBLIC_LEVELS, PUBLISHED_LEVELS, STATUSES, Level, PublicView, Status


class PracticeQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        """Practices anyone may know exist: registration accepted (any level), never declined."""
        return self.filter(level__in=PUBLIC_LEVELS).exclude(status=Status.DECLINED)

    def published(self):
        """Practices whose accepted description is public (goed beschreven and up)."""
        return self.public().filter(level__in=PUBLISHED_LEVELS, published_description__isnull=False)

    def of_member(self, user):
        """Practices of the organisations this person belongs to, or whose trajectory they join."""
        if not user.is_authenticated:
            return self.none()
        behind = models.Q(organisation_links__role__in=["submitter", "partner"]) & models.Q(
            organisation_links__organisation__memberships__user=user
        )
        return self.filter(behind | models.Q(trajectory__penholder=user)).distinct()

    def awaiting(self, status):
        return self.filter(status=status)

    def reassessment_due(self, on_date):
        return self.public().filter(reassessment_due__lte=on_date)


class Practice(index.Indexed, models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("short description"), max_length=1500)
    level = models.CharField(_("level of description"), max_length=20, choices=Level.choices, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.REGISTRATION_RECEIVED, db_index=True
    )
    organisations = models.ManyToManyField(
        "organisations.Organisation", through="PracticeOrganisation", related_name="practices", verbose_name=_("organisations")
    )
    themes = models.ManyToManyField("core.Theme", blank=True, related_name="practices", verbose_name=_("themes"))
    target_groups = models.ManyToManyField(
        "core.TargetGroup", blank=True, related_name="practices", verbose_name=_("target groups")
    )
    age_groups = models.ManyToManyField("core.AgeGroup", blank=True, related_name="practices", verbose_name=_("age groups"))
    support_functions = models.ManyToManyField(
        "core.SupportFunction", blank=True, related_name="practices", verbose_name=_("functions of parenting support")
    )
    settings = models.ManyToManyField(
        "core.Setting", blank=True, related_name="practices", verbose_name=_("settings and sectors")
    )
    duration = models.CharField(_("duration and intensity"), max_length=200, blank=True)
    costs = models.CharField(_("costs"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_email = models.EmailField(_("contact e-mail address"))
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    # Internal: never shown publicly.
    registered_by = models.ForeignKey(django_settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    intake_date = models.DateTimeField(_("intake conversation"), null=True, blank=True)
    intake_notes = models.TextField(_("intake notes"), blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    # Public once the level allows it.
    published_description = models.OneToOneField(
        "practices.Description", on_delete=models.SET_NULL, null=True, blank=True, related_name="published_for"
    )
    level_decided_at = models.DateField(_("date of the commission's decision"), null=True, blank=True)
    reassessment_due = models.DateField(_("re-assessment date"), null=True, blank=True, db_index=True)
    reassessment_reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # Renewed in the transaction of every change to what the public page shows (practices.body):
    # part of the key of the body the task worker stores.
    page_stamp = models.PositiveBigIntegerField(default=new_stamp, editable=False)

    objects = PracticeQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("public_summary", boost=2),
        index.SearchField("published_text"),
        index.FilterField("level"),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        permissions = [
            ("manage_practices", "Can run intake, read along, assign reviewers and publish practices"),
            ("review_practices", "Can be assigned as commission member"),
            ("chair_commission", "Can merge reviews and record decisions"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return page_address("practices:detail", self.slug)

    def get_workspace_url(self) -> str:
        return reverse("practices:workspace", kwargs={"pk": self.pk})

    @property
    def public_view(self) -> str:
        if self.status == Status.DECLINED or not self.level:
            return PublicView.NONE
        if self.level in PUBLISHED_LEVELS and not self.published_description_id:
            return PublicView.MINIMAL
        return LEVELS[self.level].public

    @property
    def status_info(self):
        return STATUSES[self.status]

    @property
    def submitting_organisation(self):
        link = next((po for po in self.organisation_links.all() if po.role == PracticeRole.SUBMITTER), None)
        return link.organisation if link else None

    @property
    def public_summary(self) -> str:
        """The summary once the description is published; minimal data does not include it."""
        return self.summary if self.public_view == PublicView.DESCRIPTION else ""

    def published_text(self) -> str:
        """Plain text of the published description, for the search index only (never drafts)."""
        from django.utils.html import strip_tags

        if not self.published_description_id or self.level not in PUBLISHED_LEVELS:
            return ""
        phases = LEVELS[self.level].phases
        return "\n".join(strip_tags(s.body) for s in self.published_description.sections.all() if s.phase in phases)


class PracticeRole(models.TextChoices):
    SUBMITTER = "submitter", _("Submitting organisation")
    PARTNER = "partner", _("Co-author")
    APPLIES = "applies", _("Also applies this practice")


class PracticeOrganisation(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="organisation_links")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="practice_links")
    role = models.CharField(_("role"), max_length=16, choices=PracticeRole.choices, default=PracticeRole.SUBMITTER)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["practice", "organisation"], name="unique_practice_organisation")]
        # Submitter first, then co-authors, then those who also apply it.
        ordering = [
            models.Case(
                models.When(role="submitter", then=0),
                models.When(role="partner", then=1),
                default=2,
                output_field=models.IntegerField(),
            ),
            "organisation__name",
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.role})"


class CollectiveTrajectory(models.Model):
    """A collective description: several organisations describe one practice together, led by an
    expert, with one penholder who writes while the others comment."""

    practice = models.OneToOneField(Practice, on_delete=models.CASCADE, related_name="trajectory")
    expert_name = models.CharField(_("expert"), max_length=200)
    penholder = models.ForeignKey(
        django_settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="penholder_of", verbose_name=_("penholder")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("collective description trajectory")
        verbose_name_plural = _("collective description trajectories")

    def __str__(self) -> str:
        return str(self.practice)


class CollectiveSession(models.Model):
    trajectory = models.ForeignKey(CollectiveTrajectory, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    topic = models.CharField(_("topic"), max_length=200, blank=True)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"{self.trajectory}: {self.starts_at:%Y-%m-%d %H:%M}"
