"""A person erases their account from their privacy page; the erasure removes or anonymises them
everywhere and keeps the record of the work."""

import json

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import models
from django.db.models import F, Q, TextField
from django.db.models.functions import Cast
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import ModelLogEntry, PageLogEntry

from accounts.models import AccountRequest, Invitation, Membership
from core.factories import PASSWORD
from notifications.models import Notification
from notifications.service import notify
from practices.models import Comment, Review
from privacy.models import ErasureRequest, ErasureStatus

from .conftest import EMAIL, NAME, OTHER_EMAIL

pytestmark = pytest.mark.django_db
User = get_user_model()


def _erase(client, user, password=PASSWORD, confirm=True):
    client.force_login(user)
    data = {"password": password, **({"confirm": "on"} if confirm else {})}
    return client.post(reverse("privacy:erase"), data)


def rows_mentioning(*needles) -> list[str]:
    """Every text, e-mail and JSON column of every installed model, searched for the needles:
    "app.Model.field #pk" of each row that still holds one."""
    found = []
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField | models.JSONField)]
        for field in fields:
            column = Cast(field.name, TextField()) if isinstance(field, models.JSONField) else F(field.name)
            condition = Q()
            for needle in needles:
                condition |= Q(haystack__icontains=needle)
            rows = model._base_manager.annotate(haystack=column).filter(condition).values_list("pk", flat=True)
            found += [f"{model._meta.label}.{field.name} #{pk}" for pk in rows]
    return found


def test_a_wrong_password_gives_a_dutch_message_and_erases_nothing(client, scene, dutch):
    response = _erase(client, scene["person"], password="niet-mijn-wachtwoord")
    assert response.status_code == 400
    assert dutch("This password is not correct. Nothing was erased.") in response.content.decode()
    person = User.objects.get(pk=scene["person"].pk)
    assert (person.email, person.is_active, person.get_full_name()) == (EMAIL, True, NAME)
    assert person.memberships.exists()
    assert not ErasureRequest.objects.exists()
    assert mail.outbox == []


def test_without_the_confirmation_box_nothing_is_erased(client, scene, dutch):
    response = _erase(client, scene["person"], confirm=False)
    assert response.status_code == 400
    assert dutch("Tick the box to confirm that you want your account erased.") in response.content.decode()
    assert User.objects.get(pk=scene["person"].pk).email == EMAIL


def test_erasure_needs_a_post_with_csrf(scene):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(scene["person"])
    assert strict.post(reverse("privacy:erase"), {"password": PASSWORD, "confirm": "on"}).status_code == 403
    assert strict.get(reverse("privacy:erase")).status_code == 405
    assert User.objects.get(pk=scene["person"].pk).is_active


def test_the_person_erases_themselves_and_cannot_log_in_any_more(client, scene, dutch):
    person = scene["person"]
    AccountRequest.objects.create(first_name="Wannes", last_name="Vermeulen", email=EMAIL, organisation=scene["org"])
    Invitation.objects.create(email=EMAIL, organisation=scene["org"], invited_by=scene["other"])
    notify("test", recipients=[person], template="privacy_erased", context={}, email=False)
    TOTPDevice.objects.create(user=person, name="Telefoon", confirmed=True)
    elsewhere = Client()  # the person is logged in on another device too
    elsewhere.force_login(person)

    response = _erase(client, person)
    assert response.status_code == 302
    assert response["Location"] == reverse("privacy:erased")
    assert dutch("Your account was erased") in client.get(response["Location"]).content.decode()
    # Logged out, here and on the other device: the account pages send to the login page.
    assert client.get(reverse("accounts:dashboard")).status_code == 302
    assert elsewhere.get(reverse("accounts:dashboard")).status_code == 302
    assert not TOTPDevice.objects.filter(user=person).exists()

    person.refresh_from_db()
    assert person.email.endswith("@gewist.invalid")
    assert person.get_full_name() == dutch("Former member", html=False)
    assert (person.is_active, person.is_staff, person.job_title, person.last_login) == (False, False, "", None)
    assert not person.has_usable_password()
    assert not client.login(username=EMAIL, password=PASSWORD)
    login = client.post(reverse("accounts:login"), {"username": EMAIL, "password": PASSWORD})
    assert login.status_code == 200  # the form again, with its one message for every failure

    assert not Membership.objects.filter(user=person).exists()
    assert not person.followed_themes.exists()
    assert not Notification.objects.filter(recipient=person).exists()
    assert not AccountRequest.objects.filter(email__iexact=EMAIL).exists()
    assert not Invitation.objects.filter(email__iexact=EMAIL).exists()
    remaining = [s.form_data["e_mailadres"] for s in FormSubmission.objects.all()]
    assert remaining == [OTHER_EMAIL]

    [erasure_request] = ErasureRequest.objects.all()
    assert erasure_request.status == ErasureStatus.DONE
    assert erasure_request.summary["accounts.Membership"] == 1

    # The last e-mail goes to the former address, in Dutch.
    [confirmation] = mail.outbox
    assert confirmation.to == [EMAIL]
    assert confirmation.subject == dutch("Your account was erased", html=False)


def test_no_row_anywhere_holds_the_name_or_the_address_after_erasure(client, scene):
    person, practice = scene["person"], scene["practice"]
    # Others were told about Wannes (a notification naming them), and the audit log names them.
    notify(
        "test", recipients=[scene["team"]], template="privacy_inactive_staff", context={"person": person, "days": 1}, email=False
    )
    from accounts import actions as account_actions

    account_actions.request_account(first_name="Wannes", last_name="Vermeulen", email=EMAIL, organisation=scene["org"])
    assert rows_mentioning(NAME, EMAIL)  # the search can find them before

    assert _erase(client, person).status_code == 302
    assert rows_mentioning(NAME, EMAIL) == []
    # The record of the work stays, signed by a former member.
    assert Comment.objects.filter(author=person, body="Wannes zijn opmerking over de aanpak.").exists()
    practice.refresh_from_db()
    assert practice.registered_by_id == person.pk


def test_the_erasure_is_logged_without_the_persons_data(client, scene):
    assert _erase(client, scene["person"]).status_code == 302
    [entry] = ModelLogEntry.objects.filter(action="expoo.privacy.erased")
    text = f"{entry.label} {json.dumps(entry.data)}"
    assert "Wannes" not in text and "Vermeulen" not in text and "wannes" not in text
    assert entry.data["summary"]["accounts.Membership"] == 1
    assert not PageLogEntry.objects.filter(label__icontains="Vermeulen").exists()


def test_a_reviewer_is_anonymised_and_the_review_stays(client, scene, dutch):
    reviewer, practice = scene["reviewer"], scene["practice"]
    assert _erase(client, reviewer).status_code == 302
    review = Review.objects.get(assignment__round__practice=practice)
    assert review.overall == "Goed"
    assert review.assignment.reviewer_id == reviewer.pk
    client.force_login(scene["team"])
    page = client.get(reverse("practices:round", args=[practice.pk, 1])).content.decode()
    assert "Pieter" not in page and "commissie@expoo.be" not in page
    assert dutch("Former member") in page


def test_guessing_the_password_on_the_erasure_form_is_limited_like_logging_in(client, scene):
    limit, _window = settings.EXPOO_RATE_LIMITS["login"]["account"]
    for _attempt in range(limit):
        assert _erase(client, scene["person"], password="gok").status_code == 400
    response = _erase(client, scene["person"])  # even the right password, now
    assert response.status_code == 429
    assert response.context["form"].non_field_errors()
    assert User.objects.get(pk=scene["person"].pk).is_active
    assert not ErasureRequest.objects.exists()
