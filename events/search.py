"""The agenda's faceted search: one object, one method per filter and per facet (like the Toolbox).

Facets combine: each is counted with every *other* selected filter applied, so a visitor sees how
many events each option would give. Counting is one GROUP BY query per facet over the ids of the
filtered events, never a loop over model instances. Everything starts from a base the view passes
(upcoming, one month, or the archive), itself from Event.objects.public(): the one visibility rule.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TargetGroup, Theme
from core.search import clean_param
from organisations.models import Organisation, Province

from .models import EVENT_TZ, ON_SITE_MODES, ONLINE_MODES, Event, EventKind

ORGANISER_FACET_SIZE = 15
EXPOO = "expoo"  # the organiser value for EXPOO's own events
PERIODS = {
    "week": _("This week"),
    "maand": _("This month"),
    "3-maanden": _("Next 3 months"),
}
MODES = {
    "online": _("Online"),
    "ter-plaatse": _("On site"),
}


@dataclass
class Facet:
    param: str
    title: str
    options: list = field(default_factory=list)


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time()).replace(tzinfo=EVENT_TZ)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, 1)


def period_bounds(key: str, now: datetime.datetime) -> tuple[datetime.datetime, datetime.datetime]:
    """[start, end) of a named period from now, in Brussels time."""
    today = timezone.localtime(now, EVENT_TZ).date()
    if key == "week":
        end = today + datetime.timedelta(days=7 - today.weekday())  # next Monday
    elif key == "maand":
        end = _add_months(today, 1)
    else:
        end = _add_months(today, 3) + datetime.timedelta(days=today.day - 1)
    return now, _midnight(end)


FIRST_YEAR, LAST_YEAR = 1000, 9998  # a filter date outside these is "not a date"


def parse_day(raw) -> datetime.date | None:
    """A date from the query string (2026-12-31 or 31/12/2026); None when empty; ValueError when wrong."""
    value = clean_param(raw, 10).strip()
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            day = datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        # The bounds of a period are computed in Brussels time and UTC: year 1 or 9999 would overflow.
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise ValueError(value)
        return day
    raise ValueError(value)


class EventSearch:
    """Parse the query string, filter and count facets; the view only renders."""

    def __init__(self, params, base=None, *, now=None, with_period=True):
        self.params = params
        self.now = now or timezone.now()
        self.base = base if base is not None else Event.objects.public().upcoming(self.now)
        self.with_period = with_period
        self.errors = []
        day_from = day_to = None
        if with_period:
            try:
                day_from = parse_day(params.get("van"))
            except ValueError:
                self.errors.append(_("The start date is not a date. Use the form day/month/year, for example 31/12/2026."))
            try:
                day_to = parse_day(params.get("tot"))
            except ValueError:
                self.errors.append(_("The end date is not a date. Use the form day/month/year, for example 31/12/2026."))
            if day_from and day_to and day_from > day_to:
                day_from, day_to = day_to, day_from
        self.selected = {
            "periode": params.get("periode") if with_period and params.get("periode") in PERIODS else "",
            "van": day_from or "",
            "tot": day_to or "",
            "thema": clean_param(params.get("thema")),
            "doelgroep": clean_param(params.get("doelgroep")),
            "provincie": clean_param(params.get("provincie")),
            "vorm": params.get("vorm") if params.get("vorm") in MODES else "",
            "gratis": "1" if params.get("gratis") == "1" else "",
            "organisator": clean_param(params.get("organisator"), 200),
            "soort": params.get("soort") if params.get("soort") in EventKind.values else "",
        }

    # One method per filter --------------------------------------------------------------
    def filter_period(self, qs):
        key = self.selected["periode"]
        return qs.between(*period_bounds(key, self.now)) if key else qs

    def filter_range(self, qs):
        start, end = self.selected["van"], self.selected["tot"]
        if not (start or end):
            return qs
        low = _midnight(start) if start else self.now
        high = _midnight(end + datetime.timedelta(days=1)) if end else _midnight(datetime.date(9999, 1, 1))
        return qs.between(low, high)

    def filter_theme(self, qs):
        slug = self.selected["thema"]
        if not slug:
            return qs
        return qs.filter(pk__in=Event.themes.through.objects.filter(theme__slug=slug).values("event_id"))

    def filter_target_group(self, qs):
        slug = self.selected["doelgroep"]
        if not slug:
            return qs
        return qs.filter(pk__in=Event.target_groups.through.objects.filter(targetgroup__slug=slug).values("event_id"))

    def filter_province(self, qs):
        slug = self.selected["provincie"]
        return qs.filter(municipality__province__slug=slug) if slug else qs

    def filter_mode(self, qs):
        mode = self.selected["vorm"]
        if not mode:
            return qs
        return qs.filter(attendance__in=ONLINE_MODES if mode == "online" else ON_SITE_MODES)

    def filter_free(self, qs):
        return qs.filter(is_free=True) if self.selected["gratis"] else qs

    def filter_organiser(self, qs):
        slug = self.selected["organisator"]
        if not slug:
            return qs
        if slug == EXPOO:
            return qs.filter(is_expoo=True)
        return qs.filter(pk__in=Event.organisers.through.objects.filter(organisation__slug=slug).values("event_id"))

    def filter_kind(self, qs):
        return qs.filter(kind=self.selected["soort"]) if self.selected["soort"] else qs

    def filters(self):
        return {
            "periode": self.filter_period,
            "van": self.filter_range,
            "thema": self.filter_theme,
            "doelgroep": self.filter_target_group,
            "provincie": self.filter_province,
            "vorm": self.filter_mode,
            "gratis": self.filter_free,
            "organisator": self.filter_organiser,
            "soort": self.filter_kind,
        }

    def filtered(self, skip=None):
        """The base events matching every filter but `skip`."""
        qs = self.base
        for param, apply in self.filters().items():
            if param != skip:
                qs = apply(qs)
        return qs

    def run(self) -> list[int]:
        """Primary keys of the results in the base's order (cheap to paginate)."""
        return list(self.filtered().values_list("pk", flat=True))

    def load(self, ids):
        """The events for one page of ids, in that order, with their dates and what a result shows."""
        rows = (
            Event.objects.filter(pk__in=ids)
            .with_dates(self.now)
            .select_related("municipality__province")
            .prefetch_related("sessions", "organisers", "themes")
        )
        by_pk = {e.pk: e for e in rows}
        return [by_pk[pk] for pk in ids if pk in by_pk]

    # Facet counts -----------------------------------------------------------------------
    def _ids(self, skip):
        return self.filtered(skip=skip).order_by().values("pk")

    def _events(self, skip):
        """A plain queryset of the filtered events (no annotations, so GROUP BY groups only what it names)."""
        return Event.objects.filter(pk__in=self._ids(skip)).order_by()

    @staticmethod
    def _option(value, label, count, selected):
        return {"value": value, "label": label, "count": count, "selected": selected}

    def period_facet(self):
        candidates = self.filtered(skip="periode")
        options = []
        for key, label in PERIODS.items():
            count = candidates.between(*period_bounds(key, self.now)).count()
            options.append(self._option(key, label, count, key == self.selected["periode"]))
        return Facet("periode", _("When"), options)

    def _term_facet(self, param, title, through, column, terms):
        counts = dict(
            through.objects.filter(event_id__in=self._ids(param)).values_list(f"{column}__slug").annotate(n=Count("event_id"))
        )
        return Facet(
            param,
            title,
            [self._option(t.slug, t.label, counts.get(t.slug, 0), t.slug == self.selected[param]) for t in terms],
        )

    def theme_facet(self):
        return self._term_facet("thema", _("Theme"), Event.themes.through, "theme", Theme.objects.active())

    def target_group_facet(self):
        return self._term_facet(
            "doelgroep", _("Audience"), Event.target_groups.through, "targetgroup", TargetGroup.objects.active()
        )

    def province_facet(self):
        counts = dict(self._events("provincie").values_list("municipality__province__slug").annotate(n=Count("pk")))
        return Facet(
            "provincie",
            _("Province"),
            [
                self._option(p.slug, p.label, counts.get(p.slug, 0), p.slug == self.selected["provincie"])
                for p in Province.objects.all()
            ],
        )

    def mode_facet(self):
        counts = dict(self._events("vorm").values_list("attendance").annotate(n=Count("pk")))
        online = sum(counts.get(m, 0) for m in ONLINE_MODES)
        on_site = sum(counts.get(m, 0) for m in ON_SITE_MODES)
        return Facet(
            "vorm",
            _("Online or on site"),
            [
                self._option("online", MODES["online"], online, self.selected["vorm"] == "online"),
                self._option("ter-plaatse", MODES["ter-plaatse"], on_site, self.selected["vorm"] == "ter-plaatse"),
            ],
        )

    def free_facet(self):
        count = self._events("gratis").filter(is_free=True).count()
        return Facet("gratis", _("Price"), [self._option("1", _("Free"), count, bool(self.selected["gratis"]))])

    def organiser_facet(self):
        events = self._events("organisator")
        rows = (
            Event.organisers.through.objects.filter(event_id__in=events.values("pk"))
            .values_list("organisation__slug", "organisation__name")
            .annotate(n=Count("event_id"))
            .order_by("-n", "organisation__name")
        )
        options = {slug: (name, n) for slug, name, n in rows[:ORGANISER_FACET_SIZE]}
        chosen = self.selected["organisator"]
        if chosen and chosen != EXPOO and chosen not in options:
            org = Organisation.objects.public().filter(slug=chosen).first()
            if org:
                options[chosen] = (org.name, self._events("organisator").filter(organisers=org).count())
        expoo = self._option(EXPOO, "EXPOO", events.filter(is_expoo=True).count(), chosen == EXPOO)
        ordered = sorted(options.items(), key=lambda item: item[1][0].casefold())
        return Facet(
            "organisator",
            _("Organiser"),
            [expoo, *(self._option(slug, name, n, slug == chosen) for slug, (name, n) in ordered)],
        )

    def kind_facet(self):
        counts = dict(self._events("soort").values_list("kind").annotate(n=Count("pk")))
        return Facet(
            "soort",
            _("Kind of event"),
            [self._option(v, label, counts.get(v, 0), v == self.selected["soort"]) for v, label in EventKind.choices],
        )

    def facets(self):
        """The facets in the order the page shows them."""
        facets = [self.period_facet()] if self.with_period else []
        return [
            *facets,
            self.kind_facet(),
            self.theme_facet(),
            self.target_group_facet(),
            self.province_facet(),
            self.mode_facet(),
            self.free_facet(),
            self.organiser_facet(),
        ]

    @property
    def is_filtered(self):
        return any(self.selected.values())
