"""Atom and RSS feeds of new publications, for everything or one theme, and the sitemap."""

import pytest
from django.urls import reverse
from lxml import etree

from .factories import PublicationFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_atom_feed_lists_new_publications_newest_first(client, library):
    response = client.get(reverse("toolbox:feed_atom"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content)
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert len(titles) == 5 and titles[0] == "Folder voor ouders in armoede"  # made last, so the newest
    entry = next(feed.iter(f"{ATOM}entry"))
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/toolbox/folder-armoede/"


def test_a_theme_feed_has_only_that_theme(client, library):
    response = client.get(reverse("toolbox:feed_rss"), {"thema": "tieners"})
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = etree.fromstring(response.content).find("channel")
    assert sorted(i.findtext("title") for i in channel.iter("item")) == ["Praten met pubers", "Tieners en schermen"]
    assert "Tieners" in channel.findtext("title")


def test_an_unknown_theme_feed_is_404(client, library):
    assert client.get(reverse("toolbox:feed_atom"), {"thema": "bestaat-niet"}).status_code == 404


def test_the_sitemap_lists_public_publications(client, library):
    PublicationFactory(slug="nog-een")
    body = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/toolbox/nog-een/" in body and "/toolbox/geheim-concept/" not in body
