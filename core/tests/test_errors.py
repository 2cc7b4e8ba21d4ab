"""Error pages speak Dutch, carry the right status and never show the inside of the application."""

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import get_resolver, reverse

from core import views
from core.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NO_INTERNALS = ("Traceback", "DEBUG = True", "settings.py", "django.core", "Exception Value")


def assert_no_internals(page: str) -> None:
    for leak in NO_INTERNALS:
        assert leak not in page


def test_a_missing_page_gets_the_dutch_404_page(client, dutch):
    response = client.get("/deze-pagina-bestaat-niet/")

    assert response.status_code == 404
    page = response.content.decode()
    assert '<html lang="nl-BE"' in page
    assert dutch("We cannot find this page") in page
    assert reverse("search") in page
    assert 'name="robots" content="noindex' in page
    assert_no_internals(page)


def test_a_missing_organisation_gets_the_same_404_page(client, dutch):
    response = client.get(reverse("organisations:detail", args=["bestaat-niet"]))

    assert response.status_code == 404
    assert dutch("We cannot find this page") in response.content.decode()


def test_a_refusal_gets_the_dutch_403_page(client, member, dutch):
    client.force_login(member)

    response = client.get(reverse("accounts:requests"))

    assert response.status_code == 403
    page = response.content.decode()
    assert dutch("You do not have access to this page") in page
    assert_no_internals(page)


def test_a_form_sent_without_csrf_token_gets_the_dutch_expired_form_page(dutch):
    UserFactory(email="anna.claes@voorbeeld.be")
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("accounts:login"), {"username": "anna.claes@voorbeeld.be", "password": PASSWORD})

    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="nl-BE"' in page
    assert dutch("This form has expired") in page
    assert "_auth_user_id" not in client.session
    assert_no_internals(page)


def test_a_form_sent_with_its_csrf_token_is_accepted():
    UserFactory(email="anna.claes@voorbeeld.be")
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("accounts:login"))

    response = client.post(
        reverse("accounts:login"),
        {"username": "anna.claes@voorbeeld.be", "password": PASSWORD, "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
    )

    assert response.status_code == 302


def test_the_500_handler_returns_a_dutch_page_without_internals():
    response = views.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    page = response.content.decode()
    assert '<html lang="nl-BE"' in page
    assert "Er ging bij ons iets mis" in page
    assert_no_internals(page)


@pytest.mark.parametrize(
    ("status", "handler"),
    [
        (400, views.bad_request),
        (403, views.permission_denied),
        (404, views.page_not_found),
        (500, views.server_error),
    ],
)
def test_the_site_uses_its_own_error_handlers(status, handler):
    assert get_resolver().resolve_error_handler(status) is handler


def test_the_400_handler_returns_a_dutch_page(rf, dutch):
    request = rf.get("/")
    request.LANGUAGE_CODE = settings.LANGUAGE_CODE

    response = views.bad_request(request)

    assert response.status_code == 400
    assert dutch("We could not process this request") in response.content.decode()


def test_a_host_the_site_does_not_serve_gets_the_dutch_400_page(client, settings, dutch):
    """The error page itself must not ask for the host again (it would raise a second time: a 500)."""
    settings.ALLOWED_HOSTS = ["expoo.example"]
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    client.raise_request_exception = False
    response = client.get("/praktijken/", HTTP_HOST="aanvaller.example")
    assert response.status_code == 400
    page = response.content.decode()
    assert dutch("We could not process this request") in page
    assert_no_internals(page)
