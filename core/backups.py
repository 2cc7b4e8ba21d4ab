"""Backups of the database and the media files in one archive, and their restore (both engines).

An archive (`manage.py backup FILE`) is a gzipped tar:

    manifest.json           format, time, engine, Django version, applied migrations, and the
                            size and SHA-256 of every other member
    database/expoo.sqlite3  SQLite: a copy made with SQLite's online backup API (consistent while
                            the site runs and writes)
    database/expoo.dump     PostgreSQL: pg_dump in its custom format
    media/...               every file under MEDIA_ROOT (local storage only; S3-compatible storage
                            keeps its own versions, see README "Operations and scale-out")

`manage.py restore FILE` checks every checksum, refuses a backup of another engine or one with
migrations this code does not know, asks for confirmation, and then replaces the database (SQLite:
the backup API again, in one step; PostgreSQL: psql in one transaction) and the media directory
(unpacked beside it, then swapped in).
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

import django
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database/expoo.sqlite3"
POSTGRES_MEMBER = "database/expoo.dump"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why (in Dutch, for the operator)."""


def engine(alias: str = DEFAULT_DB_ALIAS) -> str:
    vendor = connections[alias].vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Databanksoort {vendor!r} wordt niet ondersteund (alleen SQLite en PostgreSQL).")
    return vendor


def applied_migrations(alias: str = DEFAULT_DB_ALIAS) -> list[str]:
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connections[alias]).applied_migrations())


def known_migrations() -> set[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {f"{app}.{name}" for app, name in loader.disk_migrations}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def local_media_root() -> Path | None:
    """MEDIA_ROOT when media live on the local file system, else None (S3-compatible storage)."""
    return Path(default_storage.location) if isinstance(default_storage, FileSystemStorage) else None


# PostgreSQL tools ---------------------------------------------------------------------------------


def postgres_binary(name: str) -> str:
    """pg_dump, pg_restore or psql: from PGBIN, else the newest /usr/lib/postgresql/*/bin (as
    scripts/with_postgres.sh finds them), else the PATH."""
    candidates = []
    if os.environ.get("PGBIN"):
        candidates.append(Path(os.environ["PGBIN"]) / name)
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0
    )
    candidates += [directory / name for directory in reversed(versions)]
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} niet gevonden: installeer de PostgreSQL-clientprogramma's of zet PGBIN.")
    return found


def postgres_environment(alias: str = DEFAULT_DB_ALIAS) -> dict:
    """The connection as libpq environment variables (DATABASE_URL's credentials stay off the command line)."""
    db = connections[alias].settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"] or "", "PGCONNECT_TIMEOUT": "10"}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[variable] = str(db[key])
    options = db.get("OPTIONS") or {}
    for key, variable in (
        ("sslmode", "PGSSLMODE"),
        ("sslrootcert", "PGSSLROOTCERT"),
        ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"),
    ):
        if options.get(key):
            env[variable] = str(options[key])
    return env


def _run(command: list[str], env: dict, what: str) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{what} mislukt: {result.stderr.strip()[-2000:]}")


# Backup -------------------------------------------------------------------------------------------


@dataclass
class BackupResult:
    path: Path
    manifest: dict


def _dump_database(directory: Path, alias: str) -> tuple[str, Path]:
    if engine(alias) == "sqlite":
        target = directory / "expoo.sqlite3"
        connection = connections[alias]
        connection.ensure_connection()
        if connection.in_atomic_block:  # SQLite would wait forever for its own write lock
            raise BackupError("Een back-up kan niet binnen een lopende transactie gemaakt worden.")
        destination = sqlite3.connect(target)
        try:
            # One step: a consistent copy even while other processes write (WAL).
            connection.connection.backup(destination)
        finally:
            destination.close()
        return SQLITE_MEMBER, target
    target = directory / "expoo.dump"
    _run([postgres_binary("pg_dump"), "--format=custom", "--file", str(target)], postgres_environment(alias), "pg_dump")
    return POSTGRES_MEMBER, target


def make_backup(path: Path, alias: str = DEFAULT_DB_ALIAS) -> BackupResult:
    """Write the archive to `path` (through a temporary file beside it, readable by the owner only)."""
    path = Path(path).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    media_root = local_media_root()
    manifest = {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "site": settings.WAGTAIL_SITE_NAME,
        "django": django.get_version(),
        "engine": engine(alias),
        "migrations": applied_migrations(alias),
        "media": {"included": media_root is not None, "storage": "local" if media_root is not None else "remote"},
        "files": {},
    }
    with tempfile.TemporaryDirectory(prefix="expoo-backup-") as scratch:
        member, dump = _dump_database(Path(scratch), alias)
        manifest["database"] = member
        files = [(member, dump)]
        if media_root is not None and media_root.is_dir():
            for file in sorted(media_root.rglob("*")):
                if file.is_file() and not file.is_symlink():
                    files.append((MEDIA_PREFIX + file.relative_to(media_root).as_posix(), file))
        for name, file in files:
            manifest["files"][name] = {"size": file.stat().st_size, "sha256": sha256_file(file)}

        fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
        os.close(fd)
        os.chmod(partial, 0o600)  # personal data: the owner only
        try:
            with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
                data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(data), int(datetime.datetime.now().timestamp()), 0o600
                archive.addfile(info, io.BytesIO(data))
                for name, file in files:
                    archive.add(file, arcname=name, recursive=False)
            os.replace(partial, path)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
    return BackupResult(path=path, manifest=manifest)


# Restore ------------------------------------------------------------------------------------------


@dataclass
class Inspection:
    manifest: dict
    older: list[str]  # migrations this code has that the backup had not applied (run migrate afterwards)


def read_manifest(path: Path) -> dict:
    try:
        with tarfile.open(path, "r:*") as archive:
            member = archive.getmember(MANIFEST)
            manifest = json.load(archive.extractfile(member))
    except (OSError, tarfile.TarError, KeyError, ValueError) as error:
        raise BackupError(f"{path} is geen leesbare EXPOO-back-up: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} heeft een onbekend formaat (verwacht formaat {FORMAT}).")
    return manifest


def inspect(path: Path, alias: str = DEFAULT_DB_ALIAS) -> Inspection:
    """Everything that can be checked before anything changes: format, engine, migration state."""
    manifest = read_manifest(path)
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    current = engine(alias)
    if manifest.get("engine") != current:
        raise BackupError(
            f"Deze back-up bevat een {names.get(manifest.get('engine'), manifest.get('engine'))}-databank; deze site "
            f"gebruikt {names[current]}. Zet hem terug op een site met dezelfde databanksoort."
        )
    backup_migrations = set(manifest.get("migrations") or [])
    unknown = sorted(backup_migrations - known_migrations())
    if unknown:
        shown = ", ".join(unknown[:5]) + (f" en nog {len(unknown) - 5}" if len(unknown) > 5 else "")
        raise BackupError(
            "Deze back-up komt van een nieuwere versie van de site: hij bevat migraties die deze code niet kent "
            f"({shown}). Installeer die versie (of een nieuwere) en zet de back-up daar terug."
        )
    older = sorted(known_migrations() - backup_migrations)
    return Inspection(manifest=manifest, older=older)


def _unpack(path: Path, manifest: dict, directory: Path) -> None:
    """Extract every member the manifest lists, checking its size and checksum; nothing else."""
    expected = manifest.get("files") or {}
    seen = set()
    with tarfile.open(path, "r:*") as archive:
        for member in archive:
            if member.name == MANIFEST:
                continue
            if member.name not in expected or not member.isfile():
                raise BackupError(f"Onverwacht bestand in de back-up: {member.name!r}.")
            archive.extract(member, directory, filter="data")
            file = directory / member.name
            if file.stat().st_size != expected[member.name]["size"] or sha256_file(file) != expected[member.name]["sha256"]:
                raise BackupError(f"De back-up is beschadigd: {member.name} klopt niet met zijn controlegetal.")
            seen.add(member.name)
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupError(f"De back-up is onvolledig: {', '.join(missing[:5])} ontbreekt.")


def _restore_sqlite(file: Path, alias: str) -> None:
    connection = connections[alias]
    connection.ensure_connection()
    if connection.in_atomic_block:
        raise BackupError("Terugzetten kan niet binnen een lopende transactie.")
    source = sqlite3.connect(file)
    try:
        # One step under SQLite's own locks: other processes see the old or the new database, never a mix.
        source.backup(connection.connection)
    finally:
        source.close()


def _restore_postgres(file: Path, alias: str) -> None:
    env = postgres_environment(alias)
    connections[alias].close()  # no idle connection of ours holds locks on what is dropped
    with tempfile.TemporaryDirectory(prefix="expoo-restore-") as scratch:
        script = Path(scratch) / "restore.sql"
        _run(
            [postgres_binary("pg_restore"), "--no-owner", "--no-privileges", "--file", str(script), str(file)],
            env,
            "pg_restore",
        )
        # Drop whatever is in the schema now (tables made since the backup too), then load the dump:
        # all in one transaction, so a failure leaves the database as it was.
        drop_all = """
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
           -- not what an extension owns, nor a sequence owned by a column (it goes with its table)
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
           ORDER BY c.relkind = 'S', c.relname
  LOOP
    EXECUTE format(CASE r.relkind WHEN 'v' THEN 'DROP VIEW IF EXISTS %I CASCADE'
                                  WHEN 'm' THEN 'DROP MATERIALIZED VIEW IF EXISTS %I CASCADE'
                                  WHEN 'S' THEN 'DROP SEQUENCE IF EXISTS %I CASCADE'
                                  WHEN 'f' THEN 'DROP FOREIGN TABLE IF EXISTS %I CASCADE'
                                  ELSE 'DROP TABLE IF EXISTS %I CASCADE' END, r.relname);
  END LOOP;
END $$;
"""
        _run(
            [
                postgres_binary("psql"),
                "--no-psqlrc",
                "--quiet",
                "--single-transaction",
                "--set",
                "ON_ERROR_STOP=1",
                "--command",
                drop_all,
                "--file",
                str(script),
            ],
            env,
            "Terugzetten van de PostgreSQL-databank",
        )


def _restore_media(directory: Path, manifest: dict) -> int:
    """Replace MEDIA_ROOT by the backup's media: unpacked beside it, then swapped in."""
    media_root = local_media_root()
    unpacked = directory / "media"
    media_root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{media_root.name}.restore-", dir=media_root.parent))
    try:
        if unpacked.is_dir():
            shutil.copytree(unpacked, staging, dirs_exist_ok=True)
        old = media_root.with_name(f".{media_root.name}.old-{os.getpid()}")
        if media_root.exists():
            os.replace(media_root, old)
        os.replace(staging, media_root)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sum(1 for name in manifest["files"] if name.startswith(MEDIA_PREFIX))


@dataclass
class RestoreResult:
    manifest: dict
    media_files: int | None  # None: media left as they are
    older: list[str]


def restore_backup(path: Path, alias: str = DEFAULT_DB_ALIAS) -> RestoreResult:
    """Replace the database and the media by the backup's. Call `inspect` first and confirm."""
    found = inspect(path, alias)
    manifest = found.manifest
    with tempfile.TemporaryDirectory(prefix="expoo-restore-") as scratch:
        directory = Path(scratch)
        _unpack(path, manifest, directory)  # every checksum checked before anything changes
        database = directory / manifest["database"]
        if manifest["engine"] == "sqlite":
            _restore_sqlite(database, alias)
        else:
            _restore_postgres(database, alias)
        media_files = None
        if manifest.get("media", {}).get("included") and local_media_root() is not None:
            media_files = _restore_media(directory, manifest)
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()  # nothing cached from the replaced data survives (each web process: restart it)
    return RestoreResult(manifest=manifest, media_files=media_files, older=found.older)
