"""Whole anonymous pages from the cache (core/pagecache.py): a repeat is a hit with the same page
and headers; a publish, a change and a withdrawal are on the very next page; a page of someone's
own (logged in, a form, a private page) is never stored.

The search index is left to the task worker here, as in production (`index_later`): only the
stamps renewed in the transaction of the change can make a page fresh, so these tests fail when
a kind of change stops renewing one."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site

from accounts import roles
from core.factories import MembershipFactory, OrganisationFactory, ThemeFactory, UserFactory, municipality
from dossiers.tests.conftest import add_dossier
from events import actions as event_actions
from events.tests.conftest import make_event
from events.workflow import Status
from pages.models import ContactFormField, ContactPage, ContentPage, FooterSettings
from practices import actions as practice_actions
from practices.tests.conftest import register
from toolbox.tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

PER_REQUEST = {"X-Cache", "X-Request-ID"}


@pytest.fixture
def index_later(settings):
    """The search index and its stamps follow after the request, from the task worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    yield
    from sitesearch import tasks

    tasks._pending.clear()


@pytest.fixture
def home():
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def team(db):
    return UserFactory(email="redactie@example.org", groups=[roles.EXPOO_TEAM])


def page(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response


def cached(client, url) -> str:
    """The page, asked twice: the second time from the cache, the same."""
    first = page(client, url)
    again = page(client, url)
    assert again["X-Cache"] == "hit", url
    assert again.content == first.content
    return again.text


def fresh(client, url) -> str:
    response = page(client, url)
    assert response.get("X-Cache") != "hit", f"{url} came from the cache after a change"
    return response.text


def test_a_hit_is_the_same_page_with_the_same_headers_for_one_query(client, django_assert_num_queries):
    miss = page(client, "/praktijken/")
    page(client, "/praktijken/")
    with django_assert_num_queries(1):  # the version stamps; no session, no user, no view
        hit = page(client, "/praktijken/")
    head = client.head("/praktijken/")

    assert (miss["X-Cache"], hit["X-Cache"], head["X-Cache"]) == ("miss", "hit", "hit")
    assert hit.content == miss.content and head.content == b""
    headers = {k: v for k, v in miss.items() if k not in PER_REQUEST}
    assert {k: v for k, v in hit.items() if k not in PER_REQUEST} == headers
    assert {k: v for k, v in head.items() if k not in PER_REQUEST} == headers
    assert "frame-ancestors 'none'" in hit["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "DENY" and hit["X-Content-Type-Options"] == "nosniff"
    assert "Cookie" in hit["Vary"]


def test_a_practice_accepted_by_the_team_is_on_the_next_databank_and_organisation_page(client, index_later, team):
    org = OrganisationFactory(name="Huis van het Kind Teststad")
    writer = UserFactory(email="schrijver@example.org")
    MembershipFactory(user=writer, organisation=org)
    practice = register(writer, org, "Voorleesmoment aan huis")
    organisation_url = reverse("organisations:detail", args=[org.slug])
    assert "Voorleesmoment aan huis" not in cached(client, "/praktijken/")
    assert "Voorleesmoment aan huis" not in cached(client, organisation_url)

    practice_actions.accept_registration(practice, by=team)

    assert "Voorleesmoment aan huis" in fresh(client, "/praktijken/")
    assert "Voorleesmoment aan huis" in fresh(client, organisation_url)


def test_a_published_publication_is_listed_and_in_the_feed_until_it_is_withdrawn(client, index_later):
    publication = PublicationFactory(draft=True, title="Speelotheken in Vlaanderen")
    feed = reverse("toolbox:feed_atom")
    assert "Speelotheken in Vlaanderen" not in cached(client, "/toolbox/")
    assert "Speelotheken in Vlaanderen" not in cached(client, feed)

    publication.save_revision().publish()
    assert "Speelotheken in Vlaanderen" in fresh(client, "/toolbox/")
    assert "Speelotheken in Vlaanderen" in fresh(client, feed)
    cached(client, "/toolbox/")

    publication.refresh_from_db()
    publication.unpublish()
    assert "Speelotheken in Vlaanderen" not in fresh(client, "/toolbox/")


def test_a_published_page_and_dossier_appear_and_an_unpublished_page_goes(client, index_later, home):
    index = home.add_child(instance=ContentPage(title="Dossiers", slug="dossiers", show_in_menus=True))
    dossier = add_dossier(index, ThemeFactory(name="Tieners", slug="tieners"), "Tieners en schermtijd", live=False)
    news = home.add_child(instance=ContentPage(title="Vormingsaanbod 2027", slug="vorming", show_in_menus=True, live=False))
    assert "Vormingsaanbod 2027" not in cached(client, "/")

    news.save_revision().publish()
    dossier.save_revision().publish()
    assert "Vormingsaanbod 2027" in fresh(client, "/")  # the main menu of every page
    assert "Tieners en schermtijd" in cached(client, dossier.url)

    news.refresh_from_db()
    news.unpublish()
    assert "Vormingsaanbod 2027" not in fresh(client, "/")


def test_an_approved_event_is_in_the_agenda_until_it_is_removed(client, index_later, team):
    org = OrganisationFactory(name="Opvoedingswinkel Gent")
    event = make_event("Studiedag ouderbetrokkenheid", status=Status.PROPOSED, organisers=[org])
    assert "Studiedag ouderbetrokkenheid" not in cached(client, "/agenda/")

    event_actions.approve_event(event, by=team)
    assert "Studiedag ouderbetrokkenheid" in fresh(client, "/agenda/")
    cached(client, "/agenda/")

    event.delete()
    assert "Studiedag ouderbetrokkenheid" not in fresh(client, "/agenda/")


def test_an_organisation_that_starts_serving_a_municipality_is_in_its_regional_offer(client, index_later):
    org = OrganisationFactory(name="Huis van het Kind Gent", municipality=municipality("Gent"))
    url = reverse("region:offer") + "?gemeente=Aalst"
    assert "Huis van het Kind Gent" not in cached(client, url)

    org.served_municipalities.add(municipality("Aalst"))
    assert "Huis van het Kind Gent" in fresh(client, url)


def test_a_new_footer_address_is_on_every_page(client, index_later):
    footer = FooterSettings.objects.create(site=Site.objects.get(is_default_site=True), address="Havenlaan 88, Brussel")
    assert "Havenlaan 88" in cached(client, "/toolbox/")

    footer.address = "Koning Albert II-laan 15, Brussel"
    footer.save()
    assert "Koning Albert II-laan 15" in fresh(client, "/toolbox/")


def test_a_logged_in_member_never_gets_a_cached_page_nor_fills_the_cache(client, member):
    visitor = Client()
    client.force_login(member)

    mine = page(client, "/toolbox/")
    assert "X-Cache" not in mine and "csrfmiddlewaretoken" in mine.text  # the logout form
    assert page(visitor, "/toolbox/")["X-Cache"] == "miss"
    page(visitor, "/toolbox/")  # now in the cache
    again = page(client, "/toolbox/")
    assert "X-Cache" not in again and "csrfmiddlewaretoken" in again.text


def test_a_page_with_a_form_is_never_cached(client, home):
    contact = ContactPage(title="Contact", slug="contact", to_address="team@expoo.example", subject="Vraag")
    home.add_child(instance=contact)
    ContactFormField.objects.create(page=contact, label="E-mail", field_type="email", required=True)

    for visitor in (client, client, Client()):
        response = page(visitor, "/contact/")
        assert "csrfmiddlewaretoken" in response.text and "X-Cache" not in response


def test_a_page_made_private_is_no_longer_served_from_the_cache(client, index_later, home):
    home.add_child(instance=ContentPage(title="Intern", slug="intern", intro="Afspraken van het team."))
    assert "Afspraken van het team." in cached(client, "/intern/")

    PageViewRestriction.objects.create(page=home.get_children().get(slug="intern"), restriction_type="login")
    response = client.get("/intern/")
    assert response.status_code == 302 and "Afspraken van het team." not in response.text


def test_the_two_languages_and_query_strings_are_kept_apart(client):
    PublicationFactory(title="Rapport over armoede", publication_type="report")
    PublicationFactory(title="Boek over pubers", publication_type="book")
    dutch, english = cached(client, "/toolbox/"), cached(client, "/en/toolbox/")
    assert '<html lang="nl-BE"' in dutch and '<html lang="en"' in english

    reports = cached(client, "/toolbox/?type=report&sorteer=titel")
    assert "Rapport over armoede" in reports and "Boek over pubers" not in reports
    books = page(client, "/toolbox/?type=book&sorteer=titel")
    assert books["X-Cache"] == "miss" and "Boek over pubers" in books.text and "Rapport over armoede" not in books.text
    assert page(client, "/toolbox/?sorteer=titel&type=report")["X-Cache"] == "hit"  # the same question


def test_no_cache_when_switched_off(client, settings):
    settings.EXPOO_PAGE_CACHE_SECONDS = 0
    assert "X-Cache" not in page(client, "/toolbox/") and "X-Cache" not in page(client, "/toolbox/")


def test_a_page_is_kept_compressed_for_browsers_that_take_gzip_and_plain_for_others(client):
    import gzip

    plain = page(client, "/praktijken/")
    page(client, "/praktijken/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    compressed = page(client, "/praktijken/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    plain_hit = page(client, "/praktijken/")

    assert compressed["X-Cache"] == "hit" and compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert plain_hit["X-Cache"] == "hit" and not plain_hit.has_header("Content-Encoding")
    assert plain_hit.content == plain.content
