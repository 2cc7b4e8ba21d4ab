"""The publication model: what editors may and may not save, and the one visibility rule."""

import pytest
from django.core.exceptions import ValidationError

from toolbox.models import AuthorKind, Publication, PublicationAuthor, unique_slug

from .factories import PublicationFactory

pytestmark = pytest.mark.django_db


def _clean(**fields):
    publication = PublicationFactory.build(**fields)
    publication.full_clean()
    return publication


def _errors(**fields) -> dict:
    with pytest.raises(ValidationError) as error:
        _clean(**fields)
    return error.value.message_dict


@pytest.mark.parametrize(
    "raw,stored",
    [
        ("10.1080/03004430.2019.1234567", "10.1080/03004430.2019.1234567"),
        ("https://doi.org/10.5555/ABC.12", "10.5555/abc.12"),
        ("doi:10.5555/xyz", "10.5555/xyz"),
    ],
)
def test_a_doi_is_stored_in_its_short_lower_case_form(raw, stored):
    assert _clean(doi=raw).doi == stored


@pytest.mark.parametrize("raw", ["11.1234/abc", "10.12/abc", "10.5555", "zomaar tekst"])
def test_something_that_is_not_a_doi_is_refused(raw):
    assert "doi" in _errors(doi=raw)


def test_a_valid_isbn_is_hyphenated_and_a_wrong_check_digit_refused():
    assert _clean(isbn="9789401400398").isbn == "978-94-014-0039-8"
    assert _clean(isbn="90-5718-036-7").isbn  # ISBN-10 is accepted too
    assert "isbn" in _errors(isbn="978-94-014-0039-9")


def test_only_an_expoo_publication_has_an_order_link():
    assert "order_url" in _errors(order_url="https://bestel.example.org/x", is_expoo=False)
    assert _clean(order_url="https://bestel.example.org/x", is_expoo=True).order_url


@pytest.mark.parametrize("kind", ["podcast", "video"])
def test_a_podcast_or_video_needs_a_link(kind):
    assert "external_url" in _errors(publication_type=kind, external_url="")
    _clean(publication_type=kind, external_url="https://video.example.org/x")


def test_the_year_is_bounded():
    assert "year" in _errors(year=1850)
    assert "year" in _errors(year=2400)


def test_an_empty_slug_is_made_from_the_title_and_never_taken_twice():
    PublicationFactory(title="Opvoeden in Vlaanderen", slug="opvoeden-in-vlaanderen")
    publication = _clean(title="Opvoeden in Vlaanderen", slug="")
    assert publication.slug == "opvoeden-in-vlaanderen-2"
    assert unique_slug("Oai") == "oai-2", "the paths of the Toolbox itself are reserved"
    assert "slug" in _errors(slug="oai")


def test_public_is_the_live_publications_only():
    live = PublicationFactory()
    PublicationFactory(draft=True)
    assert list(Publication.objects.public()) == [live]


def test_authors_read_as_people_say_them_and_sort_as_catalogues_do():
    publication = PublicationFactory(authors=[("Van den Broeck", "Sofie"), "Opgroeien"])
    person, organisation = publication.authors.all()
    assert (person.display_name, person.key) == ("Sofie Van den Broeck", "Van den Broeck, Sofie")
    assert (organisation.display_name, organisation.key) == ("Opgroeien", "Opgroeien")
    stray = PublicationAuthor(publication=publication, kind=AuthorKind.ORGANISATION, name="Opgroeien", given_names="x")
    stray.clean()
    assert stray.given_names == ""
