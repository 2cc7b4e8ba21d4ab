"""Demo events for the agenda, created as the team and the members would (see events_data.py).

Idempotent by slug: an existing event is left alone. Days count from the day of loading, so the
agenda always has a past and a future."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.models import AgeGroup, SupportFunction, TargetGroup, Theme
from events.models import EVENT_TZ, Event, EventSession
from events.workflow import Status
from organisations.models import Municipality, Organisation

from .events_data import EVENTS, LEARNING_NETWORKS, NETWORK_MEETINGS, PROPOSALS, REFERRAL_TRAINING, WEEK_ACTIVITIES, ev

EDITOR = "lotte.verbeke@expoo.example"
PROVINCE_NAMES = {
    "antwerpen": "Antwerpen",
    "limburg": "Limburg",
    "vlaams-brabant": "Vlaams-Brabant",
    "oost-vlaanderen": "Oost-Vlaanderen",
    "west-vlaanderen": "West-Vlaanderen",
    "brussel": "Brussel",
}


def _generated():
    """The events written once and held in several places."""
    specs = []
    for province, organiser, place in LEARNING_NETWORKS:
        for day, season, text in NETWORK_MEETINGS:
            name = PROVINCE_NAMES[province]
            specs.append(
                ev(
                    f"lerend-netwerk-opvoedingsondersteuning-{province}-{season}",
                    f"Lerend netwerk opvoedingsondersteuning {name}: {season}bijeenkomst",
                    "learning_network",
                    [organiser],
                    [(day + len(specs) % 5, "13:30", "16:30")],
                    ("on_site", *place),
                    None,
                    ["gezinsondersteuning", "ouderparticipatie"],
                    ["professionals"],
                    f"De bijeenkomst van het lerend netwerk voor opvoedingswinkels en Huizen van het Kind in {name}.",
                    f"{text}\n\nHet lerend netwerk komt drie keer per jaar samen. Collega's brengen een vraag of een praktijk mee; "
                    "we zoeken samen naar antwoorden. Inschrijven is nodig, deelname is gratis.",
                    audience="Medewerkers van opvoedingswinkels en Huizen van het Kind",
                )
            )
    for province, organiser, place, day in REFERRAL_TRAINING:
        specs.append(
            ev(
                f"vorming-warm-doorverwijzen-{province}",
                f"Vorming warm doorverwijzen ({PROVINCE_NAMES[province]})",
                "training",
                [organiser],
                [(day, "09:00", "16:00")],
                ("on_site", *place),
                25,
                ["vroegsignalering", "gezinsondersteuning"],
                ["professionals"],
                "Een dag over doorverwijzen zonder dat gezinnen onderweg afhaken: kennismaken met de sociale kaart en oefenen met gesprekken.",
                "### Wat je leert\n\n- de sociale kaart van je regio lezen en aanvullen\n- een gezin voorbereiden op een nieuwe dienst\n"
                "- samen met het gezin het eerste contact leggen\n\nDe vorming wordt gegeven door het provinciaal steunpunt, samen met een collega van het CAW.",
                price_details="Lunch inbegrepen.",
                capacity=24,
                deadline=day - 10,
                functions=["vroegsignalering-en-toeleiding"],
            )
        )
    for organiser, municipality, postcode, venue, street, title, day in WEEK_ACTIVITIES:
        specs.append(
            ev(
                f"week-van-de-opvoeding-{organiser}",
                f"Week van de Opvoeding: {title.lower()} in {municipality}",
                "campaign_week",
                [organiser],
                [(day, "14:00", "17:00")],
                ("on_site", municipality, postcode, venue, street),
                None,
                ["ouderschap-en-opvoeding", "sociale-cohesie"],
                ["ouders", "grootouders", "kinderen-en-jongeren"],
                f"{title} voor gezinnen, een activiteit van het Huis van het Kind in de Week van de Opvoeding.",
                "Iedereen is welkom, inschrijven is niet nodig. Medewerkers van het Huis van het Kind zijn er voor een babbel of een vraag over opvoeden.",
                audience="Gezinnen met kinderen, grootouders en buren",
            )
        )
    return specs


def _moment(anchor: datetime.date, day: int, hhmm: str) -> datetime.datetime:
    hour, minute = (int(p) for p in hhmm.split(":"))
    return datetime.datetime.combine(anchor + datetime.timedelta(days=day), datetime.time(hour, minute)).replace(tzinfo=EVENT_TZ)


def _weekday_shift(anchor, spec) -> int:
    """Days to move an event so that it starts on a weekday (campaign weeks keep their weekend)."""
    if spec["kind"] == "campaign_week":
        return 0
    weekday = (anchor + datetime.timedelta(days=spec["sessions"][0][0])).weekday()
    return {5: 2, 6: 1}.get(weekday, 0)


def _sessions(anchor, spec):
    anchor = anchor + datetime.timedelta(days=_weekday_shift(anchor, spec))
    for session in spec["sessions"]:
        if len(session) == 3:
            day, start, end = session
            yield _moment(anchor, day, start), _moment(anchor, day, end)
        else:
            day, start, last_day, end = session
            yield _moment(anchor, day, start), _moment(anchor, last_day, end)


def _terms(model, slugs):
    return list(model.objects.filter(slug__in=slugs or []))


def load_events(stats) -> None:
    users = get_user_model().objects
    editor = users.filter(email=EDITOR).first()
    anchor = timezone.localdate()
    specs = [*EVENTS, *_generated(), *PROPOSALS]
    existing = set(Event.objects.filter(slug__in=[s["slug"] for s in specs]).values_list("slug", flat=True))
    organisations = {o.slug: o for o in Organisation.objects.all()}
    for spec in specs:
        if spec["slug"] in existing:
            stats.count("events", False)
            continue
        status = spec.get("status", Status.APPROVED)
        place = spec["place"]
        attendance = place[0]
        municipality = Municipality.objects.get(name=place[1]) if attendance != "online" else None
        sessions = list(_sessions(anchor, spec))
        proposer = users.filter(email=spec["by"]).first() if spec.get("by") else editor
        # Approved some days before it starts (and never in the future), so the Atom feed has a history.
        approved_at = min(sessions[0][0] - datetime.timedelta(days=45), timezone.now()) if status == Status.APPROVED else None
        event = Event.objects.create(
            slug=spec["slug"],
            title=spec["title"],
            kind=spec["kind"],
            status=status,
            is_expoo="expoo" in spec["organisers"],
            summary=spec["summary"],
            description=spec["description"],
            audience=spec.get("audience", ""),
            attendance=attendance,
            venue_name=place[3] if attendance != "online" else "",
            street=place[4] if attendance != "online" else "",
            postcode=place[2] if attendance != "online" else "",
            municipality=municipality,
            online_url=place[-1] if attendance != "on_site" else "",
            is_free=spec["price"] is None,
            price=spec["price"],
            price_details=spec.get("price_details", ""),
            accessibility=spec.get("accessibility", ""),
            registration_url=f"https://inschrijven.example.org/{spec['slug'][:60]}",
            registration_deadline=sessions[0][0].date() - datetime.timedelta(days=spec["sessions"][0][0] - spec["deadline"])
            if "deadline" in spec
            else None,
            capacity=spec.get("capacity"),
            contact_name=f"{proposer.first_name} {proposer.last_name}" if proposer else "",
            contact_email=proposer.email if proposer else "",
            proposed_by=proposer,
            team_message=spec.get("message", ""),
            approved_at=approved_at,
        )
        event.organisers.set([organisations[slug] for slug in spec["organisers"] if slug in organisations])
        event.themes.set(_terms(Theme, spec["themes"]))
        event.target_groups.set(_terms(TargetGroup, spec["targets"]))
        event.age_groups.set(_terms(AgeGroup, spec.get("ages")))
        event.support_functions.set(_terms(SupportFunction, spec.get("functions")))
        event.save()
        EventSession.objects.bulk_create(
            EventSession(event=event, start=start, end=end, sort_order=i) for i, (start, end) in enumerate(sessions)
        )
        stats.count(f"events ({status})", True)
