"""The agenda's faceted search: one object, one method per filter and per facet (like the Toolbox).

Facets combine: each is counted with every *other* selected filter applied, so a visitor sees how
many events each option would give. Filtering and counting are bitset operations on the in-memory
index of the public events (events.facets.EventIndex, built from Event.objects.public(): the one
visibility rule), without a query. Everything starts from a scope the view passes: the upcoming
events at a moment, the events of a period (a month), or the archive; the scopes depend on the
clock and are computed per request from the indexed session times.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import taxonomy
from core.facets import Results
from core.models import TargetGroup, Theme
from core.search import clean_param

from .facets import EventIndex
from .models import EVENT_TZ, ON_SITE_MODES, ONLINE_MODES, Event, EventKind, EventSession

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


def prefetched(instance, name, queryset, objects) -> None:
    """Store `objects` as the prefetched result of `instance.<name>.all()`, as prefetch_related does
    (a queryset whose result cache is filled: iterating needs no query, chaining asks the database)."""
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[name] = queryset


def sessions_from_index(index, event) -> None:
    """Give `event` its sessions as `prefetch_related("sessions")` would: from the agenda's index
    (no query), or from the database when the event was not public as the index was built."""
    sessions = index.session_objects(event)
    if sessions is None:
        prefetch_related_objects([event], "sessions")
    else:
        prefetched(event, "sessions", EventSession.objects.filter(event_id=event.pk), sessions)


# Scopes: which events a listing starts from, and in which order ---------------------------------
class Upcoming:
    """Events with a session that ends after `now`, the soonest next session first (then id)."""

    def __init__(self, now=None):
        self.now = now or timezone.now()

    def mask(self, index) -> int:
        return index.upcoming(self.now)

    def order(self, index, mask: int, stop: int | None = None) -> list[int]:
        return index.soonest_first(mask, self.now, stop)


class Between:
    """Events with a session overlapping [start, end) (a month), in the events' own order (title)."""

    def __init__(self, start, end):
        self.start, self.end = start, end

    def mask(self, index) -> int:
        return index.between(self.start, self.end)

    def order(self, index, mask: int, stop: int | None = None) -> list[int]:
        return index.by_title(mask)


class Past:
    """Events with sessions that have all ended at `now`, the last to end first (then id, descending)."""

    def __init__(self, now=None):
        self.now = now or timezone.now()

    def mask(self, index) -> int:
        return index.past(self.now)

    def order(self, index, mask: int, stop: int | None = None) -> list[int]:
        return index.latest_first(mask)


class EventSearch:
    """Parse the query string, filter and count facets; the view only renders."""

    def __init__(self, params, scope=None, *, now=None, with_period=True):
        self.params = params
        self.now = now or timezone.now()
        self.scope = scope if scope is not None else Upcoming(self.now)
        self.index = EventIndex.current()
        self.with_period = with_period
        self.errors = []
        self._terms = {}
        self._masks = None
        self._candidates = None
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

    # Terms offered (kept per process under the taxonomy stamp: no query) --------------------
    def terms(self, model) -> list:
        if model not in self._terms:
            self._terms[model] = taxonomy.active_terms(model)
        return self._terms[model]

    def _term_pk(self, model, slug):
        found = next((t.pk for t in self.terms(model) if t.slug == slug), None)
        if found is None:  # a term no longer offered still filters the events that carry it
            found = model.objects.filter(slug=slug).values_list("pk", flat=True).first()
        return found

    # One method per filter: the bitset of the events it lets through, None when not set ----
    def filter_period(self):
        key = self.selected["periode"]
        return self.index.between(*period_bounds(key, self.now)) if key else None

    def filter_range(self):
        start, end = self.selected["van"], self.selected["tot"]
        if not (start or end):
            return None
        low = _midnight(start) if start else self.now
        high = _midnight(end + datetime.timedelta(days=1)) if end else _midnight(datetime.date(9999, 1, 1))
        return self.index.between(low, high)

    def filter_theme(self):
        slug = self.selected["thema"]
        return self.index.theme.get(self._term_pk(Theme, slug), 0) if slug else None

    def filter_target_group(self):
        slug = self.selected["doelgroep"]
        return self.index.target_group.get(self._term_pk(TargetGroup, slug), 0) if slug else None

    def filter_province(self):
        slug = self.selected["provincie"]
        if not slug:
            return None
        found = next((p.pk for p in self.index.province_options if p.slug == slug), None)
        return self.index.province.get(found, 0)

    def filter_mode(self):
        mode = self.selected["vorm"]
        if not mode:
            return None
        mask = 0
        for attendance in ONLINE_MODES if mode == "online" else ON_SITE_MODES:
            mask |= self.index.attendance.get(attendance, 0)
        return mask

    def filter_free(self):
        return self.index.free if self.selected["gratis"] else None

    def filter_organiser(self):
        slug = self.selected["organisator"]
        if not slug:
            return None
        if slug == EXPOO:
            return self.index.expoo
        return self.index.organiser.get(self.index.organisation_by_slug.get(slug), 0)

    def filter_kind(self):
        return self.index.kind.get(self.selected["soort"], 0) if self.selected["soort"] else None

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

    def _filter_masks(self) -> dict:
        if self._masks is None:
            self._masks = {"": self.scope.mask(self.index)}
            for param, apply in self.filters().items():
                mask = apply()
                if mask is not None:
                    self._masks[param] = mask
        return self._masks

    def candidates(self, skip=None) -> int:
        """The bitset of the scope's events matching every filter but `skip`."""
        if skip is None and self._candidates is not None:
            return self._candidates
        mask = self.index.everything
        for param, found in self._filter_masks().items():
            if param != skip:
                mask &= found
        if skip is None:
            self._candidates = mask
        return mask

    def ids(self, start: int, stop: int) -> list[int]:
        """The ids of results start..stop in the scope's order."""
        return self.scope.order(self.index, self.candidates(), stop)[start:stop]

    def results(self) -> Results:
        """The results as a lazy sequence of ids (a page orders only what it needs)."""
        return Results(self)

    def run(self) -> list[int]:
        """Primary keys of the results in the scope's order."""
        return self.scope.order(self.index, self.candidates())

    def load(self, ids):
        """The events for one page of ids, in that order, with their dates and what a result shows
        (its sessions come from the index, as `prefetch_related("sessions")` would give them)."""
        rows = (
            Event.objects.filter(pk__in=ids)
            .with_dates(self.now)
            .select_related("municipality__province")
            .prefetch_related("organisers")
        )
        by_pk = {}
        for event in rows:
            sessions_from_index(self.index, event)
            by_pk[event.pk] = event
        return [by_pk[pk] for pk in ids if pk in by_pk]

    # Facet counts -----------------------------------------------------------------------
    @staticmethod
    def _option(value, label, count, selected):
        return {"value": value, "label": label, "count": count, "selected": selected}

    def period_facet(self):
        candidates = self.candidates(skip="periode")
        options = []
        for key, label in PERIODS.items():
            count = (candidates & self.index.between(*period_bounds(key, self.now))).bit_count()
            options.append(self._option(key, label, count, key == self.selected["periode"]))
        return Facet("periode", _("When"), options)

    def _term_facet(self, param, title, masks, model):
        base = self.candidates(skip=param)
        return Facet(
            param,
            title,
            [
                self._option(t.slug, t.label, (base & masks.get(t.pk, 0)).bit_count(), t.slug == self.selected[param])
                for t in self.terms(model)
            ],
        )

    def theme_facet(self):
        return self._term_facet("thema", _("Theme"), self.index.theme, Theme)

    def target_group_facet(self):
        return self._term_facet("doelgroep", _("Audience"), self.index.target_group, TargetGroup)

    def province_facet(self):
        base = self.candidates(skip="provincie")
        masks = self.index.province
        return Facet(
            "provincie",
            _("Province"),
            [
                self._option(p.slug, p.label, (base & masks.get(p.pk, 0)).bit_count(), p.slug == self.selected["provincie"])
                for p in self.index.province_options
            ],
        )

    def mode_facet(self):
        base = self.candidates(skip="vorm")
        counts = {mode: (base & mask).bit_count() for mode, mask in self.index.attendance.items()}
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
        count = (self.candidates(skip="gratis") & self.index.free).bit_count()
        return Facet("gratis", _("Price"), [self._option("1", _("Free"), count, bool(self.selected["gratis"]))])

    def organiser_facet(self):
        index = self.index
        base = self.candidates(skip="organisator")
        options = {
            index.organisation_slug[pk]: (index.organisation_name[pk], n)
            for pk, n in index.top_organisers(base, ORGANISER_FACET_SIZE)
        }
        chosen = self.selected["organisator"]
        if chosen and chosen != EXPOO and chosen not in options:
            pk = index.public_organisations.get(chosen)
            if pk is not None:
                options[chosen] = (index.organisation_name[pk], (base & index.organiser.get(pk, 0)).bit_count())
        expoo = self._option(EXPOO, "EXPOO", (base & index.expoo).bit_count(), chosen == EXPOO)
        ordered = sorted(options.items(), key=lambda item: item[1][0].casefold())
        return Facet(
            "organisator",
            _("Organiser"),
            [expoo, *(self._option(slug, name, n, slug == chosen) for slug, (name, n) in ordered)],
        )

    def kind_facet(self):
        base = self.candidates(skip="soort")
        masks = self.index.kind
        return Facet(
            "soort",
            _("Kind of event"),
            [
                self._option(v, label, (base & masks.get(v, 0)).bit_count(), v == self.selected["soort"])
                for v, label in EventKind.choices
            ],
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
