"""The contact form is limited per sender and per client address: over the limit it comes back
with a Dutch message and status 429, and nothing is stored or mailed."""

import pytest
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Site

from pages.models import ContactFormField, ContactPage

pytestmark = pytest.mark.django_db

TOO_OFTEN = "This form was sent too often in a short time. Try again after %(time)s."


@pytest.fixture
def contact_page():
    home = Site.objects.get(is_default_site=True).root_page
    page = ContactPage(title="Contact", slug="contact", to_address="team@expoo.example", subject="Vraag via de site")
    home.add_child(instance=page)
    ContactFormField.objects.create(page=page, sort_order=0, label="E-mailadres", field_type="email", required=True)
    ContactFormField.objects.create(page=page, sort_order=1, label="Bericht", field_type="multiline", required=True)
    page.save_revision().publish()
    return page


def _send(client, page, email="ouder@voorbeeld.be", **extra):
    return client.post(page.url, {"e_mailadres": email, "bericht": "Hebben jullie iets over slapen?"}, **extra)


def test_the_same_sender_is_refused_after_the_limit_and_nothing_is_stored_or_mailed(
    client, contact_page, settings, dutch, mailoutbox
):
    allowed = settings.EXPOO_RATE_LIMITS["contact"]["account"][0]
    for _n in range(allowed):
        assert _send(client, contact_page).status_code == 200

    refused = _send(client, contact_page, email="Ouder@Voorbeeld.be", REMOTE_ADDR="198.51.100.3")

    assert refused.status_code == 429
    page = refused.content.decode()
    assert dutch(TOO_OFTEN).split("%(time)s")[0] in page
    assert "Hebben jullie iets over slapen?" in page  # the form is shown again with what was typed
    assert FormSubmission.objects.count() == len(mailoutbox) == allowed


def test_one_client_address_is_refused_after_its_limit_whatever_address_it_types(client, contact_page, settings):
    settings.EXPOO_RATE_LIMITS = {**settings.EXPOO_RATE_LIMITS, "contact": {"account": (5, 3600), "address": (2, 3600)}}
    _send(client, contact_page, email="een@voorbeeld.be")
    _send(client, contact_page, email="twee@voorbeeld.be")

    assert _send(client, contact_page, email="drie@voorbeeld.be").status_code == 429
    assert _send(client, contact_page, email="drie@voorbeeld.be", REMOTE_ADDR="198.51.100.4").status_code == 200
    assert FormSubmission.objects.count() == 3
