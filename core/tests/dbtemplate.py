"""Migrate a test database once, then copy it.

Building the test schema runs some 240 migrations (Django's, Wagtail's and ours) and takes about 30 s of
CPU per test process. `make test` starts about ten such processes (two xdist workers and one `flushes`
process per engine stage, the browser tests' two), so it spent minutes on the same migrations.

While pytest-django sets up the test databases, `migrate` is wrapped: the first process to get the lock
migrates as usual and keeps the result as a template; the others copy the template and then run
`migrate` as usual, which finds nothing to apply and only fires `post_migrate`. The template is keyed
on the migrations and on the project code they import (reference data, the search engine's schema), so a
change to either builds a new one.

- SQLite: the template is a file in `VAR_DIR/test-db-templates`, copied with SQLite's backup API (into
  the in-memory test database, or the browser tests' file); it outlives the run, so a second run of the
  suite on the same checkout builds nothing.
- PostgreSQL: the template is a database in the same cluster, copied with `CREATE DATABASE … TEMPLATE`;
  processes wait on an advisory lock. `scripts/with_postgres.sh` starts a new cluster for every stage,
  so the template is also kept as a `pg_dump` file beside the SQLite one and restored from it: a
  test process on a new server is ready in 18 s instead of 63.
- Set `EXPOO_TEST_DB_TEMPLATE=0` to migrate every test database from scratch.
"""

import contextlib
import fcntl
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.commands import migrate
from django.db import connections

_LOCK_ID = 0x45585030  # "EXP0": the advisory lock the PostgreSQL processes take around the template
_CODE_SUFFIXES = {".py", ".csv", ".json", ".txt"}


def install() -> None:
    """Wrap `setup_databases` (pytest-django imports it when its session fixture runs)."""
    if os.environ.get("EXPOO_TEST_DB_TEMPLATE", "1") == "0":
        return
    from django.test import utils

    original = utils.setup_databases
    if getattr(original, "_expoo_template", False):
        return

    def setup_databases(*args, **kwargs):
        handle = migrate.Command.handle
        migrate.Command.handle = _templated(handle)
        try:
            return original(*args, **kwargs)
        finally:
            migrate.Command.handle = handle

    setup_databases._expoo_template = True
    utils.setup_databases = setup_databases


def key() -> str:
    """A digest of every migration file and of the project code beside the migrations (what data
    migrations import), so a template is never used for a schema it was not built from."""
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader

    digest = hashlib.sha256()
    loader = MigrationLoader(None, ignore_no_migrations=True)
    files = {Path(sys.modules[m.__module__].__file__) for m in loader.disk_migrations.values()}
    base = Path(settings.BASE_DIR).resolve()
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if base in path.parents:
            files.update(
                p
                for p in path.rglob("*")
                if p.suffix in _CODE_SUFFIXES and "tests" not in p.relative_to(path).parts and p.is_file()
            )
    for path in sorted(files):
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _templated(handle):
    def wrapped(command, *args, **options):
        connection = connections[options["database"]]
        if connection.vendor == "sqlite":
            return _sqlite(connection, lambda: handle(command, *args, **options))
        if connection.vendor == "postgresql":
            return _postgresql(connection, lambda: handle(command, *args, **options))
        return handle(command, *args, **options)

    return wrapped


def _sqlite(connection, run):
    folder = Path(settings.VAR_DIR) / "test-db-templates"
    folder.mkdir(parents=True, exist_ok=True)
    template = folder / f"sqlite-{key()}.sqlite3"
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        connection.ensure_connection()
        if template.exists():
            with contextlib.closing(sqlite3.connect(template)) as source:
                source.backup(connection.connection)
            return run()
        result = run()
        partial = template.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        with contextlib.closing(sqlite3.connect(partial)) as target:
            connection.connection.backup(target)
        partial.rename(template)
        for old in folder.glob("sqlite-*.sqlite3"):
            if old != template:
                old.unlink(missing_ok=True)
        return result


def _postgresql(connection, run):
    name = connection.settings_dict["NAME"]
    digest = key()
    template = f"expoo_test_template_{digest}"
    dump = Path(settings.VAR_DIR) / "test-db-templates" / f"postgresql-{digest}.dump"
    quote = connection.ops.quote_name
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [_LOCK_ID])
        try:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            found = cursor.fetchone() is not None
            if not found and dump.exists():
                found = _restore(cursor, connection, template, dump)
            if found:
                _close(name)
                cursor.execute(f"DROP DATABASE {quote(name)}")
                cursor.execute(f"CREATE DATABASE {quote(name)} TEMPLATE {quote(template)}")
                return run()
            result = run()
            _close(name)
            cursor.execute(f"CREATE DATABASE {quote(template)} TEMPLATE {quote(name)}")
            _dump(connection, template, dump)
            return result
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [_LOCK_ID])


def _libpq(connection, database: str) -> dict:
    from core.backups import postgres_environment

    return {**postgres_environment(connection.alias), "PGDATABASE": database}


def _dump(connection, template: str, dump: Path) -> None:
    """Keep the template as a file too: `scripts/with_postgres.sh` starts a new server for every stage
    (and every run), which then restores it in seconds instead of migrating for half a minute."""
    from core.backups import BackupError, postgres_binary

    try:
        command = [postgres_binary("pg_dump"), "--format=custom", "--no-owner", "--file"]
    except BackupError:  # no client programs beside the server (an external DATABASE_URL): no file
        return
    dump.parent.mkdir(parents=True, exist_ok=True)
    partial = dump.with_suffix(".partial")
    if subprocess.run([*command, str(partial)], env=_libpq(connection, template), capture_output=True).returncode == 0:
        partial.rename(dump)
        for old in dump.parent.glob("postgresql-*.dump"):
            if old != dump:
                old.unlink(missing_ok=True)
    else:
        partial.unlink(missing_ok=True)


def _restore(cursor, connection, template: str, dump: Path) -> bool:
    """The template from the kept file; False (and no template) when pg_restore fails."""
    from core.backups import BackupError, postgres_binary

    try:
        command = [postgres_binary("pg_restore"), "--no-owner", "--exit-on-error", "--dbname", template, str(dump)]
    except BackupError:
        return False
    quote = connection.ops.quote_name
    cursor.execute(f"CREATE DATABASE {quote(template)}")
    if subprocess.run(command, env=_libpq(connection, template), capture_output=True).returncode == 0:
        return True
    cursor.execute(f"DROP DATABASE {quote(template)}")
    return False


def _close(name: str) -> None:
    """A database can be copied or dropped only while no session uses it (a replica alias mirrors it)."""
    for other in connections.all(initialized_only=True):
        if other.settings_dict["NAME"] == name:
            other.close()
