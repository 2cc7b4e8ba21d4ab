"""Two writers in the same section: the second save never overwrites the first."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from practices import actions
from practices.models import DescriptionSection

from .conftest import register

pytestmark = pytest.mark.django_db

FIRST = "Wij starten met een huisbezoek bij elk gezin."
SECOND = "Elke week is er een groepssessie in het Huis van het Kind."


@pytest.fixture
def practice(cast):
    practice = register(cast["writer"], cast["org"], "Samen schrijven")
    actions.accept_registration(practice, by=cast["team"])
    return practice


def _side(soup, drop):
    """One side of the difference on the conflict page: the text without the other side's words."""
    diff = BeautifulSoup(str(soup.select_one(".error-summary .diff")), "html.parser")
    for tag in diff.find_all(drop):
        tag.decompose()
    return " ".join(diff.get_text(" ").split())


def _open(client, user, url):
    client.force_login(user)
    return client.get(url).context["text"].revision


def test_the_second_writer_to_save_gets_a_conflict_page_and_the_first_text_stays(client, cast, practice, dutch):
    url = reverse("practices:edit_section", args=[practice.pk, "aanpak"])
    revision_first = _open(client, cast["writer"], url)
    revision_second = _open(client, cast["colleague"], url)
    assert revision_first == revision_second

    client.force_login(cast["writer"])
    assert client.post(url, {"body": FIRST, "revision": revision_first}).status_code == 302

    client.force_login(cast["colleague"])
    response = client.post(url, {"body": SECOND, "revision": revision_second})
    assert response.status_code == 409
    page = response.content.decode()
    assert dutch("Someone else saved this section in the meantime") in page
    soup = BeautifulSoup(page, "html.parser")
    assert _side(soup, drop="ins") == FIRST, "the other person's text is shown (struck through where it differs)"
    assert _side(soup, drop="del") == SECOND, "and mine next to it (underlined where it differs)"
    assert soup.select_one("textarea[name=body]").get_text().strip() == SECOND, "my text is kept in the field"

    saved = DescriptionSection.objects.get(description__practice=practice, description__is_draft=True, key="aanpak")
    assert saved.body == FIRST and saved.updated_by == cast["writer"]

    # Having read both, the second writer combines them and saves from the new revision.
    new_revision = int(soup.select_one("input[name=revision]")["value"])
    assert client.post(url, {"body": f"{FIRST} {SECOND}", "revision": new_revision}).status_code == 302
    saved.refresh_from_db()
    assert saved.body == f"{FIRST} {SECOND}"


def test_a_save_without_the_revision_it_started_from_is_refused(client, cast, practice):
    url = reverse("practices:edit_section", args=[practice.pk, "aanpak"])
    client.force_login(cast["writer"])
    assert client.post(url, {"body": FIRST}).status_code == 400
    saved = DescriptionSection.objects.get(description__practice=practice, description__is_draft=True, key="aanpak")
    assert saved.body == ""
