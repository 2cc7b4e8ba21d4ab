"""Fixtures shared by every app's tests: the people of the platform in their roles, and helpers
to read what a user receives (e-mail links, Dutch interface texts)."""

import re
from urllib.parse import urlsplit

import pytest
from django.utils import translation
from django.utils.html import escape

from accounts import roles
from core.factories import MembershipFactory, OrganisationFactory, UserFactory
from organisations.models import OrganisationKind


def pytest_configure(config):
    """Test databases are migrated once and copied (core/tests/dbtemplate.py)."""
    from core.tests import dbtemplate

    dbtemplate.install()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """A test's fixtures bring the site search's index up to date once, when the last of them is
    set up, instead of at every save they make (sitesearch.tasks.gathered): with the tasks run at
    once, re-indexing was a fifth of the practices and organisations tests. The index the test
    meets is the same; what the test itself does is indexed as it happens. Not for the browser
    tests: their demo fixture keeps a copy of the database, index included, as soon as the demo is
    loaded (`load_demo` gathers its own)."""
    from sitesearch.tasks import gathered

    if item.get_closest_marker("e2e"):
        return (yield)
    with gathered():
        return (yield)


_URL = re.compile(r"https?://[^\s<>\"']+")
_CSRF_TOKEN = re.compile(r"[A-Za-z0-9]{64}")


@pytest.fixture(autouse=True)
def _default_language():
    """A request in English leaves English active in the thread; start every test from Dutch."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counts (core/ratelimit.py) and other cached values never carry over between tests."""
    from django.core.cache import caches

    from core.templatetags.expoo import forget_kept
    from sitesearch import query, warm

    for store in caches.all():
        store.clear()
    warm.forget(noted=True)
    query.forget()
    forget_kept()
    yield


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Huis van het Kind Gent", kind=OrganisationKind.HUIS_VAN_HET_KIND)


@pytest.fixture
def org_admin(organisation):
    """An administrator of `organisation`."""
    return MembershipFactory(organisation=organisation, admin=True, user__email="beheer@hvhk-gent.be").user


@pytest.fixture
def member(organisation):
    """A plain member of `organisation`."""
    return MembershipFactory(organisation=organisation, user__email="lid@hvhk-gent.be").user


@pytest.fixture
def other_org_admin(db):
    """The administrator of another organisation."""
    other = OrganisationFactory(name="Opvoedingswinkel Leuven", kind=OrganisationKind.OPVOEDINGSWINKEL)
    return MembershipFactory(organisation=other, admin=True, user__email="beheer@ow-leuven.be").user


@pytest.fixture
def team_user(db):
    return UserFactory(email="team@expoo.be", groups=[roles.EXPOO_TEAM])


@pytest.fixture
def commission_member(db):
    return UserFactory(email="commissie@voorbeeld.be", groups=[roles.COMMISSION_MEMBER])


@pytest.fixture
def links_in():
    """The site-relative paths of the links in an e-mail's text body."""

    def read(message) -> list[str]:
        paths = []
        for url in _URL.findall(message.body):
            parts = urlsplit(url.rstrip(".,)"))
            paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        return paths

    return read


@pytest.fixture
def dutch():
    """The Dutch text a visitor reads for an interface string, as it appears in HTML.

    Fails when the string has no Dutch translation: the interface must not fall back to English.
    """

    def translate(msgid: str, html: bool = True, **params) -> str:
        with translation.override("nl-be"):
            text = translation.gettext(msgid)
        assert text != msgid, f"No Dutch translation for {msgid!r}"
        if params:
            text = text % params
        return escape(text) if html else text

    return translate


@pytest.fixture
def without_csrf():
    """Page text with CSRF tokens blanked, so two responses can be compared for equality."""

    def strip(response) -> str:
        return _CSRF_TOKEN.sub("<token>", response.content.decode())

    return strip
