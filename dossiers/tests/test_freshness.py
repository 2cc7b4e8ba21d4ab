"""What a dossier and a publication's page take from memory (the live, public dossiers of
dossiers.directory and the agenda's index of public events) follows every change at once:
publishing, withdrawing, renaming and restricting a dossier; a new or withdrawn event."""

import re

import pytest
from wagtail.models import PageViewRestriction

from events.tests.conftest import make_event, soon
from events.workflow import Status
from toolbox.tests.factories import PublicationFactory

from .conftest import add_dossier

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.EXPOO_PAGE_CACHE_SECONDS = 0  # every request renders: what is tested is the memory below


def dossier_titles(client, publication) -> list[str]:
    page = client.get(publication.get_absolute_url()).content.decode()
    if 'id="dossiers-heading"' not in page:
        return []
    section = page.split('id="dossiers-heading"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', section)


def test_a_publication_page_follows_dossiers_being_published_renamed_withdrawn_and_restricted(client, index, themes):
    report = PublicationFactory(title="Rapport over armoede", themes=[themes["armoede"]])
    listing = add_dossier(index, themes["tieners"], "Tieners en hun ouders", documents=[report])
    assert dossier_titles(client, report) == ["Tieners en hun ouders"]

    on_theme = add_dossier(index, themes["armoede"], "Opgroeien in armoede")
    assert dossier_titles(client, report) == ["Tieners en hun ouders", "Opgroeien in armoede"]

    revision = on_theme.save_revision()
    assert dossier_titles(client, report) == ["Tieners en hun ouders", "Opgroeien in armoede"], "a draft changes nothing"
    on_theme.title = "Armoede van dichtbij"
    on_theme.save_revision().publish()
    assert revision.pk and dossier_titles(client, report) == ["Tieners en hun ouders", "Armoede van dichtbij"]

    listing.unpublish()
    assert dossier_titles(client, report) == ["Armoede van dichtbij"]

    PageViewRestriction.objects.create(page=on_theme, restriction_type=PageViewRestriction.LOGIN)
    assert dossier_titles(client, report) == []


def test_a_related_dossier_leaves_the_page_when_withdrawn_and_comes_back_when_published(client, index, themes):
    related = add_dossier(index, themes["tieners"], "In gesprek met tieners")
    dossier = add_dossier(index, themes["armoede"], "Opvoeden in armoede", related=[related])
    assert client.get(dossier.url).context["related"] == [related]

    related.unpublish()
    assert client.get(dossier.url).context["related"] == []

    related.save_revision().publish()
    assert [d.pk for d in client.get(dossier.url).context["related"]] == [related.pk]


def test_a_new_or_withdrawn_event_on_the_theme_shows_at_once(client, index, themes):
    dossier = add_dossier(index, themes["armoede"], "Opvoeden in armoede")
    assert client.get(dossier.url).context["upcoming_events"] == []

    event = make_event("Vorming armoede", sessions=[soon(5)], themes=[themes["armoede"]])
    assert [e.title for e in client.get(dossier.url).context["upcoming_events"]] == ["Vorming armoede"]

    event.status = Status.DECLINED
    event.save()
    assert client.get(dossier.url).context["upcoming_events"] == []
