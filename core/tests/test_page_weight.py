"""The weight budget of the public pages (issue 6: under 150 KB transferred, under 30 KB of JavaScript),
guarded without a browser: each page as a visitor's browser receives it (gzip), plus the stylesheets,
scripts and images it references, compressed as collectstatic compresses them. `make bench` measures
the same pages with Lighthouse (bench/lighthouse.py)."""

import gzip
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from core.factories import ThemeFactory
from dossiers.tests.conftest import published_practice

MAX_BYTES = 150 * 1024
MAX_JS_BYTES = 30 * 1024
BROWSER = {"Accept-Encoding": "gzip, deflate, br"}


class _Assets(HTMLParser):
    """The files a page makes the browser fetch at once: stylesheets, scripts, images, the icon."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") in ("stylesheet", "icon") and a.get("href"):
            self.found.append(("css" if a["rel"] == "stylesheet" else "image", a["href"]))
        elif tag == "script" and a.get("src"):
            self.found.append(("js", a["src"]))
        elif tag == "img" and a.get("src"):
            self.found.append(("image", a["src"]))


def transferred(url: str, kind: str) -> int:
    """Bytes on the wire for a static file: gzip at level 9, as WhiteNoise's collectstatic writes it
    (Brotli, which browsers get first, is smaller still); images as they are."""
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL), f"{url}: a page's own assets come from the site's static files"
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    assert found, f"{url} is referenced but not among the static files"
    with open(found, "rb") as f:
        data = f.read()
    return len(data) if kind == "image" and not path.endswith(".svg") else len(gzip.compress(data, 9))


def weigh(client, url: str) -> dict:
    """The page and its assets as a first visit transfers them."""
    response = client.get(url, headers=BROWSER)
    assert response.status_code == 200, url
    assert response.get("Content-Encoding") == "gzip", f"{url} is sent uncompressed"
    html = gzip.decompress(response.content).decode()
    parser = _Assets()
    parser.feed(html)
    assets = [(kind, src, transferred(src, kind)) for kind, src in parser.found]
    return {
        "html": len(response.content),
        "total": len(response.content) + sum(size for _k, _s, size in assets),
        "js": sum(size for kind, _s, size in assets if kind == "js"),
        "assets": assets,
        "text": html,
    }


@pytest.fixture
def public_pages(db):
    practice = published_practice("Onthaal zonder drempel", ThemeFactory(name="Armoede", slug="armoede"))
    return {
        "home": "/",
        "databank": reverse("practices:databank"),
        "practice": practice.get_absolute_url(),
        "toolbox": reverse("toolbox:list"),
        "agenda": reverse("events:agenda"),
    }


def test_public_pages_stay_within_the_weight_budget(client, public_pages):
    for name, url in public_pages.items():
        page = weigh(client, url)
        assert page["total"] < MAX_BYTES, f"{name}: {page['total']} bytes with {page['assets']}"
        assert page["js"] < MAX_JS_BYTES, f"{name}: {page['js']} bytes of JavaScript"
        # Compression pays: the page's HTML travels at a fraction of its size.
        assert page["html"] < len(page["text"].encode()) / 2, name


def test_public_pages_describe_themselves_to_crawlers(client, public_pages):
    for name, url in public_pages.items():
        html = weigh(client, url)["text"]
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html), f"{name} has no description"
        # Every language version, as an absolute address (crawlers ignore relative hreflang links).
        alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
        assert alternates["nl-BE"] == f"http://testserver{url}", name
        assert alternates["en"] == f"http://testserver/en{url}", name


def test_pages_with_a_csrf_token_or_a_session_are_not_compressed(client, member):
    """BREACH: a compressed page that holds a secret and reflects input can leak the secret."""
    login = client.get(reverse("accounts:login"), headers=BROWSER)
    assert not login.has_header("Content-Encoding")
    assert "csrfmiddlewaretoken" in login.content.decode()

    client.force_login(member)
    home = client.get("/", headers=BROWSER)
    assert not home.has_header("Content-Encoding")
    assert home.status_code == 200 and "csrfmiddlewaretoken" in home.content.decode()  # the logout form


@pytest.mark.django_db
def test_a_public_page_is_sent_as_gzip_with_random_padding_that_every_browser_reads(client):
    """core.compression: Django's GZipMiddleware's headers and padding, at a faster level."""
    sizes, pages = set(), set()
    for _ in range(6):
        response = client.get("/praktijken/?sorteer=titel&x=" + str(len(sizes)), headers=BROWSER)
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert int(response["Content-Length"]) == len(response.content)
        sizes.add(len(response.content))
        pages.add(gzip.decompress(response.content).decode().count('class="facet"'))
    assert len(sizes) > 1, "the random file name in the header changes the length"
    plain = client.get("/praktijken/?sorteer=titel&x=plain")
    assert not plain.has_header("Content-Encoding") and "Accept-Encoding" in plain["Vary"]
    assert pages == {plain.content.decode().count('class="facet"')}
