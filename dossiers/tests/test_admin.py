"""Editors in the Wagtail admin: the dossier's edit and add views, the practice chooser (public
practices only) and a preview that shows links chosen but not saved yet."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from core.factories import UserFactory
from dossiers.models import DossierPractice, DossierPublication
from practices import actions
from practices.tests.conftest import publish, register
from toolbox.tests.factories import PublicationFactory

from .conftest import add_dossier, make_insight, make_testimonial, published_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return UserFactory(email="beheerder@example.org", is_superuser=True, is_staff=True)


@pytest.fixture
def practices(cast):
    """One practice in each state the chooser must tell apart."""
    writer, team, theme = cast["writer"], cast["team"], cast["theme"]
    waiting = register(writer, cast["org"], "Wachtende koffieochtend mrkwaitingqz", themes=[theme])
    declined = register(writer, cast["org"], "Afgewezen koffieochtend mrkdeclinedqz", themes=[theme])
    actions.decline_registration(declined, by=team, reason="Geen praktijk.")
    registered = register(writer, cast["org"], "Aangemelde koffieochtend", themes=[theme])
    actions.accept_registration(registered, by=team)
    published = publish(
        register(writer, cast["org"], "Gepubliceerde koffieochtend", themes=[theme]),
        writer=writer,
        team=team,
        reviewer=cast["reviewer"],
        chair=cast["chair"],
        due=cast["due"],
    )
    return {"waiting": waiting, "declined": declined, "registered": registered, "published": published}


def test_the_admin_edit_and_add_views_of_dossiers_render(client, superuser, index, themes):
    source = PublicationFactory(title="Stemmen van ouders")
    related = add_dossier(index, themes["tieners"], "In gesprek met tieners")
    dossier = add_dossier(
        index,
        themes["armoede"],
        "Opvoeden in armoede",
        insights=[make_insight("Schaamte houdt ouders weg.", source, "p. 4")],
        documents=[source],
        practices=[published_practice("Onthaal zonder drempel", themes["armoede"])],
        related=[related],
        testimonials=[make_testimonial("Gewoon binnen.", "een moeder", "https://media.example.org/a.mp3", "audio", "Tekst.")],
    )
    client.force_login(superuser)

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[dossier.pk]))
    assert edit.status_code == 200
    assert "Onthaal zonder drempel" in edit.content.decode(), "the chosen practice in its chooser widget"
    assert client.get(reverse("wagtailadmin_pages:edit", args=[index.pk])).status_code == 200
    add = reverse("wagtailadmin_pages:add", args=["dossiers", "themedossierpage", index.pk])
    assert client.get(add).status_code == 200


def test_the_practice_chooser_lists_only_public_practices(client, superuser, practices):
    client.force_login(superuser)

    modal = client.get(reverse("practice_chooser:choose"))
    assert modal.status_code == 200
    listing = modal.json()["html"]
    assert "Aangemelde koffieochtend" in listing and "Gepubliceerde koffieochtend" in listing
    assert "mrkwaitingqz" not in listing and "mrkdeclinedqz" not in listing

    found = client.get(reverse("practice_chooser:choose_results"), {"q": "koffieochtend"})
    assert found.status_code == 200
    results = found.content.decode()
    assert "Aangemelde koffieochtend" in results and "Gepubliceerde koffieochtend" in results
    assert "mrkwaitingqz" not in results and "mrkdeclinedqz" not in results


def test_visitors_do_not_reach_the_practice_chooser(client, practices):
    assert client.get(reverse("practice_chooser:choose")).status_code == 302


def test_the_preview_shows_links_the_editor_has_not_saved_yet(index, themes, practices):
    dossier = add_dossier(index, practices["registered"].themes.get(), "Ouders als partner")
    report = PublicationFactory(title="Ouderparticipatie in de kinderopvang")
    dossier.chosen_practices = [DossierPractice(practice=practices["registered"]), DossierPractice(practice=practices["waiting"])]
    dossier.knowledge_documents = [DossierPublication(publication=report)]

    response = dossier.make_preview_request()

    html = response.render().content.decode()
    assert "Aangemelde koffieochtend" in html and "Ouderparticipatie in de kinderopvang" in html
    assert "mrkwaitingqz" not in html, "the preview shows what visitors would see"


def test_a_preview_after_visitors_saw_the_page_shows_the_draft_not_the_kept_page(client, index, themes, practices):
    dossier = add_dossier(index, themes["armoede"], "Ouders als partner", introduction="<p>De inleiding van gisteren.</p>")
    host = urlsplit(dossier.get_site().root_url).netloc  # the address a preview is made for
    assert "De inleiding van gisteren." in client.get(dossier.url, HTTP_HOST=host).content.decode()  # now kept

    dossier.introduction = "<p>Een nieuwe inleiding, nog niet gepubliceerd.</p>"
    dossier.title = "Ouders als volwaardige partner"
    html = dossier.make_preview_request().render().content.decode()

    assert "Een nieuwe inleiding, nog niet gepubliceerd." in html and "De inleiding van gisteren." not in html
    assert '<span aria-current="page">Ouders als volwaardige partner</span>' in html  # the breadcrumb too
    assert "De inleiding van gisteren." in client.get(dossier.url, HTTP_HOST=host).content.decode(), "visitors see the live page"
