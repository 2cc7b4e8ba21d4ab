"""The Dutch (Belgium) catalogue is complete, compiled and actually used; English stays English.

Dutch is the site's first language: an untranslated or fuzzy entry shows English to a Flemish
visitor, and a stale .mo shows yesterday's texts. These tests only read the catalogues.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
NL_PO = LOCALE_DIR / "nl_BE" / "LC_MESSAGES" / "django.po"
NL_MO = NL_PO.with_suffix(".mo")
EN_PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%|%[sd]")


def _where(entry) -> str:
    return f"{entry.occurrences[0][0]}:{entry.occurrences[0][1]}" if entry.occurrences else "?"


def _key(entry) -> tuple:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def _value(entry) -> tuple:
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
    return (entry.msgstr,)


@pytest.fixture(scope="module")
def nl_po():
    return polib.pofile(str(NL_PO))


def test_the_dutch_catalogue_has_the_right_header(nl_po):
    assert nl_po.metadata["Language"] == "nl_BE"
    assert nl_po.metadata["Plural-Forms"].replace(" ", "") == "nplurals=2;plural=(n!=1);"
    assert "charset=UTF-8" in nl_po.metadata["Content-Type"]


def test_every_dutch_entry_is_translated(nl_po):
    untranslated = [f"{_where(e)} {e.msgid!r}" for e in nl_po.untranslated_entries()]
    assert not untranslated, "Untranslated in nl_BE:\n" + "\n".join(untranslated)


def test_no_dutch_entry_is_fuzzy(nl_po):
    fuzzy = [f"{_where(e)} {e.msgid!r}" for e in nl_po.fuzzy_entries() if e.msgid]
    assert not fuzzy, "Fuzzy in nl_BE (translate, then remove the flag):\n" + "\n".join(fuzzy)


def test_dutch_translations_keep_every_placeholder(nl_po):
    wrong = []
    for entry in nl_po.translated_entries():
        if entry.msgid_plural:
            expected = {tuple(sorted(PLACEHOLDER.findall(entry.msgid_plural)))}
            expected.add(tuple(sorted(PLACEHOLDER.findall(entry.msgid))))
            got = [tuple(sorted(PLACEHOLDER.findall(s))) for s in entry.msgstr_plural.values()]
            if any(g not in expected for g in got):
                wrong.append(f"{_where(entry)} {entry.msgid!r}")
        elif sorted(PLACEHOLDER.findall(entry.msgid)) != sorted(PLACEHOLDER.findall(entry.msgstr)):
            wrong.append(f"{_where(entry)} {entry.msgid!r} -> {entry.msgstr!r}")
    assert not wrong, "Placeholders differ:\n" + "\n".join(wrong)


def test_the_compiled_dutch_catalogue_matches_the_po_file(nl_po):
    assert NL_MO.exists(), "Run compilemessages: locale/nl_BE/LC_MESSAGES/django.mo is missing"
    in_po = {_key(e): _value(e) for e in nl_po.translated_entries() if e.msgid}
    in_mo = {_key(e): _value(e) for e in polib.mofile(str(NL_MO)) if e.msgid}
    missing = sorted(k[1] for k in in_po.keys() - in_mo.keys())
    extra = sorted(k[1] for k in in_mo.keys() - in_po.keys())
    changed = sorted(k[1] for k in in_po.keys() & in_mo.keys() if in_po[k] != in_mo[k])
    assert not (missing or extra or changed), (
        "django.mo is out of date: run compilemessages.\n"
        f"Not compiled: {missing}\nNo longer in the .po: {extra}\nChanged: {changed}"
    )


def test_there_is_an_english_catalogue():
    assert EN_PO.exists()


@pytest.mark.parametrize(
    ("msgid", "dutch"),
    [
        ("Organisations", "Organisaties"),
        ("Log in", "Inloggen"),
        ("My EXPOO", "Mijn EXPOO"),
        ("Skip to main content", "Naar de hoofdinhoud"),
        ("optional", "niet verplicht"),
        ("Provincial support centre", "Provinciaal steunpunt"),
    ],
)
def test_the_interface_speaks_dutch_by_default_and_english_on_request(msgid, dutch):
    with translation.override("nl-be"):
        assert translation.gettext(msgid) == dutch
    with translation.override("en"):
        assert translation.gettext(msgid) == msgid


def test_dutch_plurals_follow_the_count():
    singular, plural = "%(counter)s organisation", "%(counter)s organisations"
    with translation.override("nl-be"):
        assert translation.ngettext(singular, plural, 1) % {"counter": 1} == "1 organisatie"
        assert translation.ngettext(singular, plural, 3) % {"counter": 3} == "3 organisaties"
    with translation.override("en"):
        assert translation.ngettext(singular, plural, 3) % {"counter": 3} == "3 organisations"
