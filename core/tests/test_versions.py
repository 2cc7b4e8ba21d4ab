"""Version stamps: read once per request, never a fixed starting value, and the cached Wagtail
site follows a change of the sites on the next request."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from core import versions
from core.middleware import RequestStampsMiddleware
from core.models import ContentVersion

pytestmark = pytest.mark.django_db


def test_a_request_reads_every_stamp_in_one_query():
    versions.bump("practices")
    versions.bump("pages")
    expected = dict(ContentVersion.objects.values_list("name", "value"))
    with versions.request_scope(), CaptureQueriesContext(connection) as queries:
        assert versions.current("practices") == expected["practices"]
        assert versions.current("pages") == expected["pages"]
        assert versions.current("practices") == expected["practices"]
    assert len(queries) == 1


def test_a_bump_inside_the_request_is_seen_by_the_rest_of_it():
    versions.bump("practices")
    with versions.request_scope():
        before = versions.current("practices")
        versions.bump("practices")
        after = versions.current("practices")
    assert after != before
    assert after == ContentVersion.objects.get(name="practices").value


def test_a_stamp_never_written_starts_at_a_random_value_that_stays():
    first = versions.current("never-written")
    assert first != 0
    assert versions.current("never-written") == first
    ContentVersion.objects.filter(name="never-written").delete()  # an emptied database
    assert versions.current("never-written") not in (0, first)


def test_the_site_of_a_request_follows_a_change_of_the_sites(rf):
    middleware = RequestStampsMiddleware(lambda request: HttpResponse("ok"))

    def site_for(host):
        request = rf.get("/", HTTP_HOST=host)
        middleware(request)
        return request._wagtail_site

    default = Site.objects.get(is_default_site=True)
    assert site_for("andere.example.be") == default
    other = Site.objects.create(hostname="andere.example.be", root_page=Page.objects.get(depth=1).get_children().first())
    assert site_for("andere.example.be") == other
    other.hostname = "nog-een.example.be"
    other.save()
    assert site_for("andere.example.be") == default
    assert site_for("nog-een.example.be") == other
