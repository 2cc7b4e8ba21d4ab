"""The production settings pass `manage.py check --deploy` with no warning at all and nothing
silenced, as a fresh server starts them: HTTPS on, a long random key, one host, a SQLite file.
The same command does complain when HTTPS is off, and about a weak Content-Security-Policy
(core.security.check_content_security_policy), so a pass means something."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from core.security import check_content_security_policy

BASE_DIR = Path(settings.BASE_DIR)


def production_environment(tmp_path, **extra) -> dict:
    """What a production server is given, and nothing of this machine's own environment."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    return {
        **env,
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": "expoo.settings.production",
        "EXPOO_HTTPS": "true",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "expoo.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'expoo.sqlite3'}",
        "EXPOO_VAR_DIR": str(tmp_path / "var"),
        **extra,
    }


def run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120)


def test_production_settings_pass_the_deployment_checks_with_nothing_silenced(tmp_path):
    env = production_environment(tmp_path)

    check = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    silenced = run(
        ["-c", "import django; django.setup(); from django.conf import settings; print(settings.SILENCED_SYSTEM_CHECKS)"], env
    )

    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.strip() == "System check identified no issues (0 silenced).", check.stdout + check.stderr
    assert silenced.returncode == 0, silenced.stderr
    assert silenced.stdout.strip() == "[]"


def test_the_deployment_checks_do_complain_without_https(tmp_path):
    check = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_environment(tmp_path, EXPOO_HTTPS="false")
    )

    assert check.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in check.stderr + check.stdout, warning


def test_the_site_policy_passes_its_own_deploy_check():
    assert check_content_security_policy() == []


@pytest.mark.parametrize(
    ("directives", "problem"),
    [
        ({"script-src": ["'self'", "'unsafe-inline'"]}, "script-src allows 'unsafe-inline'"),
        ({"script-src": ["'self'", "'unsafe-eval'"]}, "script-src allows 'unsafe-eval'"),
        ({"object-src": ["'self'"]}, "object-src is not 'none'"),
        ({"base-uri": ["'self'"]}, "base-uri is not 'none'"),
        ({"frame-ancestors": ["'self'"]}, "frame-ancestors is not 'none'"),
    ],
)
def test_a_weaker_policy_fails_the_deploy_check(directives, problem):
    policy = {"DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], **directives}}

    with override_settings(CONTENT_SECURITY_POLICY=policy):
        messages = [str(warning.msg) for warning in check_content_security_policy()]

    assert messages[0] == f"CONTENT_SECURITY_POLICY: {problem}."


def test_a_path_exception_may_not_allow_inline_scripts_either():
    with override_settings(EXPOO_CSP_PATH_REPLACE={"/beheer/": {"script-src": ["'self'", "'unsafe-inline'"]}}):
        messages = [str(warning.msg) for warning in check_content_security_policy()]

    assert messages == ["CONTENT_SECURITY_POLICY: script-src allows 'unsafe-inline' under /beheer/."]


def test_without_the_middleware_no_policy_is_sent_and_the_check_says_so():
    middleware = [m for m in settings.MIDDLEWARE if m != "core.security.ContentSecurityPolicyMiddleware"]

    with override_settings(MIDDLEWARE=middleware):
        warnings = check_content_security_policy()

    assert [warning.id for warning in warnings] == ["expoo.W001"]
