"""A page's address kept per process is the one reverse() gives, in every language and under any
script prefix (a site served below a path)."""

from django.urls import reverse, set_script_prefix
from django.utils import translation

from core.addresses import page_address


def test_a_kept_address_follows_the_language_and_the_script_prefix():
    for language in ("nl-be", "en"):
        with translation.override(language):
            assert page_address("practices:detail", "babbelbox") == reverse("practices:detail", kwargs={"slug": "babbelbox"})
    with translation.override("nl-be"):
        dutch = page_address("toolbox:detail", "rapport-2026")
    with translation.override("en"):
        english = page_address("toolbox:detail", "rapport-2026")
    assert dutch != english and english.startswith("/en/")
    try:
        set_script_prefix("/expoo/")
        assert page_address("events:detail", "vorming").startswith("/expoo/")
    finally:
        set_script_prefix("/")
    assert not page_address("events:detail", "vorming").startswith("/expoo/")
