"""Registering practices is limited per member and per client address: over the limit the form
comes back with a Dutch message and status 429, and nothing is stored."""

import pytest
from django.urls import reverse

from practices.models import Practice

pytestmark = pytest.mark.django_db

TOO_OFTEN = "This form was sent too often in a short time. Try again after %(time)s."


def _register(client, cast, title, **extra):
    data = {
        "organisation": cast["org"].pk,
        "title": title,
        "summary": "Ouders koken en praten samen.",
        "target_groups": [cast["target"].pk],
        "themes": [cast["theme"].pk],
        "contact_name": "Sam Schrijver",
        "contact_email": "schrijver@example.org",
    }
    return client.post(reverse("practices:register"), data, **extra)


def test_registering_too_often_is_refused_and_nothing_is_stored(client, cast, settings, dutch):
    settings.EXPOO_RATE_LIMITS = {
        **settings.EXPOO_RATE_LIMITS,
        "practice_registration": {"account": (10, 3600), "address": (2, 3600)},
    }
    client.force_login(cast["writer"])
    assert _register(client, cast, "Samen aan tafel").status_code == 302
    assert _register(client, cast, "Samen spelen").status_code == 302

    refused = _register(client, cast, "Samen lezen")

    assert refused.status_code == 429
    assert dutch(TOO_OFTEN).split("%(time)s")[0] in refused.content.decode()
    assert 'value="Samen lezen"' in refused.content.decode()
    assert not Practice.objects.filter(title="Samen lezen").exists()
    assert _register(client, cast, "Samen lezen", REMOTE_ADDR="198.51.100.5").status_code == 302
