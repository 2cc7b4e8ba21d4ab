"""An event in the agenda (vorming, studiedag, webinar, congres, ...) and its sessions.

An event has one or more sessions, each with a start and an end stored in UTC and entered and
shown in Europe/Brussels: a study day over two days is one session spanning both or two sessions,
a series is several sessions. `Event.objects.public()` is the one visibility rule (see
workflow.PUBLIC_STATUSES): the agenda, the month view, the archive, the event page, iCalendar,
Atom, the sitemap, the site search and the dossiers all start from it.
"""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, Min, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from core.addresses import page_address

from .workflow import PUBLIC_STATUSES, STATUSES, Status

# Every time is entered and shown here, whatever the server's or the visitor's clock says.
EVENT_TZ = zoneinfo.ZoneInfo("Europe/Brussels")
# Paths under /agenda/ that an event's slug must not take.
RESERVED_SLUGS = {"archief", "maand", "ical", "feed", "voorstellen", "voorstel", "moderatie", "nieuw"}


class EventKind(models.TextChoices):
    TRAINING = "training", _("Training")
    STUDY_DAY = "study_day", _("Study day")
    WEBINAR = "webinar", _("Webinar")
    LEARNING_NETWORK = "learning_network", _("Learning-network meeting")
    CONGRESS = "congress", _("Congress")
    CAMPAIGN_WEEK = "campaign_week", _("Campaign week")


class Attendance(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("On site and online")


ON_SITE_MODES = (Attendance.ON_SITE, Attendance.HYBRID)
ONLINE_MODES = (Attendance.ONLINE, Attendance.HYBRID)


def _sessions_of_event():
    return EventSession.objects.filter(event=OuterRef("pk")).order_by().values("event")


class EventQuerySet(models.QuerySet):
    def public(self):
        """Events anyone may see: approved by the EXPOO team. Proposals, events waiting for changes
        and declined events are seen only by their proposers and the team."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def with_dates(self, now=None):
        """Annotate `starts_at` (first session), `ends_at` (last session end) and `next_start`
        (the first session that has not ended at `now`), from the sessions in one query."""
        now = now or timezone.now()
        sessions = _sessions_of_event()
        return self.annotate(
            starts_at=Subquery(sessions.annotate(v=Min("start")).values("v")[:1]),
            ends_at=Subquery(sessions.annotate(v=models.Max("end")).values("v")[:1]),
            next_start=Subquery(sessions.filter(end__gt=now).annotate(v=Min("start")).values("v")[:1]),
        )

    def upcoming(self, now=None):
        """Events with a session that has not ended yet, the soonest first."""
        now = now or timezone.now()
        running = EventSession.objects.filter(event=OuterRef("pk"), end__gt=now)
        return self.filter(Exists(running)).with_dates(now).order_by("next_start", "pk")

    def past(self, now=None):
        """Events whose every session has ended, the most recent first."""
        now = now or timezone.now()
        running = EventSession.objects.filter(event=OuterRef("pk"), end__gt=now)
        has_sessions = EventSession.objects.filter(event=OuterRef("pk"))
        return self.filter(Exists(has_sessions)).exclude(Exists(running)).with_dates(now).order_by("-ends_at", "-pk")

    def between(self, start, end):
        """Events with a session overlapping [start, end)."""
        overlapping = EventSession.objects.filter(event=OuterRef("pk"), start__lt=end, end__gt=start)
        return self.filter(Exists(overlapping))

    def awaiting_moderation(self):
        return self.filter(status=Status.PROPOSED)

    def of_member(self, user):
        """Events proposed for an organisation the person belongs to, or by the person."""
        if not user.is_authenticated:
            return self.none()
        org_ids = user.memberships.values("organisation_id")
        return self.filter(models.Q(proposed_by=user) | models.Q(organisers__in=org_ids)).distinct()


class Event(ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("Used in the web address. Left empty, it is made from the title."),
    )
    kind = models.CharField(_("kind of event"), max_length=30, choices=EventKind.choices, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED, db_index=True)
    organisers = ParentalManyToManyField(
        "organisations.Organisation", blank=True, related_name="events", verbose_name=_("organisers")
    )
    is_expoo = models.BooleanField(_("organised by EXPOO"), default=False, db_index=True)
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences for the agenda and search results.")
    )
    description = models.TextField(
        _("description"),
        max_length=20000,
        help_text=_("Blank line between paragraphs, a dash (-) at the start of a line for a list, **bold**, ### a heading."),
    )
    audience = models.CharField(
        _("for whom"), max_length=300, blank=True, help_text=_("For example: staff of Huizen van het Kind.")
    )
    themes = ParentalManyToManyField("core.Theme", blank=True, related_name="events", verbose_name=_("themes"))
    target_groups = ParentalManyToManyField(
        "core.TargetGroup", blank=True, related_name="events", verbose_name=_("target groups")
    )
    age_groups = ParentalManyToManyField("core.AgeGroup", blank=True, related_name="events", verbose_name=_("age groups"))
    support_functions = ParentalManyToManyField(
        "core.SupportFunction", blank=True, related_name="events", verbose_name=_("functions of parenting support")
    )
    # Where
    attendance = models.CharField(
        _("on site or online"), max_length=10, choices=Attendance.choices, default=Attendance.ON_SITE, db_index=True
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("municipality"),
    )
    online_url = models.URLField(
        _("link to join online"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty if participants receive the link after registering."),
    )
    # Price and registration
    is_free = models.BooleanField(_("free"), default=False, db_index=True)
    price = models.DecimalField(_("price in euro"), max_digits=7, decimal_places=2, null=True, blank=True)
    price_details = models.CharField(
        _("price details"), max_length=200, blank=True, help_text=_("For example: reduced price for students.")
    )
    accessibility = models.TextField(
        _("accessibility"),
        max_length=2000,
        blank=True,
        help_text=_("Wheelchair access, sign language, childcare on site, quiet room, ..."),
    )
    registration_url = models.URLField(_("registration link"), max_length=500, blank=True)
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("number of places"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    # Moderation
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposed_events", editable=False
    )
    team_message = models.TextField(
        _("message from the EXPOO team"), blank=True, help_text=_("The changes asked for, or the reason for declining.")
    )
    approved_at = models.DateTimeField(_("published on"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        MultiFieldPanel([FieldPanel("is_expoo"), FieldPanel("organisers")], heading=_("Organisers")),
        FieldPanel("summary"),
        FieldPanel("description"),
        InlinePanel("sessions", label=_("session"), heading=_("Sessions (times in Brussels time)"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("municipality")]),
                FieldPanel("online_url"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
                FieldPanel("price_details"),
                FieldPanel("registration_url"),
                FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("capacity")]),
                FieldPanel("accessibility"),
            ],
            heading=_("Price, registration and accessibility"),
        ),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")),
        MultiFieldPanel(
            [FieldPanel("audience"), *(FieldPanel(n) for n in ("themes", "target_groups", "age_groups", "support_functions"))],
            heading=_("Audience and taxonomy"),
        ),
        FieldPanel("team_message"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("moderate_events", "Can moderate events and add EXPOO's own")]
        indexes = [models.Index(fields=["status", "approved_at"])]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        errors = validate_event_fields(
            attendance=self.attendance,
            municipality=self.municipality,
            is_free=self.is_free,
            price=self.price,
            is_expoo=self.is_expoo,
        )
        if self.slug in RESERVED_SLUGS:
            errors.setdefault("slug", []).append(_("This web address is reserved. Choose another one."))
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self) -> str:
        return page_address("events:detail", self.slug)

    def get_ical_url(self) -> str:
        return reverse("events:ics", kwargs={"slug": self.slug})

    def get_proposal_url(self) -> str:
        return reverse("events:proposal", kwargs={"pk": self.pk})

    def get_moderation_url(self) -> str:
        return reverse("events:moderate", kwargs={"pk": self.pk})

    @property
    def status_info(self):
        return STATUSES[self.status]

    @property
    def is_public(self) -> bool:
        return self.status_info.public

    @property
    def is_on_site(self) -> bool:
        return self.attendance in ON_SITE_MODES

    @property
    def is_online(self) -> bool:
        return self.attendance in ONLINE_MODES

    @property
    def province(self):
        return self.municipality.province if self.municipality_id else None

    @cached_property
    def terms(self) -> dict:
        """{relation: [term, ...]} of the four taxonomies an event page shows, in one query."""
        from core import taxonomy

        return taxonomy.terms_of(self, ("themes", "target_groups", "age_groups", "support_functions"))

    def ordered_sessions(self):
        return sorted(self.sessions.all(), key=lambda s: (s.start, s.pk or 0))

    def location_text(self) -> str:
        """The place in one line, as calendars show it."""
        parts = [self.venue_name, self.street, " ".join(p for p in (self.postcode, str(self.municipality or "")) if p)]
        place = ", ".join(p for p in parts if p) if self.is_on_site else ""
        if self.is_online:
            online = str(_("Online"))
            return f"{place} + {online.lower()}" if place else online
        return place

    def organiser_names(self) -> list[str]:
        names = ["EXPOO"] if self.is_expoo else []
        return names + [o.name for o in self.organisers.all()]


def validate_event_fields(*, attendance, municipality, is_free, price, is_expoo=False, organisers=None) -> dict:
    """The rules an event's own fields must meet, for the model (admin) and the proposal form alike."""
    errors = {}
    if attendance in ON_SITE_MODES and not municipality:
        errors["municipality"] = [_("Give the municipality where the event takes place.")]
    if is_free and price:
        errors["price"] = [_("A free event has no price. Remove the price or untick 'free'.")]
    if not is_free and price is None:
        errors["price"] = [_("Give the price, or tick 'free'.")]
    if price is not None and price < 0:
        errors["price"] = [_("The price cannot be negative.")]
    if organisers is not None and not organisers and not is_expoo:
        errors["organisers"] = [_("Choose at least one organiser.")]
    return errors


class EventSession(Orderable):
    """One sitting of an event: a start and an end (aware datetimes, stored in UTC)."""

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(
        _("name of the session"), max_length=120, blank=True, help_text=_("For example: day 1, or session 3.")
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), db_index=True)

    panels = [FieldPanel("title"), FieldRowPanel([FieldPanel("start"), FieldPanel("end")])]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [models.Index(fields=["event", "end"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="event_session_ends_after_start")
        ]

    def __str__(self) -> str:
        return f"{self.event_id}: {self.start:%Y-%m-%d %H:%M}"

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must come after the start.")})

    @property
    def local_start(self):
        return timezone.localtime(self.start, EVENT_TZ)

    @property
    def local_end(self):
        return timezone.localtime(self.end, EVENT_TZ)

    @property
    def spans_days(self) -> bool:
        return self.local_start.date() != self.local_end.date()
