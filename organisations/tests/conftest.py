"""A small landscape for the regional offer: organisations in Limburg and Brussels with their service
areas, practices at several levels, publications, and some that must never be public."""

import pytest

from core.factories import OrganisationFactory, municipality
from organisations.models import OrganisationKind, ServiceArea
from practices.models import Description, DescriptionTemplate, Practice, PracticeOrganisation, PracticeRole
from practices.workflow import PUBLISHED_LEVELS, Level, Status

HVHK = OrganisationKind.HUIS_VAN_HET_KIND
WINKEL = OrganisationKind.OPVOEDINGSWINKEL
CENTRE = OrganisationKind.SUPPORT_CENTRE


def make_practice(title, links, level=Level.WELL_DESCRIBED, status=None):
    """A practice at `level` with `links` [(organisation, role)]; published levels get an accepted description."""
    practice = Practice.objects.create(
        title=title,
        slug=title.lower().replace(" ", "-"),
        summary="Ouders en kinderen doen samen iets.",
        level=level,
        status=status or (Status.PUBLISHED if level in PUBLISHED_LEVELS else Status.WRITING),
        contact_name="An Claes",
        contact_email="an@voorbeeld.be",
    )
    if level in PUBLISHED_LEVELS:
        version = Description.objects.create(
            practice=practice, template=DescriptionTemplate.objects.current(), is_draft=False, version=1
        )
        practice.published_description = version
        practice.save(update_fields=["published_description"])
    for organisation, role in links:
        PracticeOrganisation.objects.create(practice=practice, organisation=organisation, role=role)
    return practice


@pytest.fixture
def region(db):
    genk = OrganisationFactory(
        name="Huis van het Kind Genk", kind=HVHK, municipality=municipality("Genk"), postcode="3600", street="Stalenstraat 14"
    )
    genk.served_municipalities.set([municipality("As"), municipality("Zutendaal")])
    winkel = OrganisationFactory(name="Opvoedingswinkel Het Kompas", kind=WINKEL, municipality=municipality("Hasselt"))
    winkel.served_municipalities.set([municipality("Genk")])
    centre = OrganisationFactory(
        name="Steunpunt Limburg", kind=CENTRE, municipality=municipality("Hasselt"), service_area=ServiceArea.PROVINCE
    )
    flanders = OrganisationFactory(
        name="Kenniscentrum Overal",
        kind=OrganisationKind.RESEARCH,
        municipality=municipality("Leuven"),
        service_area=ServiceArea.REGION,
    )
    # Located in Genk without stating a service area: still part of Genk's offer.
    school = OrganisationFactory(name="CLB Genk", kind=OrganisationKind.SCHOOL, municipality=municipality("Genk"))
    brussels = OrganisationFactory(
        name="Huis van het Kind Kanaalzone", kind=HVHK, municipality=municipality("Sint-Jans-Molenbeek"), postcode="1080"
    )
    pending = OrganisationFactory(
        name="Huis van het Kind Wachtend",
        kind=HVHK,
        municipality=municipality("Genk"),
        pending=True,
        service_area=ServiceArea.REGION,
    )
    declined = OrganisationFactory(
        name="Coaching Afgewezen", municipality=municipality("Genk"), declined=True, service_area=ServiceArea.PROVINCE
    )
    practices = {
        "researched": make_practice("Buurtmoeders op huisbezoek", [(genk, PracticeRole.SUBMITTER)], Level.RESEARCH_BASED),
        "described": make_practice(
            "Samen voorlezen", [(winkel, PracticeRole.SUBMITTER), (genk, PracticeRole.APPLIES)], Level.WELL_DESCRIBED
        ),
        "registered": make_practice("Oudercafe", [(genk, PracticeRole.SUBMITTER)], Level.REGISTERED),
        # Minimal data names the submitter only: Genk as a partner here must stay unknown.
        "registered_partner": make_practice(
            "Babbelbox", [(brussels, PracticeRole.SUBMITTER), (genk, PracticeRole.PARTNER)], Level.REGISTERED
        ),
        "declined": make_practice("Afgewezen aanpak", [(genk, PracticeRole.SUBMITTER)], Level.REGISTERED, status=Status.DECLINED),
        "unaccepted": make_practice("Nog niet aanvaard", [(genk, PracticeRole.SUBMITTER)], level=""),
        "of_pending": make_practice("Praktijk van wachtende", [(pending, PracticeRole.SUBMITTER)], Level.WELL_DESCRIBED),
    }
    return {
        "genk": genk,
        "winkel": winkel,
        "centre": centre,
        "flanders": flanders,
        "school": school,
        "brussels": brussels,
        "pending": pending,
        "declined": declined,
        "practices": practices,
    }
