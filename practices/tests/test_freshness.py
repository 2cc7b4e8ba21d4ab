"""What is kept in memory or in the cache follows every change at once: the databank's facet
index, the practice page's body, the main menu (core.versions)."""

import pytest
from django.db import transaction
from django.urls import reverse

from core import versions
from core.factories import ThemeFactory
from organisations.models import OrganisationStatus
from practices import actions
from practices.facets import VERSION, FacetIndex
from practices.models import Practice
from practices.views.public import practice_context

from .conftest import accept_round, listed, publish, register, submit_for_review

pytestmark = pytest.mark.django_db


def _databank(client, **params):
    response = client.get(reverse("practices:databank"), params)
    assert response.status_code == 200
    return response


def _counts(response, param):
    facet = next(f for f in response.context["facets"] if f.param == param)
    return {o["value"]: o["count"] for o in facet.options}


def test_a_change_reaches_the_databank_on_the_next_request(client, cast):
    practice = register(cast["writer"], cast["org"], "Voorleesmoment", themes=[cast["theme"]])
    assert _databank(client).context["total"] == 0  # registered, not yet accepted: not public

    actions.accept_registration(practice, by=cast["team"])
    assert [p.title for p in listed(_databank(client))] == ["Voorleesmoment"]

    language = ThemeFactory(name="Taal", slug="taal")
    practice.themes.add(language)
    assert _counts(_databank(client), "thema")["taal"] == 1
    assert _databank(client, thema="taal").context["total"] == 1

    practice.themes.remove(language)
    assert _counts(_databank(client), "thema")["taal"] == 0


def test_an_organisation_that_is_no_longer_public_leaves_the_organisation_facet(client, cast):
    practice = register(cast["writer"], cast["org"], "Voorleesmoment", themes=[cast["theme"]])
    actions.accept_registration(practice, by=cast["team"])
    assert cast["org"].slug in _counts(_databank(client), "organisatie")

    cast["org"].status = OrganisationStatus.PENDING
    cast["org"].save()
    assert cast["org"].slug not in _counts(_databank(client), "organisatie")
    assert _databank(client, organisatie=cast["org"].slug).context["total"] == 0


def test_every_process_rebuilds_when_the_stamp_changes(cast):
    practice = register(cast["writer"], cast["org"], "Voorleesmoment", themes=[cast["theme"]])
    actions.accept_registration(practice, by=cast["team"])
    index = FacetIndex.current()
    assert FacetIndex.current() is index  # unchanged: the same index, no rebuild
    with transaction.atomic():
        versions.bump(VERSION)  # another process's change, as this one sees it
    rebuilt = FacetIndex.current()
    assert rebuilt is not index and rebuilt.ids == index.ids


def test_the_practice_page_shows_a_new_publication_at_once(client, cast):
    practice = register(cast["writer"], cast["org"], "Voorleesmoment", themes=[cast["theme"]])
    actions.accept_registration(practice, by=cast["team"])
    url = reverse("practices:detail", args=[practice.slug])
    first = client.get(url).content.decode()
    assert "Voorleesmoment" in first and "Bronvermelding" not in first

    submit_for_review(practice, writer=cast["writer"], team=cast["team"])
    accept_round(practice, team=cast["team"], reviewer=cast["reviewer"], chair=cast["chair"], due=cast["due"])
    page = client.get(url).content.decode()
    assert practice.level_decided_at.strftime("%Y") in page
    assert "Bronvermelding" in page


def test_the_practice_page_body_comes_from_the_cache_without_its_queries(client, cast, django_assert_max_num_queries):
    practice = register(cast["writer"], cast["org"], "Voorleesmoment", themes=[cast["theme"]])
    actions.accept_registration(practice, by=cast["team"])
    url = reverse("practices:detail", args=[practice.slug])
    client.get(url)  # renders and keeps the body, builds the menu
    with django_assert_max_num_queries(5):  # the practice, two version stamps, the site, its footer settings
        assert client.get(url).status_code == 200


def test_a_renamed_practice_shows_its_new_title_on_the_databank(client, cast):
    practice = register(cast["writer"], cast["org"], "Voorleesmoment", themes=[cast["theme"]])
    actions.accept_registration(practice, by=cast["team"])
    assert "Voorleesmoment" in _databank(client).content.decode()  # the card is now in the cache

    practice.title = "Voorleesuurtje"
    practice.save()
    page = _databank(client).content.decode()
    assert "Voorleesuurtje" in page and "Voorleesmoment" not in page


def test_a_new_menu_page_appears_in_the_navigation_of_every_page(client, cast):
    from wagtail.models import Page, Site

    from pages.models import ContentPage

    home = Site.objects.get(is_default_site=True).root_page.specific
    assert "Opvoedingslijn" not in client.get(reverse("practices:databank")).content.decode()  # menu now cached
    home.add_child(instance=ContentPage(title="Opvoedingslijn", slug="opvoedingslijn", show_in_menus=True))
    assert Page.objects.filter(slug="opvoedingslijn").exists()
    assert "Opvoedingslijn" in client.get(reverse("practices:databank")).content.decode()


def test_the_footer_follows_the_editors_choice_and_the_pages_titles(client, cast):
    """The footer is kept with the menu; saving the footer or renaming a page shows at once."""
    from wagtail.models import Site

    from pages.models import ContentPage, FooterSettings

    site = Site.objects.get(is_default_site=True)
    about = site.root_page.add_child(instance=ContentPage(title="Over EXPOO", slug="over-expoo"))
    page = client.get(reverse("practices:databank")).content.decode()
    assert "Over EXPOO" not in page and "Ter Platen 12" not in page

    footer = FooterSettings.for_site(site)
    footer.about_page, footer.address = about, "Ter Platen 12\n9000 Gent"
    footer.save()
    page = client.get(reverse("practices:databank")).content.decode()
    assert f'<a href="{about.url}">Over EXPOO</a>' in page and "Ter Platen 12<br>9000 Gent" in page

    about.title = "Wie is EXPOO?"
    about.save_revision().publish()
    page = client.get(reverse("practices:databank")).content.decode()
    assert "Wie is EXPOO?" in page and "Over EXPOO" not in page

    about.unpublish()
    assert "Wie is EXPOO?" not in client.get(reverse("practices:databank")).content.decode()


def test_the_dossier_of_a_published_practice_says_when_a_next_level_is_in_progress(client, cast):
    from practices.workflow import Level

    practice = register(cast["writer"], cast["org"], "Voorleesmoment", themes=[cast["theme"]])
    actions.accept_registration(practice, by=cast["team"])
    submit_for_review(practice, writer=cast["writer"], team=cast["team"])
    accept_round(practice, team=cast["team"], reviewer=cast["reviewer"], chair=cast["chair"], due=cast["due"])
    client.force_login(cast["writer"])
    url = reverse("practices:workspace", args=[practice.pk])
    actions.ensure_draft(practice)  # the writers start on the next level
    page = client.get(url).content.decode()
    assert "In uitvoering" in page and str(Level.THEORY_BASED.label) in page


def _facts(client, url) -> str:
    """The key facts column of a practice page, as text."""
    page = client.get(url).content.decode()
    return page[page.index('id="facts-heading"') :]


def test_a_cold_practice_page_reads_its_terms_and_organisations_in_few_queries(
    client, cast, settings, django_assert_max_num_queries
):
    """A practice's first view stays within a fixed number of queries, whatever the number of terms
    and organisations, and shows every term in the terms' own order."""
    from django.core.cache import cache

    from core.models import AgeGroup, TargetGroup

    first = ThemeFactory(name="Armoede", slug="armoede", sort_order=1)
    practice = register(cast["writer"], cast["org"], "Voorleesmoment", themes=[cast["theme"], first])
    practice.target_groups.add(cast["target"], TargetGroup.objects.create(name="Grootouders", slug="grootouders"))
    practice.age_groups.add(AgeGroup.objects.create(name="0 tot 3 jaar", slug="0-3"))
    publish(practice, writer=cast["writer"], team=cast["team"], reviewer=cast["reviewer"], chair=cast["chair"], due=cast["due"])
    practice.organisation_links.create(organisation=cast["other_org"], role="applies")
    url = reverse("practices:detail", args=[practice.slug])
    settings.EXPOO_PAGE_CACHE_SECONDS = 0  # every request renders the page
    client.get(url)  # the menu, the footer and the table of terms, kept for every page
    cache.clear()
    # No stored body (the worker has not run): the stamps, the practice, the stored body, the practice
    # with its description and template, its sections, the template's sections, its organisations,
    # its terms, its materials and the related practices.
    with django_assert_max_num_queries(10):
        facts = _facts(client, url)
    assert facts.index("Armoede") < facts.index("Ouderparticipatie")  # sort order, then name
    for shown in ("Ouders van jonge kinderen", "Grootouders", "0 tot 3 jaar", cast["org"].name, cast["other_org"].name):
        assert shown in facts


def test_a_renamed_or_retired_term_shows_as_it_is_now_on_the_practice_page(client, cast, settings):
    settings.EXPOO_PAGE_CACHE_SECONDS = 0  # the page's own caches are what this is about
    practice = register(cast["writer"], cast["org"], "Voorleesmoment", themes=[cast["theme"]])
    publish(practice, writer=cast["writer"], team=cast["team"], reviewer=cast["reviewer"], chair=cast["chair"], due=cast["due"])
    url = reverse("practices:detail", args=[practice.slug])
    assert "Ouderparticipatie" in _facts(client, url)

    cast["theme"].name = "Participatie van ouders"
    cast["theme"].save()
    assert "Participatie van ouders" in _facts(client, url)

    cast["theme"].is_active = False  # no longer offered for new practices, still true of this one
    cast["theme"].save()
    assert "Participatie van ouders" in _facts(client, url)


def test_a_renamed_section_of_the_grondplan_shows_at_once_on_a_published_practice(client, cast, settings):
    settings.EXPOO_PAGE_CACHE_SECONDS = 0  # the page's own body cache is what this is about
    practice = register(cast["writer"], cast["org"], "Voorleesmoment", themes=[cast["theme"]])
    publish(practice, writer=cast["writer"], team=cast["team"], reviewer=cast["reviewer"], chair=cast["chair"], due=cast["due"])
    url = reverse("practices:detail", args=[practice.slug])
    page = client.get(url).content.decode()  # the body is now in the cache
    shown = practice_context(Practice.objects.get(pk=practice.pk))["sections"][0]["section"]
    assert f">{shown.title}</h2>" in page

    shown.title = "Waarom we dit doen"
    shown.save()
    page = client.get(url).content.decode()
    assert ">Waarom we dit doen</h2>" in page
