"""Thematic dossiers as a visitor meets them: only live dossiers, and on a dossier only what is
public itself (published publications, public practices, live related dossiers)."""

import re

import pytest
from wagtail.models import PageViewRestriction

from core.factories import ThemeFactory
from core.templatetags.expoo import forget_kept
from practices import actions
from practices.tests.conftest import publish, register
from toolbox.tests.factories import PublicationFactory

from .conftest import add_dossier, make_insight, make_testimonial, published_practice

pytestmark = pytest.mark.django_db


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def test_the_overview_lists_live_dossiers_only(client, index, themes):
    add_dossier(index, themes["armoede"], "Opvoeden in armoede")
    add_dossier(index, themes["tieners"], "In gesprek met tieners")
    add_dossier(index, themes["scheiding"], "Ontwerp mrkdraftqz", live=False)
    withdrawn = add_dossier(index, themes["vaders"], "Ingetrokken mrkwithdrawnqz")
    withdrawn.unpublish()

    response = client.get(index.url)

    page = html(response)
    assert [d.title for d in response.context["dossiers"]] == ["In gesprek met tieners", "Opvoeden in armoede"]
    assert "Samenvatting van Opvoeden in armoede." in page
    assert "mrkdraftqz" not in page and "mrkwithdrawnqz" not in page


def test_a_dossier_behind_a_view_restriction_is_not_listed(client, index, themes):
    add_dossier(index, themes["armoede"], "Opvoeden in armoede")
    restrict(add_dossier(index, themes["vaders"], "Besloten mrkprivateqz"))

    assert "mrkprivateqz" not in html(client.get(index.url))


def test_a_dossier_shows_its_insights_with_their_source_link(client, index, themes):
    report = PublicationFactory(title="Opgroeien in armoede: stemmen van ouders", slug="stemmen-van-ouders", year=2019)
    dossier = add_dossier(
        index,
        themes["armoede"],
        "Opvoeden in armoede",
        insights=[make_insight("Schaamte houdt ouders langer weg van hulp dan geldgebrek.", report, "hoofdstuk 2")],
    )

    page = html(client.get(dossier.url))

    assert "Schaamte houdt ouders langer weg van hulp dan geldgebrek." in page
    [source] = re.findall(r'<p class="insight__source">(.*?)</p>', page, re.S)
    assert f'<a href="{report.get_absolute_url()}">{report.title}</a>' in source
    assert "2019" in source and "hoofdstuk 2" in source


def test_an_unpublished_publication_is_neither_a_knowledge_document_nor_a_source(client, index, themes):
    public = PublicationFactory(title="Handboek gezinsondersteuning", slug="handboek")
    draft = PublicationFactory(draft=True, title="Concept mrkdraftqz", slug="concept")
    withdrawn = PublicationFactory(title="Ingetrokken mrkwithdrawnqz", slug="ingetrokken")
    withdrawn.live = False
    withdrawn.save()
    dossier = add_dossier(
        index,
        themes["armoede"],
        "Opvoeden in armoede",
        documents=[draft, public, withdrawn],
        insights=[make_insight("Inzicht uit een ontwerp.", draft), make_insight("Inzicht uit het handboek.", public)],
    )

    response = client.get(dossier.url)

    page = html(response)
    assert response.context["documents"] == [public]
    assert "mrkdraftqz" not in page and "mrkwithdrawnqz" not in page
    assert draft.get_absolute_url() not in page and withdrawn.get_absolute_url() not in page
    assert page.count(f'href="{public.get_absolute_url()}"') == 2, "as a knowledge document and as a source"
    assert "Inzicht uit een ontwerp." in page, "the insight stays, without its source"


def test_only_public_chosen_practices_appear_then_at_most_six_published_ones_with_the_theme(client, index, themes, cast):
    writer, team, theme = cast["writer"], cast["team"], cast["theme"]
    waiting = register(writer, cast["org"], "Wachtende mrkwaitingqz", themes=[theme])
    declined = register(writer, cast["org"], "Afgewezen mrkdeclinedqz", themes=[theme])
    actions.decline_registration(declined, by=team, reason="Geen praktijk.")
    registered = register(writer, cast["org"], "Aangemelde praktijk", themes=[themes["armoede"]])
    actions.accept_registration(registered, by=team)
    chosen = publish(
        register(writer, cast["org"], "Gekozen praktijk", themes=[theme]),
        writer=writer,
        team=team,
        reviewer=cast["reviewer"],
        chair=cast["chair"],
        due=cast["due"],
    )
    newest_first = [published_practice(f"Praktijk met het thema {n}", theme, days_ago=n) for n in range(1, 9)]
    published_practice("Praktijk over iets anders", themes["tieners"])
    dossier = add_dossier(index, theme, "Ouders als partner", practices=[waiting, declined, registered, chosen])

    response = client.get(dossier.url)

    page = html(response)
    assert response.context["chosen_practices"] == [registered, chosen], "public ones, in the editor's order"
    assert response.context["more_practices"] == newest_first[:6]
    assert "mrkwaitingqz" not in page and "mrkdeclinedqz" not in page
    assert "Praktijk over iets anders" not in page and "Praktijk met het thema 7" not in page
    assert page.count(chosen.get_absolute_url()) == 1, "a chosen practice is not listed twice"


def test_an_unpublished_or_private_related_dossier_does_not_appear(client, index, themes):
    live = add_dossier(index, themes["tieners"], "In gesprek met tieners")
    draft = add_dossier(index, themes["scheiding"], "Ontwerp mrkdraftqz", live=False)
    withdrawn = add_dossier(index, themes["vaders"], "Ingetrokken mrkwithdrawnqz")
    withdrawn.unpublish()
    private = add_dossier(index, ThemeFactory(name="Besloten"), "Besloten mrkprivateqz")
    restrict(private)
    dossier = add_dossier(index, themes["armoede"], "Opvoeden in armoede", related=[draft, withdrawn, private, live])

    response = client.get(dossier.url)

    page = html(response)
    assert response.context["related"] == [live]
    assert f'href="{live.url}"' in page
    assert "mrkdraftqz" not in page and "mrkwithdrawnqz" not in page and "mrkprivateqz" not in page


def test_a_draft_dossier_is_not_found_by_visitors(client, index, themes):
    draft = add_dossier(index, themes["armoede"], "Opvoeden in armoede", live=False)
    assert client.get(draft.url).status_code == 404

    draft.save_revision().publish()
    assert client.get(draft.url).status_code == 200


def test_a_testimonial_with_a_recording_offers_its_transcript(client, index, themes):
    dossier = add_dossier(
        index,
        themes["armoede"],
        "Opvoeden in armoede",
        testimonials=[
            make_testimonial(
                "Iemand vroeg me gewoon binnen.",
                "een moeder van drie kinderen",
                "https://media.example.org/moeder.mp3",
                "audio",
                "Moeder: Iemand vroeg me gewoon binnen.\nMoeder: Meer was er niet nodig.",
            ),
            make_testimonial("We hebben ons formulier ingekort.", "een coördinator van een Huis van het Kind"),
        ],
    )

    page = html(client.get(dossier.url))

    assert page.count('<figure class="quote">') == 2
    assert page.count('<details class="transcript">') == 1
    assert 'href="https://media.example.org/moeder.mp3"' in page
    assert "Meer was er niet nodig." in page


def test_a_dossier_takes_the_same_number_of_queries_however_much_it_links_to(
    client, index, themes, django_assert_max_num_queries, settings
):
    settings.EXPOO_PAGE_CACHE_SECONDS = 0  # the page's own queries are counted (a cached page takes one)
    theme = themes["armoede"]
    others = [add_dossier(index, t, t.name) for t in (themes["tieners"], themes["scheiding"], themes["vaders"])]

    def dossier(size, dossier_theme):
        publications = [PublicationFactory() for _ in range(size)]
        practices = [published_practice(f"Gekozen {dossier_theme.slug} {n}", theme) for n in range(size)]
        return add_dossier(
            index,
            dossier_theme,
            f"Dossier {size}",
            insights=[make_insight(f"Inzicht {n}.", p) for n, p in enumerate(publications)],
            documents=publications,
            practices=practices,
            related=others[:size],
            testimonials=[
                make_testimonial(f"Getuigenis {n}.", "een vader", "https://media.example.org/v.mp4", "video", "Tekst.")
                for n in range(size)
            ],
        )

    small = dossier(1, theme)
    large = dossier(3, ThemeFactory(name="Ouderparticipatie"))
    for n in range(6):
        published_practice(f"Nog een praktijk {n}", theme)
    client.get(small.url)  # warm caches shared by every page (menu, site settings)

    forget_kept()  # the page as rendered after a change: its kept parts (core.templatetags.expoo) made again
    with django_assert_max_num_queries(14) as small_queries:
        assert client.get(small.url).status_code == 200
    forget_kept()
    with django_assert_max_num_queries(14) as large_queries:
        assert client.get(large.url).status_code == 200
    assert len(large_queries) == len(small_queries)
    # Once kept, the publications, practices and related dossiers it names are not read again.
    with django_assert_max_num_queries(len(large_queries) - 3):
        assert client.get(large.url).status_code == 200


def test_a_publication_page_links_the_live_dossiers_that_list_it_or_share_its_theme(client, index, themes):
    report = PublicationFactory(title="Rapport over armoede", themes=[themes["armoede"]])
    listing = add_dossier(index, themes["tieners"], "Tieners en hun ouders", documents=[report])
    on_theme = add_dossier(index, themes["armoede"], "Opgroeien in armoede")
    add_dossier(index, themes["scheiding"], "Na een scheiding")  # neither lists it nor shares a theme
    add_dossier(index, themes["vaders"], "Vaders in beeld", live=False, documents=[report])  # a draft

    page = client.get(report.get_absolute_url()).content.decode()
    section = page.split('id="dossiers-heading"', 1)[1].split("</section>", 1)[0]
    titles = re.findall(r'<a href="[^"]+">([^<]+)</a>', section)
    assert titles == [listing.title, on_theme.title], "the dossier that lists it first, drafts and others never"


def test_a_dossier_seen_before_follows_changes_to_what_it_names(client, index, themes, settings):
    """Most of the page is kept per process ({% kept %}); every change it shows renews a stamp."""
    settings.EXPOO_PAGE_CACHE_SECONDS = 0  # the page's own rendering, not the page cache
    theme = themes["armoede"]
    report = PublicationFactory(title="Rapport over armoede")
    practice = published_practice("Buurtkoffie voor ouders", theme)
    dossier = add_dossier(
        index,
        theme,
        "Opgroeien in armoede",
        documents=[report],
        practices=[practice],
        insights=[make_insight("Ouders weten veel.", report)],
    )
    page = html(client.get(dossier.url))
    assert "Rapport over armoede" in page and "Buurtkoffie voor ouders" in page and "Armoede en kansengelijkheid" in page

    report.title = "Rapport over kinderarmoede"
    report.save()
    theme.name = "Armoede"
    theme.save()
    page = html(client.get(dossier.url))
    assert "Rapport over kinderarmoede" in page and "Rapport over armoede<" not in page
    assert "Themadossier · Armoede<" in page

    practice.delete()
    assert "Buurtkoffie voor ouders" not in html(client.get(dossier.url))
