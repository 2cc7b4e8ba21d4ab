"""What organisations offer, as the public may see it: the practices they apply (by level), their
publications in the Toolbox, their upcoming events, and the regional offer for one municipality.

Every piece starts from the public querysets of its own app (Organisation.objects.public(),
Practice.objects.public(), Publication.objects.public(), Event.objects.public()).
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Q, Value
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practices.models import Practice, PracticeOrganisation, PracticeRole
from practices.workflow import Level
from toolbox.models import AuthorKind, Publication, PublicationAuthor

from .models import Municipality, Organisation, OrganisationKind, ServiceArea

# The regional offer shows these kinds first, each under its own heading; the rest go together.
KIND_GROUPS = [
    (OrganisationKind.HUIS_VAN_HET_KIND, _("Huizen van het Kind")),
    (OrganisationKind.OPVOEDINGSWINKEL, _("Opvoedingswinkels")),
    (OrganisationKind.SUPPORT_CENTRE, _("Support centres")),
    (None, _("Other organisations")),
]
UPCOMING_EVENTS = 10
ROLE_ORDER = {PracticeRole.SUBMITTER: 0, PracticeRole.PARTNER: 1}  # PracticeOrganisation's order


def practices_by_level(organisations) -> list[dict]:
    """Public practices of these organisations, grouped by level (most substantiated first), each with
    the organisations (among these) that the public may see behind it, from the databank's facet
    index (no query).

    The same rule as the practice page (practices.views.public._public_links): while a practice shows
    minimal data only, it names its submitting organisation and no other; from goed beschreven on,
    every organisation behind it or applying it."""
    from practices.facets import FacetIndex

    index = FacetIndex.current()
    by_position: dict[int, dict] = {}
    for organisation in organisations:
        for i, role in index.links_of_organisation.get(organisation.pk, ()):
            if role != PracticeRole.SUBMITTER and not index.described >> i & 1:
                continue
            entry = by_position.get(i)
            if entry is None:
                practice = Practice(pk=index.ids[i], title=index.titles[i], slug=index.slugs[i], level=index.levels[i])
                entry = by_position[i] = {"practice": practice, "links": []}
            entry["links"].append(PracticeOrganisation(practice=entry["practice"], organisation=organisation, role=role))
    for entry in by_position.values():  # PracticeOrganisation's order: submitter, co-authors, others; by name
        entry["links"].sort(key=lambda link: (ROLE_ORDER.get(link.role, 2), link.organisation.name, link.organisation.pk))
    groups = []
    for level, label in reversed(Level.choices):
        entries = sorted((e for e in by_position.values() if e["practice"].level == level), key=lambda e: e["practice"].title)
        if entries:
            groups.append({"level": level, "label": label, "practices": entries})
    return groups


def publications_of(organisation: Organisation):
    """Public Toolbox publications with this organisation among the authors of kind organisation.

    An author linked to the organisation in the admin counts; an author not linked to any
    organisation counts when its name is the organisation's name (case-insensitive), so imported
    publications show up before an editor links them. An author linked to another organisation
    never counts, whatever its name.

    The authors are looked up first, through the organisation key and the index on UPPER(name),
    and the publications by id after that: starting from the publications would test each of the
    library's 100,000 (half a second on SQLite)."""
    ids = set(authors_of(organisation).values_list("publication_id", flat=True))
    if not ids:
        return Publication.objects.none()
    return Publication.objects.public().filter(pk__in=ids).order_by("-year", "title")


def authors_of(organisation: Organisation):
    """The authors (of kind organisation) that stand for this organisation: see publications_of."""
    return (
        PublicationAuthor.objects.filter(kind=AuthorKind.ORGANISATION)
        .alias(upper_name=Upper("name"))
        .filter(Q(organisation=organisation) | Q(organisation__isnull=True, upper_name=Upper(Value(organisation.name))))
    )


def events_installed() -> bool:
    return apps.is_installed("events")


def upcoming_events(organisations, limit: int = UPCOMING_EVENTS) -> list:
    """The next public events organised by any of these organisations, each with its `next_start`;
    none while the calendar app is absent. Which ones come from the agenda's in-memory index (the
    order of `Event.objects.public().upcoming()`: next session, then id); only those are read."""
    if not events_installed():
        return []
    from events.facets import EventIndex

    Event = apps.get_model("events", "Event")
    now, index = timezone.now(), EventIndex.current()
    organised = 0
    for organisation in organisations:
        organised |= index.organiser.get(organisation.pk, 0)
    ids = index.soonest_first(index.upcoming(now) & organised, now, limit) if organised else []
    if not ids:
        return []
    found = {event.pk: event for event in Event.objects.public().filter(pk__in=ids).select_related("municipality")}
    events = [found[pk] for pk in ids if pk in found]
    for event in events:
        event.next_start = index.next_start(index.position[event.pk], now)
    return events


@dataclass
class Reach:
    """One organisation in a regional offer, and why it is there."""

    organisation: Organisation
    located_here: bool
    listed: bool
    reason: str = ""


@dataclass
class RegionalOffer:
    municipality: Municipality
    groups: list = field(default_factory=list)  # [{"kind", "label", "entries": [Reach]}]
    practices: list = field(default_factory=list)
    events: list = field(default_factory=list)
    events_available: bool = False

    @property
    def organisation_count(self) -> int:
        return sum(len(g["entries"]) for g in self.groups)


def regional_offer(municipality: Municipality) -> RegionalOffer:
    """What is offered in a municipality: the public organisations serving it, grouped by kind, the
    public practices they apply and their upcoming events."""
    organisations = list(
        Organisation.objects.public().serving(municipality).select_related("municipality__province").order_by("name")
    )
    listing = set(
        Organisation.served_municipalities.through.objects.filter(
            municipality=municipality, organisation__in=[o.pk for o in organisations]
        ).values_list("organisation_id", flat=True)
    )
    entries = []
    for organisation in organisations:
        located = organisation.municipality_id == municipality.pk
        listed = organisation.pk in listing
        if located:
            reason, rank = _("Located in %(municipality)s") % {"municipality": municipality.name}, 0
        elif listed:
            reason, rank = _("Serves %(municipality)s") % {"municipality": municipality.name}, 1
        elif organisation.service_area == ServiceArea.PROVINCE:
            reason, rank = _("Serves the whole province %(province)s") % {"province": municipality.province.label}, 2
        else:
            reason, rank = _("Serves all of Flanders and Brussels"), 3
        entries.append((rank, Reach(organisation, located, listed, reason)))
    entries.sort(key=lambda pair: (pair[0], pair[1].organisation.name))
    grouped_kinds = {kind for kind, _label in KIND_GROUPS if kind}
    groups = []
    for kind, label in KIND_GROUPS:
        members = [
            reach
            for _rank, reach in entries
            if (reach.organisation.kind == kind if kind else reach.organisation.kind not in grouped_kinds)
        ]
        groups.append({"kind": kind or "other", "label": label, "entries": members})
    return RegionalOffer(
        municipality=municipality,
        groups=groups,
        practices=practices_by_level(organisations),
        events=upcoming_events(organisations),
        events_available=events_installed(),
    )
