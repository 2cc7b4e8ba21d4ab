"""Two-factor login for the team, commission and administrators: nobody is logged in on a password
alone, a first login sets the app up, recovery codes work once, and no other door skips the code."""

import io
import re
import time

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import roles, two_factor
from accounts.login_views import PENDING
from accounts.testing import current_code, give_authenticator
from core.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("accounts:login")
CODE_URL = reverse("accounts:two_factor")
ENROL_URL = reverse("accounts:two_factor_enrol")
MAILBOX_URL = reverse("accounts:two_factor_mailbox")
FINISH_URL = reverse("accounts:two_factor_finish")
SETTINGS_URL = reverse("accounts:two_factor_settings")
WRONG_CODE = "This code is not right. Check the code in your authenticator app and try again."


def _logged_in(client):
    return client.session.get("_auth_user_id")


def _password_step(client, user, next_url=""):
    data = {"username": user.email, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(LOGIN_URL, data)


def _mailed_code(mailoutbox, user) -> str:
    message = [m for m in mailoutbox if m.to == [user.email]][-1]
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def _prove_mailbox(client, user, mailoutbox):
    """The step before a first set-up: the code mailed to the account's address."""
    assert client.get(ENROL_URL)["Location"] == MAILBOX_URL
    assert client.get(MAILBOX_URL).status_code == 200
    assert client.post(MAILBOX_URL, {"code": _mailed_code(mailoutbox, user)})["Location"] == ENROL_URL


@pytest.fixture
def editor(db):
    user = UserFactory(email="ines@expoo.example", groups=[roles.EXPOO_TEAM], is_staff=True)
    give_authenticator(user)
    return user


@pytest.mark.parametrize(
    "kind",
    [{"groups": [roles.EXPOO_TEAM]}, {"groups": [roles.COMMISSION_MEMBER]}, {"groups": [roles.COMMISSION_CHAIR]},
     {"groups": [roles.ADMINISTRATOR]}, {"is_superuser": True}],
)  # fmt: skip
def test_a_correct_password_alone_logs_no_staff_member_in(client, kind):
    user = UserFactory(**kind)
    give_authenticator(user)

    response = _password_step(client, user)

    assert response.status_code == 302 and response["Location"] == CODE_URL
    assert _logged_in(client) is None
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_the_code_from_the_app_finishes_the_login_and_goes_where_the_person_was_heading(client, editor):
    _password_step(client, editor, next_url="/werkruimte/team/")
    pending_key = client.session.session_key

    response = client.post(CODE_URL, {"code": current_code(editor)})

    assert response.status_code == 302 and response["Location"] == "/werkruimte/team/"
    assert _logged_in(client) == str(editor.pk)
    assert client.session.session_key != pending_key
    assert PENDING not in client.session


def test_a_wrong_code_is_refused_in_dutch_and_logged_without_the_code(client, editor, dutch, caplog):
    _password_step(client, editor)

    response = client.post(CODE_URL, {"code": "000000" if current_code(editor) != "000000" else "111111"})

    assert response.status_code == 400
    assert dutch(WRONG_CODE) in response.content.decode()
    assert _logged_in(client) is None
    (record,) = [r for r in caplog.records if getattr(r, "event", None) == "login.2fa_failed"]
    assert record.user_id == editor.pk
    assert "000000" not in record.getMessage() and editor.email not in str(record.__dict__)


def test_a_code_right_after_a_wrong_one_is_held_back_with_a_dutch_explanation(client, editor, dutch):
    _password_step(client, editor)
    code = current_code(editor)
    client.post(CODE_URL, {"code": "000000" if code != "000000" else "111111"})

    response = client.post(CODE_URL, {"code": code})

    assert response.status_code == 400
    assert dutch("Wait a few seconds before you try a code again.") in response.content.decode()
    assert _logged_in(client) is None


def test_a_recovery_code_works_once(client, editor):
    codes = two_factor.new_recovery_codes(editor)

    _password_step(client, editor)
    assert client.post(CODE_URL, {"code": codes[0].upper()}).status_code == 302
    assert _logged_in(client) == str(editor.pk)
    client.post(reverse("accounts:logout"))

    _password_step(client, editor)
    again = client.post(CODE_URL, {"code": codes[0]})
    assert again.status_code == 400 and _logged_in(client) is None
    assert two_factor.recovery_codes_left(editor) == 9


def test_recovery_codes_are_stored_as_keyed_hashes_and_survive_a_key_rotation(client, editor, settings):
    from django_otp.plugins.otp_static.models import StaticToken

    codes = two_factor.new_recovery_codes(editor)
    stored = set(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(stored) == 10
    assert not stored & {code.replace("-", "") for code in codes}, "a copy of the database must not hold usable codes"
    assert all(len(token) == 16 for token in stored)

    # A new SECRET_KEY with the old one as a fallback: the codes still log in.
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-after-rotation-" + "x" * 40
    _password_step(client, editor)
    assert client.post(CODE_URL, {"code": codes[3]}).status_code == 302
    assert _logged_in(client) == str(editor.pk)
    assert two_factor.recovery_codes_left(editor) == 9


def test_a_pending_login_expires_and_the_person_starts_again(client, editor, dutch, settings):
    _password_step(client, editor, next_url="/werkruimte/team/")
    session = client.session
    session[PENDING] = {**session[PENDING], "at": int(time.time()) - settings.EXPOO_TWO_FACTOR_PENDING_SECONDS - 1}
    session.save()

    response = client.post(CODE_URL, {"code": current_code(editor)}, follow=True)

    assert response.redirect_chain[0][0] == f"{LOGIN_URL}?next=/werkruimte/team/"
    assert dutch("Logging in took too long. Please enter your e-mail address and password again.") in response.content.decode()
    assert _logged_in(client) is None


def test_the_code_step_without_a_password_first_sends_to_the_login(client):
    response = client.get(CODE_URL)

    assert response.status_code == 302 and response["Location"] == LOGIN_URL


def test_wrong_codes_count_against_the_limit_and_then_even_the_right_code_waits(client, editor, settings, dutch):
    allowed = settings.EXPOO_RATE_LIMITS["two_factor"]["account"][0]
    _password_step(client, editor)
    wrong = "000000" if current_code(editor) != "000000" else "111111"
    for _attempt in range(allowed):
        assert client.post(CODE_URL, {"code": wrong}).status_code == 400

    response = client.post(CODE_URL, {"code": current_code(editor)})

    assert response.status_code == 429
    assert dutch("Too many attempts in a short time. For your safety, try again after %(time)s.").split("%")[0] in (
        response.content.decode()
    )
    assert _logged_in(client) is None


def test_a_first_login_sets_up_the_app_shows_recovery_codes_once_and_then_logs_in(client, caplog, mailoutbox):
    chair = UserFactory(groups=[roles.COMMISSION_MEMBER, roles.COMMISSION_CHAIR])

    assert _password_step(client, chair)["Location"] == ENROL_URL
    _prove_mailbox(client, chair, mailoutbox)
    page = client.get(ENROL_URL)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "data:" not in html and "<script" not in html and "style=" not in html
    device = TOTPDevice.objects.get(user=chair, confirmed=False)
    assert two_factor.secret_text(device) in html
    assert client.get(ENROL_URL).content.decode().count(two_factor.secret_text(device)) == 1  # the same key again

    code, _wait = two_factor.usable_code(device)
    shown = client.post(ENROL_URL, {"code": code})

    assert shown.status_code == 200
    codes = shown.context["codes"]
    assert len(codes) == 10 and all(c in shown.content.decode() for c in codes)
    assert _logged_in(client) is None  # not before the codes were shown and acknowledged
    assert client.post(FINISH_URL)["Location"] == reverse("accounts:dashboard")
    assert _logged_in(client) == str(chair.pk)
    assert TOTPDevice.objects.get(user=chair).confirmed
    events = [getattr(r, "event", None) for r in caplog.records]
    assert "2fa.enrolled" in events and "login.succeeded" in events


def test_a_wrong_code_while_setting_up_confirms_nothing(client, mailoutbox):
    admin = UserFactory(groups=[roles.ADMINISTRATOR])
    _password_step(client, admin)
    _prove_mailbox(client, admin, mailoutbox)
    client.get(ENROL_URL)

    response = client.post(ENROL_URL, {"code": "12345"})

    assert response.status_code == 400
    assert not TOTPDevice.objects.filter(user=admin, confirmed=True).exists()
    assert client.post(FINISH_URL).status_code == 302 and _logged_in(client) is None


def test_a_password_alone_cannot_tie_a_new_app_to_a_staff_account(client, dutch, mailoutbox):
    """Who knows only the password of someone who never set up the app gets no QR code: first the
    code mailed to the account's own address, which the session keeps only as a keyed hash."""
    team = UserFactory(email="nieuw@expoo.example", groups=[roles.EXPOO_TEAM])
    _password_step(client, team)

    assert client.get(ENROL_URL)["Location"] == MAILBOX_URL
    page = client.get(MAILBOX_URL)
    assert dutch("We sent a code to %(email)s.") % {"email": team.email} in page.content.decode()
    assert [m.to for m in mailoutbox] == [[team.email]]
    code = _mailed_code(mailoutbox, team)
    assert dutch("Your code: %(code)s") % {"code": code} in mailoutbox[0].body
    assert code not in str(dict(client.session))
    assert not TOTPDevice.objects.filter(user=team).exists()

    wrong = client.post(MAILBOX_URL, {"code": f"{(int(code) + 1) % 10**6:06d}"})
    assert wrong.status_code == 400
    assert dutch("This code is not right. Check the last e-mail we sent you, or ask for a new code.") in (wrong.content.decode())
    assert client.get(ENROL_URL)["Location"] == MAILBOX_URL  # still no QR code

    # A new code replaces the old one.
    client.post(MAILBOX_URL, {"resend": "1"})
    assert len(mailoutbox) == 2
    new_code = _mailed_code(mailoutbox, team)
    if new_code != code:
        assert client.post(MAILBOX_URL, {"code": code}).status_code == 400
    assert client.post(MAILBOX_URL, {"code": new_code})["Location"] == ENROL_URL
    assert client.get(ENROL_URL).status_code == 200
    assert _logged_in(client) is None


def test_a_mailed_code_expires(client, mailoutbox):
    team = UserFactory(groups=[roles.EXPOO_TEAM])
    _password_step(client, team)
    client.get(MAILBOX_URL)
    code = _mailed_code(mailoutbox, team)
    session = client.session
    session[PENDING] = {**session[PENDING], "mail_sent": int(time.time()) - 16 * 60}
    session.save()

    response = client.post(MAILBOX_URL, {"code": code})

    assert response.status_code == 200 and len(mailoutbox) == 2  # a fresh code instead
    assert client.get(ENROL_URL)["Location"] == MAILBOX_URL


def test_a_member_without_a_role_logs_in_with_the_password_alone(client):
    member = UserFactory()

    assert _password_step(client, member)["Location"] == reverse("accounts:dashboard")
    assert _logged_in(client) == str(member.pk)


def test_the_wagtail_login_cannot_be_used_to_skip_the_code(client, editor):
    response = client.post("/beheer/login/", {"username": editor.email, "password": PASSWORD, "next": "/beheer/pages/"})

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next=/beheer/pages/"
    assert _logged_in(client) is None
    assert client.get("/beheer/")["Location"].startswith(f"{LOGIN_URL}?next=")


@pytest.mark.parametrize("path", ["/_util/login/", "/en/_util/login/"])
def test_wagtails_login_for_private_pages_cannot_be_used_to_skip_the_code(client, editor, path):
    response = client.post(path, {"username": editor.email, "password": PASSWORD, "next": "/toolbox/"})

    assert response.status_code == 302
    assert response["Location"].endswith("?next=/toolbox/")
    assert _logged_in(client) is None
    assert client.get(path)["Location"].endswith("?next=/")


def test_the_wagtail_admin_opens_after_both_steps(client, editor):
    client.post(LOGIN_URL, {"username": editor.email, "password": PASSWORD, "next": "/beheer/"})
    response = client.post(CODE_URL, {"code": current_code(editor)})

    assert response["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200


def test_a_password_reset_logs_no_staff_member_in(client, editor, mailoutbox, links_in):
    client.post(reverse("accounts:password_reset"), {"email": editor.email})
    (link,) = [path for path in links_in(mailoutbox[0]) if "/wachtwoord-kiezen/" in path]
    form = client.get(link, follow=True)
    new = "Speelpleinwerking-Genk-7"

    client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})

    assert _logged_in(client) is None
    assert client.post(LOGIN_URL, {"username": editor.email, "password": new})["Location"] == CODE_URL


def test_new_recovery_codes_need_the_current_code_and_replace_the_old_ones(client, editor, dutch):
    old = two_factor.new_recovery_codes(editor)
    client.force_login(editor)
    assert client.get(SETTINGS_URL).status_code == 200

    refused = client.post(SETTINGS_URL, {"action": "renew", "renew-code": old[0]})
    assert refused.status_code == 400 and dutch(WRONG_CODE) in refused.content.decode()
    assert two_factor.recovery_codes_left(editor) == 10  # a recovery code is not spent here

    shown = client.post(SETTINGS_URL, {"action": "renew", "renew-code": current_code(editor)})

    new = shown.context["codes"]
    assert len(new) == 10 and not set(new) & set(old)
    assert two_factor.verify(editor, new[0]) is not None
    assert two_factor.verify(editor, old[1]) is None


def test_an_administrator_resets_someone_s_second_factor_and_others_cannot(client, editor):
    other = UserFactory(groups=[roles.EXPOO_TEAM])
    client.force_login(other)
    assert client.post(SETTINGS_URL, {"action": "reset", "reset-email": editor.email}).status_code == 403
    assert two_factor.confirmed_totp(editor) is not None

    client.force_login(UserFactory(groups=[roles.ADMINISTRATOR]))
    response = client.post(SETTINGS_URL, {"action": "reset", "reset-email": editor.email.upper()})

    assert response.status_code == 302
    assert two_factor.confirmed_totp(editor) is None
    client.logout()
    assert _password_step(client, editor)["Location"] == ENROL_URL


def test_reset_2fa_command(editor):
    out = io.StringIO()
    call_command("reset_2fa", editor.email, stdout=out)

    assert two_factor.confirmed_totp(editor) is None
    assert editor.email in out.getvalue()
    with pytest.raises(CommandError):
        call_command("reset_2fa", "niemand@voorbeeld.be", stdout=io.StringIO())


def test_demo_accounts_get_the_published_key_and_demo_code_prints_a_working_code(client, settings):
    from core.demo.users import load_users
    from core.demo.util import DEMO_TOTP_KEY, Stats

    load_users(Stats())
    device = TOTPDevice.objects.get(user__email="redactie@expoo.example")
    assert device.confirmed and device.key == DEMO_TOTP_KEY
    assert not TOTPDevice.objects.filter(user__email="lid@expoo.example").exists()  # members need none

    out = io.StringIO()
    call_command("demo_code", "redactie@expoo.example", stdout=out)
    client.post(LOGIN_URL, {"username": "redactie@expoo.example", "password": "Expoo-demo-2026"})
    assert client.post(CODE_URL, {"code": out.getvalue().strip()}).status_code == 302

    settings.EXPOO_ALLOW_DEMO = False
    with pytest.raises(CommandError):
        call_command("demo_code", "redactie@expoo.example", stdout=io.StringIO())


def test_demo_code_never_prints_the_code_of_a_real_key(editor):
    with pytest.raises(CommandError):
        call_command("demo_code", editor.email, stdout=io.StringIO())
