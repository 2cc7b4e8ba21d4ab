"""Logging in and out, forgetting and changing a password."""

import pytest
from django.urls import reverse

from core.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("accounts:login")
NO_MATCH = "This e-mail address and password do not match an active account. Check both and try again."
NEW_PASSWORD = "Speelpleinwerking-Genk-7"


def log_in(client, email, password=PASSWORD):
    return client.post(LOGIN_URL, {"username": email, "password": password})


def logged_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_a_person_logs_in_with_their_e_mail_address_in_any_case(client):
    user = UserFactory(email="anna.claes@voorbeeld.be")

    response = log_in(client, "Anna.Claes@VOORBEELD.be")

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:dashboard")
    assert logged_in_user_id(client) == str(user.pk)


def test_a_wrong_password_and_an_unknown_address_get_the_same_dutch_answer(client, without_csrf, dutch):
    # The same address first unknown, then known with a wrong password: the pages must not differ.
    unknown = log_in(client, "bram.janssens@voorbeeld.be", "Iets-anders-123")
    UserFactory(email="bram.janssens@voorbeeld.be")
    wrong_password = log_in(client, "bram.janssens@voorbeeld.be", "Iets-anders-123")

    assert unknown.status_code == wrong_password.status_code == 200
    assert without_csrf(unknown) == without_csrf(wrong_password)
    assert dutch(NO_MATCH) in wrong_password.content.decode()
    assert logged_in_user_id(client) is None


def test_a_deactivated_account_gets_the_same_answer_as_a_wrong_password(client, without_csrf):
    UserFactory(email="chloe.maes@voorbeeld.be")
    wrong_password = log_in(client, "chloe.maes@voorbeeld.be", "Iets-anders-123")
    UserFactory(email="dries.willems@voorbeeld.be", is_active=False)
    inactive = log_in(client, "dries.willems@voorbeeld.be")

    assert inactive.status_code == wrong_password.status_code
    page = without_csrf(inactive).replace("dries.willems", "chloe.maes")
    assert page == without_csrf(wrong_password)
    assert logged_in_user_id(client) is None


def test_logging_out_takes_a_post_and_ends_the_session(client):
    client.force_login(UserFactory())

    assert client.get(reverse("accounts:logout")).status_code == 405
    assert logged_in_user_id(client) is not None

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert logged_in_user_id(client) is None
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_the_dashboard_asks_an_anonymous_visitor_to_log_in(client):
    response = client.get(reverse("accounts:dashboard"))

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


def test_a_password_reset_link_lets_the_person_choose_a_new_password(client, mailoutbox, links_in):
    UserFactory(email="els.goossens@voorbeeld.be")

    response = client.post(reverse("accounts:password_reset"), {"email": "Els.Goossens@voorbeeld.be"})

    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["els.goossens@voorbeeld.be"]
    (link,) = [path for path in links_in(mailoutbox[0]) if "/wachtwoord-kiezen/" in path]

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"]
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == reverse("accounts:password_reset_complete")

    assert log_in(client, "els.goossens@voorbeeld.be", PASSWORD).status_code == 200  # the old one no longer works
    assert log_in(client, "els.goossens@voorbeeld.be", NEW_PASSWORD).status_code == 302
    # A link works once.
    client.logout()
    assert not client.get(link, follow=True).context["validlink"]


def test_a_password_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client, mailoutbox):
    UserFactory(email="els.goossens@voorbeeld.be")

    unknown = client.post(reverse("accounts:password_reset"), {"email": "niemand@voorbeeld.be"}, follow=True)
    known = client.post(reverse("accounts:password_reset"), {"email": "els.goossens@voorbeeld.be"}, follow=True)

    assert unknown.redirect_chain == known.redirect_chain
    assert unknown.content == known.content
    assert [m.to for m in mailoutbox] == [["els.goossens@voorbeeld.be"]]


def test_a_person_who_never_chose_a_password_can_still_ask_for_a_link(client, mailoutbox):
    # An approved account starts without a password; when the first link expires (three days),
    # "forgot your password" is the only way in.
    user = UserFactory(email="fatima.elamrani@voorbeeld.be")
    user.set_unusable_password()
    user.save()

    client.post(reverse("accounts:password_reset"), {"email": "fatima.elamrani@voorbeeld.be"})

    assert [m.to for m in mailoutbox] == [["fatima.elamrani@voorbeeld.be"]]


def test_a_logged_in_person_changes_their_password_and_stays_logged_in(client):
    user = UserFactory(email="gert.wouters@voorbeeld.be")
    client.force_login(user)

    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response["Location"] == reverse("accounts:password_change_done")
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    client.logout()
    assert log_in(client, "gert.wouters@voorbeeld.be", PASSWORD).status_code == 200
    assert log_in(client, "gert.wouters@voorbeeld.be", NEW_PASSWORD).status_code == 302


def test_a_password_change_needs_the_current_password(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "niet-het-wachtwoord", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_changing_a_password_requires_logging_in(client):
    response = client.get(reverse("accounts:password_change"))

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


@pytest.mark.django_db
def test_a_member_follows_themes_and_sees_them_checked_again(client, member):
    from core.factories import ThemeFactory

    theme = ThemeFactory(name="Scheiding", slug="scheiding")
    client.force_login(member)
    response = client.post(reverse("accounts:follow_themes"), {"themes": [theme.pk]})
    assert response.status_code == 302
    assert list(member.followed_themes.all()) == [theme]
    page = client.get(reverse("accounts:follow_themes")).content.decode()
    assert f'value="{theme.pk}"' in page and "checked" in page


def test_the_password_is_hashed_for_an_unknown_address_as_for_a_known_one(client, monkeypatch):
    # Same work, same time: a missing account must not answer faster than a wrong password.
    from django.contrib.auth.hashers import MD5PasswordHasher

    UserFactory(email="hanne.smolders@voorbeeld.be")
    calls = []
    encode = MD5PasswordHasher.encode
    monkeypatch.setattr(MD5PasswordHasher, "encode", lambda self, *args: calls.append(1) or encode(self, *args))
    log_in(client, "niemand@voorbeeld.be", "Iets-anders-123")
    unknown = len(calls)
    log_in(client, "hanne.smolders@voorbeeld.be", "Iets-anders-123")

    assert unknown >= 1
    assert len(calls) - unknown == unknown
