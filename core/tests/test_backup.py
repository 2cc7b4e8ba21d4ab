"""`manage.py backup` and `manage.py restore`: a backup made, data changed and deleted (rows and
media files), the backup restored, and everything is as it was; on SQLite and on PostgreSQL alike
(the suite runs on both). A backup of another engine or a newer site is refused before anything
changes, and so is a damaged one; restoring asks for confirmation."""

import hashlib
import io
import json
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import ModelLogEntry

from accounts import roles
from accounts.models import AccountRequest, Membership, User
from core.backups import FORMAT, MANIFEST, POSTGRES_MEMBER, SQLITE_MEMBER, applied_migrations, read_manifest
from core.factories import AccountRequestFactory, MembershipFactory, OrganisationFactory, ThemeFactory, UserFactory
from core.models import TargetGroup, Theme
from notifications.models import Notification
from organisations.models import Organisation
from practices import actions
from practices.models import Practice, PracticeOrganisation

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 40

MAIN_MODELS = [User, Membership, Organisation, Theme, TargetGroup, Practice, PracticeOrganisation, AccountRequest, Notification]


def snapshot(media_root) -> dict:
    """What a comparison needs: every row of the main tables (and the audit log) and every media file's bytes."""
    state = {model._meta.label: list(model.objects.order_by("pk").values()) for model in MAIN_MODELS}
    state["wagtail log"] = list(ModelLogEntry.objects.order_by("pk").values("pk", "action", "object_id", "data"))
    state["practice themes"] = sorted(Practice.themes.through.objects.values_list("practice_id", "theme_id"))
    state["media"] = {p.relative_to(media_root).as_posix(): p.read_bytes() for p in sorted(media_root.rglob("*")) if p.is_file()}
    return state


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.mark.flushes
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restored_backup_brings_back_every_row_and_media_file(media_root, tmp_path):
    organisation = OrganisationFactory(name="Huis van het Kind Back-up")
    writer = MembershipFactory(organisation=organisation, user__email="schrijver@backup.example").user
    colleague = MembershipFactory(organisation=organisation, user__email="collega@backup.example").user
    UserFactory(email="team@backup.example", groups=[roles.EXPOO_TEAM])
    theme = ThemeFactory(name="Voorlezen", slug="voorlezen")
    practice = actions.register_practice(
        by=writer,
        organisation=organisation,
        title="Voorleesmoment in de bib",
        summary="Ouders en kinderen lezen samen.",
        contact_name="Sam",
        contact_email="sam@backup.example",
        themes=[theme],
    )
    AccountRequestFactory(email="nieuw@backup.example", organisation=organisation)
    default_storage.save("documenten/gids.pdf", ContentFile(PDF))
    default_storage.save("fotos/voorlezen.png", ContentFile(PNG))
    before = snapshot(media_root)
    assert before["media"] == {"documenten/gids.pdf": PDF, "fotos/voorlezen.png": PNG}

    archive = tmp_path / "backups" / "expoo.tar.gz"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "Back-up geschreven" in out.getvalue()
    manifest = read_manifest(archive)
    assert manifest["engine"] == connection.vendor
    assert "practices.0001_initial" in manifest["migrations"]
    assert set(manifest["files"]) == {manifest["database"], "media/documenten/gids.pdf", "media/fotos/voorlezen.png"}
    assert manifest["files"]["media/documenten/gids.pdf"]["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert archive.stat().st_mode & 0o077 == 0  # personal data: the owner only

    # Change and delete: rows of several tables, a media file replaced, one deleted, one added.
    Practice.objects.filter(pk=practice.pk).update(title="Veranderd")
    colleague.delete()
    Notification.objects.all().delete()
    ThemeFactory(name="Nieuw thema", slug="nieuw-thema")
    AccountRequest.objects.all().delete()
    default_storage.delete("documenten/gids.pdf")
    (media_root / "fotos" / "voorlezen.png").write_bytes(b"overschreven")
    default_storage.save("nieuw.txt", ContentFile(b"na de back-up"))
    assert snapshot(media_root) != before

    out = io.StringIO()
    call_command("restore", str(archive), yes=True, stdout=out)

    assert "Teruggezet" in out.getvalue()
    after = snapshot(media_root)
    for key in before:
        assert after[key] == before[key], key
    assert Practice.objects.get(pk=practice.pk).title == "Voorleesmoment in de bib"
    assert User.objects.filter(email="collega@backup.example").exists()


# Refusals: nothing changes ----------------------------------------------------------------------


def write_archive(path, manifest: dict, members: dict) -> None:
    manifest = {
        **manifest,
        "files": {name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()} for name, data in members.items()},
    }
    with tarfile.open(path, "w:gz") as archive:
        for name, data in [(MANIFEST, json.dumps(manifest).encode()), *members.items()]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


@pytest.fixture
def real_manifest(db):
    """A manifest as `backup` writes it for this database (engine, applied migrations)."""
    return {
        "format": FORMAT,
        "created_at": "2026-11-22T08:00:00+00:00",
        "engine": connection.vendor,
        "migrations": applied_migrations(),
        "media": {"included": True, "storage": "local"},
        "database": SQLITE_MEMBER if connection.vendor == "sqlite" else POSTGRES_MEMBER,
    }


def _restore(path, **options):
    call_command("restore", str(path), stdout=io.StringIO(), **options)


def test_a_backup_of_another_engine_is_refused(real_manifest, tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    archive = tmp_path / "ander.tar.gz"
    write_archive(archive, {**real_manifest, "engine": other}, {"database/expoo.dump": b"x"})
    organisations = Organisation.objects.count()

    with pytest.raises(CommandError, match="databanksoort"):
        _restore(archive, yes=True)
    assert Organisation.objects.count() == organisations


def test_a_backup_from_a_newer_site_is_refused(real_manifest, tmp_path):
    archive = tmp_path / "nieuwer.tar.gz"
    migrations = [*real_manifest["migrations"], "practices.9999_from_the_future"]
    write_archive(archive, {**real_manifest, "migrations": migrations}, {real_manifest["database"]: b"x"})

    with pytest.raises(CommandError, match=r"nieuwere versie.*practices\.9999_from_the_future"):
        _restore(archive, yes=True)


def test_a_damaged_backup_is_refused_before_anything_changes(real_manifest, media_root, tmp_path):
    archive = tmp_path / "kapot.tar.gz"
    write_archive(archive, real_manifest, {real_manifest["database"]: b"x"})
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile(MANIFEST))
    manifest["files"][real_manifest["database"]]["sha256"] = "0" * 64
    damaged = tmp_path / "kapot2.tar.gz"
    with tarfile.open(damaged, "w:gz") as tar:
        for name, data in [(MANIFEST, json.dumps(manifest).encode()), (real_manifest["database"], b"x")]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    OrganisationFactory(name="Blijft staan")
    default_storage.save("blijft.txt", ContentFile(b"blijft"))

    with pytest.raises(CommandError, match="beschadigd"):
        _restore(damaged, yes=True)
    assert Organisation.objects.filter(name="Blijft staan").exists()
    assert (media_root / "blijft.txt").read_bytes() == b"blijft"


def test_restore_asks_for_confirmation(real_manifest, tmp_path, monkeypatch):
    archive = tmp_path / "echt2.tar.gz"
    write_archive(archive, real_manifest, {real_manifest["database"]: b"x"})

    # Not at a terminal and without --yes: refused.
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(CommandError, match="--yes"):
        _restore(archive)

    # At a terminal: anything but "ja" stops it.
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "nee")
    with pytest.raises(CommandError, match="Afgebroken"):
        _restore(archive)


def test_a_file_that_is_not_a_backup_is_refused(db, tmp_path):
    path = tmp_path / "iets.tar.gz"
    path.write_bytes(b"geen archief")
    with pytest.raises(CommandError, match="geen leesbare EXPOO-back-up"):
        _restore(path, yes=True)
