"""Editorial pages as a visitor meets them: in Dutch by default, in English under /en/, with a
language switch, and only when published and public."""

import datetime
import re

import pytest
from wagtail.models import PageViewRestriction, Site

from pages.models import ContentPage, NewsIndexPage, NewsItemPage

pytestmark = pytest.mark.django_db

HERO = "Knowledge about parenting and growing up, for everyone who supports families"


@pytest.fixture
def home():
    return Site.objects.get(is_default_site=True).root_page.specific


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def language_switch(response) -> tuple[str, str]:
    """The (href, hreflang) of the visible link to the other language."""
    match = re.search(r'<a href="([^"]*)" hreflang="([^"]+)"[^>]*class="language-switch"', response.content.decode())
    assert match, "no language switch on the page"
    return match.group(1), match.group(2)


def add_page(parent, page):
    parent.add_child(instance=page)
    return page


def test_the_home_page_is_dutch(client, home, dutch):
    response = client.get("/")

    assert response.status_code == 200
    assert html_lang(response).lower().startswith("nl")
    page = response.content.decode()
    assert dutch(HERO) in page
    assert home.intro in page


def test_the_same_home_page_is_served_under_en_with_an_english_interface(client, home):
    response = client.get("/en/")

    assert response.status_code == 200
    assert html_lang(response) == "en"
    page = response.content.decode()
    assert HERO in page
    assert home.intro in page
    assert response.context["page"].pk == home.pk


def test_each_page_links_to_itself_in_the_other_language(client):
    assert language_switch(client.get("/")) == ("/en/", "en")
    assert language_switch(client.get("/en/")) == ("/", "nl-be")
    assert language_switch(client.get("/organisaties/")) == ("/en/organisaties/", "en")


def test_the_language_switch_keeps_the_query_and_follows_each_address(client, home):
    """The other language's address is kept per path (core.context_processors.translated): the
    query of this request comes with it, and another path or query gets its own."""
    add_page(home, ContentPage(title="Over EXPOO", slug="over-expoo"))
    assert language_switch(client.get("/agenda/?thema=scheiding")) == ("/en/agenda/?thema=scheiding", "en")
    assert language_switch(client.get("/agenda/?thema=tieners&x=1")) == ("/en/agenda/?thema=tieners&amp;x=1", "en")
    assert language_switch(client.get("/en/agenda/?page=2")) == ("/agenda/?page=2", "nl-be")
    assert language_switch(client.get("/over-expoo/")) == ("/en/over-expoo/", "en")
    assert language_switch(client.get("/en/over-expoo/?a=b")) == ("/over-expoo/?a=b", "nl-be")
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', client.get("/over-expoo/?a=b").content.decode())
    )
    assert alternates == {"nl-BE": "http://testserver/over-expoo/?a=b", "en": "http://testserver/en/over-expoo/?a=b"}


def test_a_content_page_is_served_in_both_languages(client, home):
    page = add_page(home, ContentPage(title="Over EXPOO", slug="over-expoo", intro="Wie we zijn en wat we doen."))

    dutch_page = client.get("/over-expoo/")
    english_page = client.get("/en/over-expoo/")

    assert dutch_page.status_code == english_page.status_code == 200
    assert "Wie we zijn en wat we doen." in dutch_page.content.decode()
    assert html_lang(english_page) == "en"
    assert page.title in english_page.content.decode()


def test_pages_in_the_menu_appear_in_the_main_navigation(client, home):
    add_page(home, ContentPage(title="Over EXPOO", slug="over-expoo", show_in_menus=True))
    add_page(home, ContentPage(title="Verborgen pagina", slug="verborgen", show_in_menus=False))

    page = client.get("/").content.decode()

    assert 'href="/over-expoo/"' in page
    assert "Verborgen pagina" not in page


def main_nav(response) -> str:
    return re.search(r'<nav class="main-nav".*?</nav>', response.content.decode(), re.S).group(0)


def test_the_layout_kept_per_process_follows_every_change_at_once(client, home, member):
    """The header, menu and footer are rendered once per process and kept ({% kept %}); what
    differs between pages is still each page's own."""
    about = add_page(home, ContentPage(title="Over EXPOO", slug="over-expoo", show_in_menus=True))
    assert 'aria-current="page">Over EXPOO' in main_nav(client.get("/over-expoo/"))
    assert "aria-current" not in main_nav(client.get("/"))
    assert 'href="/agenda/" aria-current="true"' in main_nav(client.get("/agenda/"))
    assert 'href="/en/agenda/" aria-current="true"' in main_nav(client.get("/en/agenda/"))

    about.title = "Wie is EXPOO"
    about.save_revision().publish()
    assert "Wie is EXPOO" in main_nav(client.get("/"))
    assert "Over EXPOO" not in main_nav(client.get("/"))

    page = client.get("/zoeken/?q=samen+spelen").content.decode()
    assert 'name="q" value="samen spelen"' in page
    assert 'name="q" value=""' in client.get("/zoeken/").content.decode()

    client.force_login(member)
    page = client.get("/").content.decode()
    assert "Mijn EXPOO" in page and "Uitloggen" in page and ">Inloggen<" not in page
    client.logout()
    assert ">Inloggen<" in client.get("/").content.decode()


def test_an_unpublished_page_is_not_found(client, home):
    add_page(home, ContentPage(title="Concept", slug="concept", live=False))

    assert client.get("/concept/").status_code == 404


def test_a_private_page_does_not_show_its_content(client, home):
    page = add_page(home, ContentPage(title="Intern", slug="intern", intro="Vertrouwelijke afspraken."))
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim")

    response = client.get("/intern/")

    assert "Vertrouwelijke afspraken." not in response.content.decode()


def test_the_news_overview_lists_published_news_newest_first(client, home):
    news = add_page(home, NewsIndexPage(title="Nieuws", slug="nieuws"))
    add_page(news, NewsItemPage(title="Oud bericht", slug="oud", date=datetime.date(2025, 1, 10), intro="Eerder."))
    add_page(news, NewsItemPage(title="Nieuw bericht", slug="nieuw", date=datetime.date(2025, 6, 1), intro="Later."))
    add_page(news, NewsItemPage(title="Nog geheim bericht", slug="geheim", date=datetime.date(2025, 7, 1), intro="-", live=False))

    response = client.get("/nieuws/")

    assert response.status_code == 200
    assert [item.title for item in response.context["page_obj"]] == ["Nieuw bericht", "Oud bericht"]
    assert "Nog geheim bericht" not in response.content.decode()
    assert "Nieuw bericht" in client.get("/").content.decode()


def test_the_sitemap_lists_live_pages_but_not_unpublished_ones(client, home):
    add_page(home, ContentPage(title="Over EXPOO", slug="over-expoo"))
    add_page(home, ContentPage(title="Concept", slug="concept", live=False))

    sitemap = client.get("/sitemap.xml").content.decode()

    assert "/over-expoo/" in sitemap
    assert "/concept/" not in sitemap


def test_robots_txt_keeps_crawlers_out_of_admin_accounts_and_search(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert {"Disallow: /beheer/", "Disallow: /account/", "Disallow: /zoeken/"} <= set(lines)
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_news_behind_a_restriction_leaves_the_lists_at_once_and_comes_back_when_it_is_lifted(client, home, settings):
    """The restricted paths are kept per version of the page tree (core.restrictions): setting or
    lifting a restriction, on the item or on a section above it, shows on the next request."""
    settings.EXPOO_PAGE_CACHE_SECONDS = 0
    news = add_page(home, NewsIndexPage(title="Nieuws", slug="nieuws"))
    item = add_page(
        news,
        NewsItemPage(title="Verslag van de studiedag", slug="verslag", date=datetime.date(2025, 6, 1), intro="Wat we leerden."),
    )
    for url in ("/", "/nieuws/"):
        assert "Verslag van de studiedag" in client.get(url).content.decode()

    restriction = PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.LOGIN)
    for url in ("/", "/nieuws/"):
        assert "Verslag van de studiedag" not in client.get(url).content.decode()

    restriction.delete()
    section = add_page(home, ContentPage(title="Intern", slug="intern"))
    inner = add_page(
        section, NewsItemPage(title="Teamoverleg", slug="teamoverleg", date=datetime.date(2025, 7, 1), intro="Afspraken.")
    )
    assert "Teamoverleg" in client.get("/").content.decode()
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    home_page = client.get("/").content.decode()
    assert "Teamoverleg" not in home_page and "Verslag van de studiedag" in home_page
    assert "Teamoverleg" not in client.get(inner.url).content.decode()


def test_wagtail_refuses_a_restricted_page_below_it_and_an_alias_of_it_and_an_open_page_asks_nothing(
    client, home, settings, django_assert_num_queries
):
    """Wagtail's check before serving reads the restrictions from memory (core.restrictions): a
    restriction on a section covers what lies below it, an alias has its source's restriction, a
    restriction lifted opens the page at once, and an open page costs no restriction query."""
    settings.EXPOO_PAGE_CACHE_SECONDS = 0
    section = add_page(home, ContentPage(title="Intern", slug="intern", intro="Sectie."))
    inner = add_page(section, ContentPage(title="Afspraken", slug="afspraken", intro="Vertrouwelijke afspraken."))
    source = add_page(home, ContentPage(title="Bron", slug="bron", intro="Alleen voor leden."))
    alias = source.create_alias(parent=home, update_slug="bron-kopie")
    open_page = add_page(home, ContentPage(title="Open", slug="open", intro="Voor iedereen."))
    client.get("/open/")  # builds the menu and the restriction paths once

    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    restriction = PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
    for page in (section, inner, source, alias):
        response = client.get(page.url)
        assert response.status_code == 302 and "/account/" in response["Location"], page.url
    assert "Voor iedereen." in client.get(open_page.url).content.decode()

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(open_page.url).status_code == 200
    assert not [q["sql"] for q in queries.captured_queries if "wagtailcore_pageviewrestriction" in q["sql"]]

    restriction.delete()
    assert "Alleen voor leden." in client.get(alias.url).content.decode()

    # "In this section" of an open page leaves out a restricted page below it.
    below = add_page(open_page, ContentPage(title="Werkgroep", slug="werkgroep"))
    add_page(open_page, ContentPage(title="Publieke uitleg", slug="uitleg"))
    PageViewRestriction.objects.create(page=below, restriction_type=PageViewRestriction.LOGIN)
    section_list = client.get(open_page.url).content.decode()
    assert "Publieke uitleg" in section_list and "Werkgroep" not in section_list
