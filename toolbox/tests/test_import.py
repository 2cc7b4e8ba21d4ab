"""Importing a library (RIS or BibTeX): all records or none, an error per record and field, in
Dutch, from the command line and from the admin."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from toolbox.models import Publication

pytestmark = pytest.mark.django_db

RIS = """TY  - JOUR
TI  - Ouders in armoede vinden de weg
AU  - Peeters, An
AU  - Opgroeien
PY  - 2021/05/01
T2  - Vlaams Tijdschrift voor Gezinsondersteuning
VL  - 10
IS  - 2
SP  - 5
EP  - 19
DO  - https://doi.org/10.5555/VTG.2021.1002
KW  - Armoede en kansengelijkheid
KW  - iets onbekends
LA  - dut
ER  -

TY  - BOOK
TI  - Samen opvoeden
AU  - Maes, Chloë
PY  - 2018
PB  - Uitgeverij De Wijde Kring
SN  - 9789461170347
ER  -

TY  - SOUND
TI  - Een podcast over tieners
AU  - Opvoedingslijn
PY  - 2024
UR  - https://podcast.example.org/tieners
KW  - tieners
ER  -
"""

BIBTEX = r"""
@article{peeters2021,
  title = {{Ouders} in armoede \& hun netwerk},
  author = {Peeters, An and {Huis van het Kind Gent}},
  journal = {Pedagogisch Perspectief},
  year = {2021},
  volume = {4},
  pages = {10--20},
  doi = {10.5555/pp.2021.4},
  keywords = {scheiding, Tieners}
}

@misc{video2022,
  title = {Zo bespreek je zorgen met ouders},
  author = {Hermans, Fien},
  year = 2022,
  type = {Video},
  url = {https://video.example.org/zorgen},
  language = {Nederlands}
}
"""


def _file(tmp_path, text, name):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_valid_ris_file_imports_every_record_as_a_draft(tmp_path, themes):
    out = io.StringIO()
    call_command("import_publications", _file(tmp_path, RIS, "bib.ris"), stdout=out)
    assert "3 publicatie(s) geïmporteerd als concept" in out.getvalue()
    article = Publication.objects.get(title="Ouders in armoede vinden de weg")
    assert not article.live and article.latest_revision is not None
    assert (article.publication_type, article.year, article.language) == ("journal_article", 2021, "nl")
    assert (article.journal, article.volume, article.issue, article.pages) == (
        "Vlaams Tijdschrift voor Gezinsondersteuning",
        "10",
        "2",
        "5-19",
    )
    assert article.doi == "10.5555/vtg.2021.1002"
    assert [(a.kind, a.name, a.given_names) for a in article.authors.all()] == [
        ("person", "Peeters", "An"),
        ("organisation", "Opgroeien", ""),
    ]
    assert [t.slug for t in article.themes.all()] == ["armoede"], "keywords that name a theme become that theme"
    book = Publication.objects.get(title="Samen opvoeden")
    assert book.isbn == "978-94-6117-034-7"
    podcast = Publication.objects.get(publication_type="podcast")
    assert podcast.external_url == "https://podcast.example.org/tieners" and [t.slug for t in podcast.themes.all()] == ["tieners"]
    assert Publication.objects.public().count() == 0
    assert ModelLogEntry.objects.filter(action="wagtail.create").count() == 3


def test_the_publish_option_makes_them_public(tmp_path, themes):
    call_command("import_publications", _file(tmp_path, BIBTEX, "lib.bib"), "--publish", stdout=io.StringIO())
    assert Publication.objects.public().count() == 2
    article = Publication.objects.get(publication_type="journal_article")
    assert article.title == "Ouders in armoede & hun netwerk"
    assert [a.display_name for a in article.authors.all()] == ["An Peeters", "Huis van het Kind Gent"]
    assert article.pages == "10-20" and sorted(t.slug for t in article.themes.all()) == ["scheiding", "tieners"]
    video = Publication.objects.get(publication_type="video")
    assert video.external_url == "https://video.example.org/zorgen" and video.language == "nl"


BAD_RIS = RIS.replace("PY  - 2018\n", "PY  - ooit\n").replace("DO  - https://doi.org/10.5555/VTG.2021.1002", "DO  - geen-doi")


def test_one_bad_record_imports_nothing_and_each_error_names_record_and_field(tmp_path, themes):
    err = io.StringIO()
    with pytest.raises(CommandError, match="er werd niets geïmporteerd"):
        call_command("import_publications", _file(tmp_path, BAD_RIS, "bad.ris"), stdout=io.StringIO(), stderr=err)
    errors = err.getvalue()
    assert "record 1 (“Ouders in armoede vinden de weg”), veld DOI (DO): ‘geen-doi’ is geen DOI" in errors
    assert "record 2 (“Samen opvoeden”), veld jaar (PY): ‘ooit’ is geen jaartal." in errors
    assert Publication.objects.count() == 0


@pytest.mark.parametrize(
    "text,expected",
    [
        ("TY  - XXX\nTI  - Raar\nAU  - A, B\nPY  - 2020\nER  - \n", "veld type (TY): het type ‘XXX’ kennen we niet."),
        ("TY  - RPRT\nAU  - A, B\nPY  - 2020\nER  - \n", "veld titel (TI): ontbreekt."),
        ("TY  - RPRT\nTI  - Zonder auteur\nPY  - 2020\nER  - \n", "veld auteurs (AU): er is geen enkele auteur."),
        ("TY  - BOOK\nTI  - Boek\nAU  - A, B\nPY  - 2020\nSN  - 978-94-014-0039-9\nER  - \n", "veld ISBN (SN)"),
        ("TY  - RPRT\nTI  - Rapport\nAU  - A, B\nPY  - 2020\nLA  - Klingon\nER  - \n", "veld taal (LA)"),
        ("TY  - SOUND\nTI  - Podcast\nAU  - A, B\nPY  - 2020\nER  - \n", "veld link (UR)"),
    ],
)
def test_record_errors_are_specific(tmp_path, text, expected):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_publications", _file(tmp_path, text, "x.ris"), stdout=io.StringIO(), stderr=err)
    assert expected in err.getvalue()


def test_a_doi_that_is_already_in_the_toolbox_is_refused(tmp_path, library):
    text = "TY  - JOUR\nTI  - Dubbel\nAU  - A, B\nPY  - 2021\nDO  - 10.1234/gezin.2021.045\nER  - \n"
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_publications", _file(tmp_path, text, "x.ris"), stdout=io.StringIO(), stderr=err)
    assert "er staat al een publicatie met DOI 10.1234/gezin.2021.045 in de Toolbox" in err.getvalue()


def test_a_broken_bibtex_entry_is_reported_with_its_line(tmp_path, themes):
    text = BIBTEX + "\n@article{kapot, title = {Geen einde}, year = 2020,\n@book{ok, title={Ok}, author={A, B}, year={2020}}\n"
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_publications", _file(tmp_path, text, "x.bib"), stdout=io.StringIO(), stderr=err)
    assert "de BibTeX-syntaxis klopt niet" in err.getvalue()
    assert Publication.objects.count() == 0


def test_exported_references_import_again(client, tmp_path, library):
    host = {"HTTP_HOST": "www.expoo.example"}  # a host with a domain, as links must have
    ris = client.get(reverse("toolbox:export_list", args=["ris"]), **host).content.decode()
    bib = client.get(reverse("toolbox:export_list", args=["bibtex"]), **host).content.decode()
    Publication.objects.all().delete()
    call_command("import_publications", _file(tmp_path, ris, "toolbox.ris"), stdout=io.StringIO())
    assert Publication.objects.count() == 5
    Publication.objects.all().delete()
    call_command("import_publications", _file(tmp_path, bib, "toolbox.bib"), stdout=io.StringIO())
    imported = {p.title: p for p in Publication.objects.all()}
    assert set(imported) == {p.title for p in library.values() if p.live}
    assert imported["Praten met pubers"].publication_type == "podcast"
    assert imported["Folder voor ouders in armoede"].publication_type == "brochure"


# The admin view --------------------------------------------------------------------------------


def _upload(client, text, name, **data):
    return client.post(reverse("toolbox_import"), {"file": SimpleUploadedFile(name, text.encode()), **data})


def test_editors_import_from_the_admin_and_land_on_the_listing(client, editor, themes):
    client.force_login(editor)
    page = client.get(reverse("toolbox_import"))
    assert page.status_code == 200
    listing = client.get(reverse("wagtailsnippets_toolbox_publication:list"))
    assert reverse("toolbox_import") in listing.content.decode(), "the listing links to the import"
    response = _upload(client, RIS, "bib.ris")
    assert response.status_code == 302 and response.url == reverse("wagtailsnippets_toolbox_publication:list")
    assert Publication.objects.count() == 3 and not Publication.objects.public().exists()
    assert all(p.latest_revision.user == editor for p in Publication.objects.all())


def test_a_bad_upload_is_a_400_with_a_dutch_message_and_stores_nothing(client, editor, themes):
    client.force_login(editor)
    response = _upload(client, "Dit is gewoon een brief.", "brief.txt")
    assert response.status_code == 400
    assert "Dit is geen RIS- of BibTeX-bestand" in response.content.decode()
    binary = client.post(reverse("toolbox_import"), {"file": SimpleUploadedFile("foto.pdf", b"%PDF\x00\x01\x02")})
    assert binary.status_code == 400 and "geen tekstbestand" in binary.content.decode()
    bad = _upload(client, BAD_RIS, "bad.ris")
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "Er werd niets geïmporteerd: het bestand bevat 2 fouten" in html
    assert "record 2 (“Samen opvoeden”), veld jaar (PY)" in html
    assert Publication.objects.count() == 0


def test_publishing_an_import_takes_the_right_to_publish(client, editor, themes):
    from django.contrib.auth.models import Permission

    editor.user_permissions.remove(Permission.objects.get(codename="publish_publication"))
    client.force_login(editor)
    response = _upload(client, RIS, "bib.ris", publish="on")
    assert response.status_code == 400 and Publication.objects.count() == 0


def test_people_without_the_right_cannot_import(client, member):
    client.force_login(member)
    assert client.get(reverse("toolbox_import")).status_code in (302, 403)
    assert _upload(client, RIS, "bib.ris").status_code in (302, 403)
    assert Publication.objects.count() == 0
