"""/health/live and /health/ready: JSON, 200 or 503, never cached, no personal data, answered
before host checks and HTTPS redirects (a load balancer probes by address, over plain HTTP)."""

import json
import socket

import pytest
from django.db.migrations.recorder import MigrationRecorder

from core import health

pytestmark = pytest.mark.django_db(databases="__all__")  # readiness asks every configured database


@pytest.fixture(autouse=True)
def _close_other_connections():
    """Readiness opens every configured database (a replica mirror too): closed again after each test."""
    yield
    from django.db import connections

    for alias in connections:
        if alias != "default":
            connections[alias].close()


def _json(response) -> dict:
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def _never_cached(response) -> None:
    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.django_db(databases=[])  # liveness must not touch a database: any query would fail this test
def test_live_answers_without_the_database(client):
    response = client.get("/health/live")

    assert response.status_code == 200
    assert _json(response) == {"status": "ok"}
    _never_cached(response)


def test_ready_answers_ok_when_every_check_passes(client, organisation, org_admin):
    response = client.get("/health/ready")

    assert response.status_code == 200
    body = _json(response)
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "migrations", "storage"}
    assert all(check["ok"] for check in body["checks"].values())
    _never_cached(response)
    text = response.content.decode()
    assert "@" not in text and org_admin.email not in text and organisation.name not in text


def test_probes_by_address_and_over_plain_http_are_answered(client, settings):
    settings.ALLOWED_HOSTS = ["expoo.example"]
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/health/live", HTTP_HOST="10.0.0.7:8000").status_code == 200
    assert client.get("/health/ready", HTTP_HOST="10.0.0.7:8000").status_code == 200
    assert client.head("/health/live", HTTP_HOST="10.0.0.7:8000").status_code == 200
    # Everything else still gets the usual redirect to HTTPS.
    assert client.get("/", HTTP_HOST="expoo.example").status_code == 301


def test_ready_fails_with_503_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": f"redis://127.0.0.1:{free_port()}/0"}
    }

    response = client.get("/health/ready")

    assert response.status_code == 503
    body = _json(response)
    assert body["status"] == "fail"
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True
    assert "127.0.0.1" not in response.content.decode()  # the details go to the log, not to the prober
    _never_cached(response)


def test_ready_fails_while_a_migration_is_not_applied(client, monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)
    MigrationRecorder.Migration.objects.filter(app="practices").order_by("-name")[:1].get().delete()

    response = client.get("/health/ready")

    assert response.status_code == 503
    assert _json(response)["checks"]["migrations"] == {"ok": False, "error": "RuntimeError", "ms": pytest.approx(0, abs=60_000)}


def test_ready_fails_when_the_media_storage_cannot_be_written(client, settings, tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    settings.MEDIA_ROOT = blocker / "media"  # below a file: it can never be made

    response = client.get("/health/ready")

    assert response.status_code == 503
    assert _json(response)["checks"]["storage"]["ok"] is False


def test_a_failing_check_is_logged_without_being_shown(client, settings, caplog):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": f"redis://127.0.0.1:{free_port()}/0"}
    }
    with caplog.at_level("WARNING", logger="expoo.health"):
        client.get("/health/ready")

    records = [r for r in caplog.records if r.name == "expoo.health"]
    assert records and records[0].event == "health.failed" and records[0].check == "cache"


def test_the_endpoints_are_urls_of_the_site_too(client, settings):
    """Without the middleware (a custom stack), the same views answer at the same addresses."""
    from django.urls import reverse

    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "core.health.HealthCheckMiddleware"]

    assert reverse("health_live") == "/health/live" and reverse("health_ready") == "/health/ready"
    assert client.get("/health/live").status_code == 200
    response = client.get("/health/ready")
    assert response.status_code == 200 and _json(response)["status"] == "ok"
    _never_cached(response)
