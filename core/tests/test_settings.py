"""Settings come from the environment with safe defaults: SQLite in WAL mode, a secret key kept
in the var directory, and production settings that pass Django's deployment checks."""

import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="WAL is a SQLite journal mode")


def clean_environment(**extra) -> dict:
    """A bare environment, as on a fresh server: only what a process needs to start, plus `extra`."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    return {**env, "PYTHONDONTWRITEBYTECODE": "1", **extra}


def run_python(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60)


@sqlite_only
def test_sqlite_connections_are_opened_in_wal_mode():
    options = settings.DATABASES["default"]["OPTIONS"]

    assert "journal_mode=WAL" in options["init_command"]
    assert options["transaction_mode"] == "IMMEDIATE"


@sqlite_only
def test_a_sqlite_file_opened_with_the_site_settings_runs_in_wal_mode(tmp_path, django_db_blocker):
    # The test database lives in memory, where WAL cannot apply; open a real file the same way.
    from django.db.backends.sqlite3.base import DatabaseWrapper

    wrapper = DatabaseWrapper({**connection.settings_dict, "NAME": str(tmp_path / "expoo.sqlite3")}, alias="wal_check")
    try:
        with django_db_blocker.unblock(), wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            journal_mode = cursor.fetchone()[0]
            cursor.execute("PRAGMA foreign_keys")
            foreign_keys = cursor.fetchone()[0]
    finally:
        wrapper.close()

    assert journal_mode == "wal"
    assert foreign_keys == 1


def test_without_secret_key_one_is_generated_private_and_reused(tmp_path):
    var_dir = tmp_path / "var"  # does not exist yet: the settings create it
    env = clean_environment(EXPOO_VAR_DIR=str(var_dir))
    code = "import expoo.settings.base as s; print(s.SECRET_KEY)"

    first = run_python(code, env)
    assert first.returncode == 0, first.stderr
    key_file = var_dir / "secret_key"
    assert key_file.exists()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = first.stdout.strip()
    assert len(key) >= 50
    assert key_file.read_text().strip() == key

    second = run_python(code, env)
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == key


@pytest.mark.parametrize(
    "key",
    [
        secrets.token_urlsafe(50),
        # Django's own generator draws from a-z, 0-9 and !@#$%^&*(-_=+): a key may start with "$",
        # which django-environ would read as the name of another variable (and, that one missing,
        # fall back to a generated key: every session signed elsewhere "corrupted").
        "$apr&!g!-cwrnc8hd)m!)8f_(jqb!z2$v^b+680p+1y65fi%*n",
    ],
    ids=["url-safe", "starts-with-dollar"],  # fixed names: every xdist worker must collect the same tests
)
def test_a_secret_key_from_the_environment_wins_as_it_is_and_nothing_is_written(tmp_path, key):
    var_dir = tmp_path / "var"

    result = run_python(
        "import expoo.settings.base as s; print(s.SECRET_KEY)", clean_environment(EXPOO_VAR_DIR=str(var_dir), SECRET_KEY=key)
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == key
    assert not (var_dir / "secret_key").exists()


# The deployment checks themselves: core/tests/test_check_deploy.py.


def test_production_settings_turn_debug_off_whatever_the_environment_says(tmp_path):
    env = clean_environment(DEBUG="true", EXPOO_VAR_DIR=str(tmp_path / "var"), SECRET_KEY=secrets.token_urlsafe(50))

    result = run_python(
        "import expoo.settings.production as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)", env
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True"]


@pytest.mark.django_db
def test_optimize_db_refreshes_statistics_on_either_engine():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("optimize_db", stdout=out)
    assert "Statistics refreshed" in out.getvalue()
