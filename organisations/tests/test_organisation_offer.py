"""An organisation's page: its public practices by level, its publications, its upcoming events and
the municipalities it serves."""

import pytest
from django.utils import translation

from core.factories import OrganisationFactory
from organisations.models import ServiceArea
from organisations.offer import publications_of
from toolbox.models import AuthorKind, PublicationAuthor
from toolbox.tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def test_the_page_lists_public_practices_by_level_with_the_organisations_role(client, region):
    response = client.get(region["genk"].get_absolute_url())

    groups = [(g["level"], [e["practice"].title for e in g["practices"]]) for g in response.context["practice_groups"]]
    assert groups == [
        ("research_based", ["Buurtmoeders op huisbezoek"]),
        ("well_described", ["Samen voorlezen"]),  # applied, not submitted: public once described
        ("registered", ["Oudercafe"]),
    ]
    page = response.content.decode()
    assert region["practices"]["described"].get_absolute_url() in page
    for key in ("declined", "unaccepted", "registered_partner"):
        assert region["practices"][key].title not in page, key


def test_an_organisation_without_practices_says_so(client, region):
    with translation.override("nl-be"):
        response = client.get(region["centre"].get_absolute_url())
        text = translation.gettext("This organisation has no practice in the database yet.")

    assert text in response.content.decode()


def test_publications_by_link_or_by_name_and_never_drafts(client, region):
    genk = region["genk"]
    linked = PublicationFactory(title="Gelinkt rapport", authors=[("Peeters", "An")])
    PublicationAuthor.objects.create(publication=linked, kind=AuthorKind.ORGANISATION, name="HvhK Genk", organisation=genk)
    by_name = PublicationFactory(title="Op naam", authors=["huis van het kind genk"])
    PublicationFactory(title="Nog een ontwerp", authors=["Huis van het Kind Genk"], draft=True)
    PublicationFactory(title="Een persoon met die naam", authors=[("Huis van het Kind Genk", "")])
    other = PublicationFactory(title="Andere organisatie zelfde naam", authors=["Huis van het Kind Genk"])
    other.authors.update(organisation=region["brussels"])

    assert sorted(p.title for p in publications_of(genk)) == ["Gelinkt rapport", "Op naam"]
    page = client.get(genk.get_absolute_url()).content.decode()
    assert linked.get_absolute_url() in page
    assert by_name.get_absolute_url() in page
    assert "Nog een ontwerp" not in page
    assert "Andere organisatie zelfde naam" not in page

    # The cards are kept per version of the Toolbox: a change shows at once.
    by_name.title = "Op naam, tweede druk"
    by_name.save()
    assert "Op naam, tweede druk" in client.get(genk.get_absolute_url()).content.decode()


def test_a_person_author_cannot_be_linked_to_an_organisation(region):
    author = PublicationAuthor(kind=AuthorKind.PERSON, name="Peeters", organisation=region["genk"])
    author.clean()
    assert author.organisation is None


def test_the_page_lists_the_municipalities_served(client, region):
    page = client.get(region["genk"].get_absolute_url()).content.decode()

    for name in ("Genk", "As", "Zutendaal"):
        assert f"?gemeente={name}" in page


def test_a_province_wide_centre_says_so(client, region):
    with translation.override("nl-be"):
        response = client.get(region["centre"].get_absolute_url())
        text = translation.gettext("The whole province %(province)s") % {"province": "Limburg"}

    assert text in response.content.decode()


def test_a_province_wide_service_area_needs_a_location():
    from django.core.exceptions import ValidationError

    organisation = OrganisationFactory.build(municipality=None, service_area=ServiceArea.PROVINCE)
    with pytest.raises(ValidationError):
        organisation.clean()


def test_the_page_answers_in_a_bounded_number_of_queries(client, region, django_assert_max_num_queries):
    for n in range(5):
        PublicationFactory(title=f"Rapport {n}", authors=["Huis van het Kind Genk"])
    client.get(region["genk"].get_absolute_url())

    with django_assert_max_num_queries(25):
        client.get(region["genk"].get_absolute_url())


def test_a_pending_organisation_is_not_shown_even_with_practices(client, region):
    assert client.get(region["pending"].get_absolute_url()).status_code == 404


def test_an_organisation_s_publications_are_found_through_indexes_not_by_reading_every_author(region):
    """Most authors are linked to no organisation; after ANALYZE (manage.py optimize_db) a plain index
    on the key looked useless to SQLite, and each organisation page read all 200,000 authors."""
    from django.db import connection

    from organisations.offer import authors_of

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's planner and its statistics; PostgreSQL keeps NULLs apart in its own")

    publication = PublicationFactory(title="Veel auteurs")
    PublicationAuthor.objects.bulk_create(
        PublicationAuthor(publication=publication, kind=AuthorKind.ORGANISATION, name=f"Organisatie {n}") for n in range(300)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    plan = authors_of(region["genk"]).values_list("publication_id", flat=True).explain()

    assert "SCAN toolbox_publicationauthor" not in plan, plan
    assert "toolbox_author_linked" in plan and "toolbox_author_upper_name" in plan, plan


def test_the_page_takes_the_same_queries_however_many_publications_and_events_it_lists(
    client, region, django_assert_max_num_queries, settings
):
    from core.factories import ThemeFactory
    from events.tests.conftest import make_event, soon

    settings.EXPOO_PAGE_CACHE_SECONDS = 0  # the page's own queries are counted (a cached page takes one)
    genk = region["genk"]
    themes = [ThemeFactory(name="Armoede"), ThemeFactory(name="Tieners")]
    PublicationFactory(title="Rapport 0", authors=["Huis van het Kind Genk"], themes=themes[:1])
    make_event("Vorming 0", sessions=[soon(5)], organisers=[genk])
    client.get(genk.get_absolute_url())  # warm what every page shares (menu, site settings)
    with django_assert_max_num_queries(10) as few:
        client.get(genk.get_absolute_url())

    for n in range(1, 5):
        PublicationFactory(title=f"Rapport {n}", authors=["Huis van het Kind Genk", ("Peeters", "An")], themes=themes)
        make_event(f"Vorming {n}", sessions=[soon(5 + n)], organisers=[genk])
    client.get(genk.get_absolute_url())  # the agenda's index is built again after the change, once per process
    with django_assert_max_num_queries(10) as many:
        response = client.get(genk.get_absolute_url())

    assert len(response.context["publications"]) == 5 and len(response.context["events"]) == 5
    assert "Tieners" in response.content.decode() and "Vorming 4" in response.content.decode()
    assert len(many) == len(few)


def _sections(page: str) -> list[str]:
    """The text of each level's section, as a reader sees it."""
    import html
    import re

    found = re.findall(r'<section class="practice-group"[^>]*>(.*?)</section>', page, re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", section)).split()) for section in found]


def test_each_level_shows_its_practices_with_their_level_and_the_organisations_role(client, region):
    from practices.models import PracticeOrganisation, PracticeRole
    from practices.workflow import Level

    genk = region["genk"]
    with translation.override("nl-be"):
        sections = _sections(client.get(genk.get_absolute_url()).content.decode())
        expected = []
        for level, title in (
            (Level.RESEARCH_BASED, "Buurtmoeders op huisbezoek"),
            (Level.WELL_DESCRIBED, "Samen voorlezen"),
            (Level.REGISTERED, "Oudercafe"),
        ):
            role = PracticeOrganisation.objects.get(practice__title=title, organisation=genk).role
            expected.append(f"{level.label} (1) {title} {level.label} {PracticeRole(role).label}")
    assert sections == expected
