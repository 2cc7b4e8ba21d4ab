"""Demo organisations: the approved ones anyone can find, and a small approval queue for the team."""

from django.utils import timezone
from django.utils.text import slugify

from accounts.models import AccountRequest, RequestStatus
from core.models import Theme
from organisations.models import Municipality, Organisation, OrganisationKind, OrganisationStatus, Postcode, ServiceArea

from .organisations_data_1 import ORGANISATIONS_1
from .organisations_data_2 import ORGANISATIONS_2

APPROVED = ORGANISATIONS_1 + ORGANISATIONS_2

# New organisations that asked to join, each with the request of the person who registered it.
PENDING = [
    (
        (
            "Gezinshuis De Lindeboom",
            "welfare",
            "Wetteren",
            "9230",
            "Kapellendries 16",
            "Veronique Steyaert",
            "09 369 41 72",
            ["gezinsondersteuning", "sociale-cohesie"],
            "De Lindeboom is een klein gezinshuis waar ouders met jonge kinderen terechtkunnen voor ontmoeting en een luisterend oor. "
            "Vrijwilligers en twee maatschappelijk werkers begeleiden de werking.",
        ),
        {
            "first_name": "Veronique",
            "last_name": "Steyaert",
            "email": "veronique.steyaert@lindeboom.example.org",
            "job_title": "coördinator",
            "motivation": "We willen ons aanbod zichtbaar maken in de regio en graag onze werking rond oudergroepen laten beschrijven.",
        },
    ),
    (
        (
            "Ouderinitiatief Kleine Stapjes",
            "childcare",
            "Bree",
            "3960",
            "Kloosterstraat 4",
            "Dries Hoeben",
            "089 47 15 30",
            ["kinderopvang", "jonge-kinderen"],
            "Kleine Stapjes is een nieuw ouderinitiatief dat sinds dit jaar achttien kinderen opvangt. "
            "De ouders beheren de opvang samen met twee kinderbegeleiders.",
        ),
        {
            "first_name": "Dries",
            "last_name": "Hoeben",
            "email": "dries@kleinestapjes.example.org",
            "job_title": "voorzitter ouderbestuur",
            "motivation": "We zoeken contact met andere opvanginitiatieven en willen de agenda van EXPOO volgen.",
        },
    ),
]

DECLINED = (
    (
        "Coachingpraktijk Perfecte Ouders",
        "other",
        "Knokke-Heist",
        "8300",
        "Zeedijk 300",
        "Rik Bollaert",
        "050 60 99 01",
        ["ouderschap-en-opvoeding"],
        "Betalende coachingtrajecten voor ouders die het beste uit hun kind willen halen.",
    ),
    {
        "first_name": "Rik",
        "last_name": "Bollaert",
        "email": "rik@perfecteouders.example.org",
        "job_title": "zaakvoerder",
        "motivation": "Graag een vermelding van onze trajecten en een link naar onze webshop.",
    },
    "Het platform is bedoeld voor organisaties met een laagdrempelig, niet-commercieel aanbod voor gezinnen. "
    "Een betalend coachingaanbod met webshop valt daar niet onder.",
)

# People who asked to join an organisation that already exists (decided by its administrators).
MEMBER_REQUESTS = [
    (
        "huis-van-het-kind-genk",
        {
            "first_name": "Bilal",
            "last_name": "Karaca",
            "email": "bilal.karaca@genk.example.org",
            "job_title": "brugfiguur",
            "motivation": "Ik werk sinds kort als brugfiguur in de wijk Winterslag en wil mee praktijken registreren.",
        },
    ),
    (
        "opvoedingswinkel-leiepunt-kortrijk",
        {
            "first_name": "Noor",
            "last_name": "Desmet",
            "email": "noor.desmet@leiepunt.example.org",
            "job_title": "pedagoog",
            "motivation": "Nieuwe collega in het team; ik volg de vormingen en de agenda op.",
        },
    ),
]


def _municipality(name: str, postcode: str) -> Municipality:
    municipality = Municipality.objects.filter(name=name).first()
    if municipality is None:
        raise ValueError(f"Unknown municipality {name!r}; load the reference data with `manage.py migrate`.")
    if not Postcode.objects.filter(code=postcode, municipality=municipality).exists():
        raise ValueError(f"Postcode {postcode} does not belong to {name}.")
    return municipality


def _organisation(row, status, stats, decline_reason=""):
    name, kind, place, postcode, street, contact, phone, theme_slugs, description = row
    slug = slugify(name)
    org, created = Organisation.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "kind": kind,
            "status": status,
            "description": description,
            "street": street,
            "postcode": postcode,
            "municipality": _municipality(place, postcode),
            "website": f"https://{slug}.example.org",
            "email": f"info@{slug}.example.org",
            "phone": phone,
            "contact_name": contact,
            "decline_reason": decline_reason,
        },
    )
    if created:
        org.themes.set(Theme.objects.filter(slug__in=theme_slugs))
    stats.count(f"organisations ({status})", created)
    return org, created


def _request(org, person, stats, **extra):
    request, created = AccountRequest.objects.get_or_create(email=person["email"], organisation=org, defaults={**person, **extra})
    stats.count("account requests", created)
    return request


def load_organisations(stats) -> None:
    for row in APPROVED:
        _organisation(row, OrganisationStatus.APPROVED, stats)


def load_approval_queue(stats, decided_by=None) -> None:
    """Pending and declined organisations and account requests, so the team's queue is not empty."""
    for row, person in PENDING:
        org, _created = _organisation(row, OrganisationStatus.PENDING, stats)
        _request(org, person, stats, is_new_organisation=True)
    row, person, reason = DECLINED
    org, _created = _organisation(row, OrganisationStatus.DECLINED, stats, decline_reason=reason)
    _request(
        org,
        person,
        stats,
        is_new_organisation=True,
        status=RequestStatus.DECLINED,
        decline_reason=reason,
        decided_at=timezone.now(),
        decided_by=decided_by,
    )
    for slug, person in MEMBER_REQUESTS:
        org = Organisation.objects.filter(slug=slug).first()
        if org:
            _request(org, person, stats)


# Where each demo organisation's offer reaches. The municipality it is located in always counts;
# these are the neighbours it also serves (same province). Support centres serve their province,
# one research centre all of Flanders and Brussels.
SERVED_MUNICIPALITIES = {
    "huis-van-het-kind-lier": ["Nijlen", "Berlaar", "Ranst"],
    "opvoedingswinkel-de-wegwijzer-antwerpen": ["Mortsel", "Edegem", "Schoten", "Wijnegem"],
    "huis-van-het-kind-turnhout": ["Oud-Turnhout", "Beerse", "Vosselaar"],
    "sociaal-huis-mol-team-gezin": ["Balen", "Dessel"],
    "huis-van-het-kind-genk": ["Zutendaal", "As"],
    "opvoedingswinkel-het-kompas-hasselt": ["Genk", "Zonhoven", "Diepenbeek", "Alken"],
    "huis-van-het-kind-tongeren-borgloon": ["Riemst", "Bilzen-Hoeselt", "Heers"],
    "huis-van-het-kind-leuven": ["Herent", "Bertem", "Kortenberg"],
    "opvoedingswinkel-dijleland": ["Lubbeek", "Oud-Heverlee", "Bierbeek", "Holsbeek", "Rotselaar"],
    "huis-van-het-kind-vilvoorde": ["Machelen", "Zemst"],
    "huis-van-het-kind-pajottegem": ["Pepingen", "Lennik", "Roosdaal"],
    "huis-van-het-kind-gent-brugse-poort": ["Evergem", "Lievegem"],
    "opvoedingswinkel-de-knipoog-gent": ["Merelbeke-Melle", "Destelbergen", "Sint-Martens-Latem", "Lochristi"],
    "huis-van-het-kind-aalst": ["Erpe-Mere", "Lede", "Haaltert"],
    "huis-van-het-kind-lokeren": ["Waasmunster", "Zele", "Berlare"],
    "huis-van-het-kind-zonnebeke": ["Ieper", "Langemark-Poelkapelle"],
    "huis-van-het-kind-brugge": ["Damme", "Oostkamp", "Zedelgem"],
    "opvoedingswinkel-leiepunt-kortrijk": ["Kuurne", "Harelbeke", "Wevelgem", "Zwevegem", "Menen"],
    "stad-roeselare-gezinspunt": ["Hooglede", "Izegem"],
    "huis-van-het-kind-kanaalzone": ["Anderlecht", "Koekelberg", "Brussel"],
    "opvoedingspunt-de-stadsboom-brussel": ["Sint-Joost-ten-Node", "Schaarbeek", "Etterbeek", "Elsene"],
}
REGION_WIDE = ["onderzoekscentrum-opgroeien-in-context"]


def load_service_areas(stats) -> None:
    """State the demo organisations' service areas, once: an organisation that already states any
    (an editor or its members did) is left alone."""
    for org in Organisation.objects.filter(slug__in=[slugify(row[0]) for row in APPROVED]).select_related("municipality"):
        if org.service_area != ServiceArea.MUNICIPALITIES or org.served_municipalities.exists():
            continue
        if org.kind == OrganisationKind.SUPPORT_CENTRE:
            org.service_area = ServiceArea.PROVINCE
        elif org.slug in REGION_WIDE:
            org.service_area = ServiceArea.REGION
        names = SERVED_MUNICIPALITIES.get(org.slug, [])
        served = list(Municipality.objects.filter(name__in=names, province=org.municipality.province_id))
        if len(served) != len(names):
            unknown = set(names) - {m.name for m in served}
            raise ValueError(f"{org.name}: {sorted(unknown)} are not municipalities of its province.")
        if org.service_area == ServiceArea.MUNICIPALITIES and not served:
            continue
        org.save(update_fields=["service_area", "updated_at"])
        org.served_municipalities.set(served)
        stats.count("service areas", True)
