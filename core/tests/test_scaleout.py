"""Scale-out: what the environment switches on, and, where the service is there, that it works.

- Always: the settings each variable produces (Redis cache and sessions, the replica and its
  router, OpenSearch for Wagtail's index), read from a fresh process as a server would.
- With REDIS_URL (`scripts/with_redis.sh`, `make test-scaleout`): cache and sessions in Redis.
- With DATABASE_REPLICA_URL (`make test-scaleout` points it at the same PostgreSQL database): which
  alias serves which query.
- With AWS_S3_ENDPOINT_URL or AWS_STORAGE_BUCKET_NAME (`scripts/with_s3.sh` starts moto): media in S3.
- With OPENSEARCH_URL: Wagtail's index on OpenSearch (no server can be installed here: skipped).
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.urls import reverse

BASE_DIR = Path(settings.BASE_DIR)


def settings_with(tmp_path, **variables) -> dict:
    """Settings as a fresh process reads them from this environment (nothing else set)."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    env.update(EXPOO_VAR_DIR=str(tmp_path), SECRET_KEY="x" * 60, PYTHONDONTWRITEBYTECODE="1", **variables)
    code = (
        "import json, expoo.settings.production as s;"
        "print(json.dumps({'caches': s.CACHES, 'session_engine': s.SESSION_ENGINE, 'databases': sorted(s.DATABASES),"
        "'replica': s.DATABASES.get('replica', {}).get('HOST'), 'routers': getattr(s, 'DATABASE_ROUTERS', []),"
        "'search': s.WAGTAILSEARCH_BACKENDS['default'], 'storage': s.STORAGES['default']['BACKEND']}, default=str))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_services_everything_is_embedded(tmp_path):
    found = settings_with(tmp_path)

    assert found["caches"]["default"]["BACKEND"].endswith("LocMemCache")
    assert found["session_engine"] == "django.contrib.sessions.backends.db"  # a per-process cache cannot hold sessions
    assert found["databases"] == ["default"] and found["routers"] == []
    assert found["search"]["BACKEND"] == "modelsearch.backends.database"
    assert found["storage"] == "django.core.files.storage.FileSystemStorage"


def test_the_environment_switches_on_redis_a_replica_opensearch_and_s3(tmp_path):
    found = settings_with(
        tmp_path,
        REDIS_URL="redis://cache.internal:6379/0",
        DATABASE_URL="postgres://expoo:geheim@primary.internal:5432/expoo",
        DATABASE_REPLICA_URL="postgres://expoo:geheim@replica.internal:5432/expoo",
        OPENSEARCH_URL="https://search.internal:9200",
        AWS_STORAGE_BUCKET_NAME="expoo-media",
    )

    assert found["caches"]["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.internal:6379/0",
    }
    assert found["session_engine"] == "django.contrib.sessions.backends.cached_db"
    assert found["databases"] == ["default", "replica"] and found["replica"] == "replica.internal"
    assert found["routers"] == ["expoo.db_router.ReplicaRouter"]
    assert found["search"]["BACKEND"] == "modelsearch.backends.opensearch3"
    assert found["search"]["URLS"] == ["https://search.internal:9200"]
    assert found["storage"] == "storages.backends.s3.S3Storage"


def test_the_session_engine_can_be_chosen(tmp_path):
    found = settings_with(
        tmp_path, REDIS_URL="redis://cache.internal:6379/0", SESSION_ENGINE="django.contrib.sessions.backends.cache"
    )
    assert found["session_engine"] == "django.contrib.sessions.backends.cache"


# Redis ------------------------------------------------------------------------------------------

needs_redis = pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL not set (make test-scaleout starts Redis)")


@needs_redis
def test_the_cache_is_redis_and_shared(db):
    import redis
    from django.core.cache import cache

    key = f"scaleout:{uuid.uuid4().hex}"
    cache.set(key, {"seen": True}, 30)
    # Another process (another web server) reaches the same value through the same server.
    location = settings.CACHES["default"]["LOCATION"]
    raw = redis.Redis.from_url(location)
    assert any(key in k.decode() for k in raw.keys(f"*{key}*"))
    assert cache.get(key) == {"seen": True}


@needs_redis
def test_sessions_live_in_redis_and_the_database_and_survive_a_redis_flush(client, member):
    from django.contrib.sessions.models import Session
    from django.core.cache import cache

    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    client.force_login(member)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert cache.get(f"django.contrib.sessions.cached_db{key}") is not None
    assert Session.objects.filter(session_key=key).exists()

    cache.clear()  # Redis restarted empty: nobody is logged out
    assert client.get(reverse("accounts:dashboard")).status_code == 200

    client.post(reverse("accounts:logout"))
    assert cache.get(f"django.contrib.sessions.cached_db{key}") is None
    assert not Session.objects.filter(session_key=key).exists()  # ended for every web server


# Read replica -----------------------------------------------------------------------------------

needs_replica = pytest.mark.skipif(
    "replica" not in settings.DATABASES, reason="DATABASE_REPLICA_URL not set (make test-scaleout points it at PostgreSQL)"
)


@pytest.fixture
def routed(settings):
    """The router on, and every query of both aliases recorded in order as (alias, SQL)."""
    settings.DATABASE_ROUTERS = ["expoo.db_router.ReplicaRouter"]
    log = []

    def recorder(alias):
        def wrapper(execute, sql, params, many, context):
            log.append((alias, sql.lstrip().split(None, 1)[0].upper()))
            return execute(sql, params, many, context)

        return wrapper

    from contextlib import ExitStack

    with ExitStack() as stack:
        for alias in ("default", "replica"):
            stack.enter_context(connections[alias].execute_wrapper(recorder(alias)))
        yield log


@pytest.fixture(autouse=True)
def _close_the_replica():
    """The mirror connection is a connection of its own: closed, so the test database can be dropped."""
    yield
    if "replica" in connections:
        connections["replica"].close()


def _aliases(log) -> set:
    return {alias for alias, _ in log}


@needs_replica
@pytest.mark.django_db(databases=["default", "replica"])
def test_an_anonymous_get_reads_from_the_replica_and_never_writes_there(client, routed):
    response = client.get(reverse("practices:databank"))

    assert response.status_code == 200
    replica = [verb for alias, verb in routed if alias == "replica"]
    assert replica and set(replica) <= {"SELECT", "WITH"}
    # Once the request wrote (on the primary), it read no more from the replica.
    first_write = next((i for i, (alias, verb) in enumerate(routed) if verb in ("INSERT", "UPDATE", "DELETE")), None)
    if first_write is not None:
        assert "replica" not in _aliases(routed[first_write:])


@needs_replica
@pytest.mark.django_db(databases=["default", "replica"])
def test_a_logged_in_member_and_a_form_post_use_only_the_primary(client, member, routed):
    client.force_login(member)
    routed.clear()
    assert client.get(reverse("practices:databank")).status_code == 200
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    assert _aliases(routed) == {"default"}

    anonymous = client.__class__()
    routed.clear()
    response = anonymous.post(reverse("accounts:request"), {"first_name": ""})
    assert response.status_code in (200, 400)
    assert _aliases(routed) == {"default"}
    # The browser that sent a form stays on the primary for a while: it sees what it sent.
    assert response.cookies["expoo_primary"]["max-age"] == settings.EXPOO_REPLICA_PIN_SECONDS
    routed.clear()
    assert anonymous.get(reverse("practices:databank")).status_code == 200
    assert _aliases(routed) == {"default"}


@needs_replica
@pytest.mark.django_db(databases=["default", "replica"])
def test_outside_a_request_everything_uses_the_primary(routed, organisation):
    from organisations.models import Organisation

    routed.clear()
    assert Organisation.objects.filter(pk=organisation.pk).exists()  # the task worker, a command
    assert _aliases(routed) == {"default"}


# S3-compatible media ----------------------------------------------------------------------------

needs_s3 = pytest.mark.skipif(
    not (os.environ.get("AWS_S3_ENDPOINT_URL") or os.environ.get("AWS_STORAGE_BUCKET_NAME")),
    reason="no S3 endpoint configured (make test-scaleout starts moto)",
)

S3_CHECK = """
import json, django
django.setup()
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from core import backups, health
name = default_storage.save("documenten/verslag.pdf", ContentFile(b"%PDF-1.4 verslag"))
with default_storage.open(name) as f:
    data = f.read()
url = default_storage.url(name)
health.check_storage()
default_storage.delete(name)
print(json.dumps({"backend": type(storages["default"]).__name__, "data": data.decode(), "url": url,
                  "exists": default_storage.exists(name), "local": backups.local_media_root() is not None}))
"""


@needs_s3
def test_media_in_s3_compatible_storage(tmp_path):
    import boto3

    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME") or f"expoo-test-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3", endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL"), region_name=os.environ.get("AWS_S3_REGION_NAME")
    )
    created = not os.environ.get("AWS_STORAGE_BUCKET_NAME")
    if created:
        client.create_bucket(Bucket=bucket)
    try:
        env = {
            **os.environ,
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "EXPOO_VAR_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "expoo.settings.test",
        }
        env.pop("DATABASE_REPLICA_URL", None)
        result = subprocess.run(
            [sys.executable, "-c", S3_CHECK], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
        found = json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        if created:
            for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
                client.delete_object(Bucket=bucket, Key=item["Key"])
            client.delete_bucket(Bucket=bucket)

    assert found["backend"] == "S3Storage"
    assert found["data"] == "%PDF-1.4 verslag"
    assert "X-Amz-Signature=" in found["url"] and bucket in found["url"]  # private files: signed, expiring links
    assert found["exists"] is False
    assert found["local"] is False  # manage.py backup leaves S3 media to the bucket's own versioning


# OpenSearch -------------------------------------------------------------------------------------

needs_opensearch = pytest.mark.skipif(not os.environ.get("OPENSEARCH_URL"), reason="OPENSEARCH_URL not set")


@needs_opensearch
def test_wagtail_search_indexes_and_finds_on_opensearch(db, organisation, member):
    from modelsearch.backends import get_search_backend

    from practices import actions
    from practices.models import Practice

    backend = get_search_backend("default", INDEX_PREFIX=f"expoo_test_{uuid.uuid4().hex[:8]}_")
    assert "OpenSearch" in type(backend).__name__
    index = backend.get_index_for_model(Practice)
    index.reset()
    try:
        practice = actions.register_practice(
            by=member,
            organisation=organisation,
            title="Voorleesmoment met grootouders",
            summary="Grootouders lezen voor in de bib.",
            contact_name="Sam",
            contact_email="sam@example.org",
        )
        backend.add(practice)
        index.refresh()
        assert practice in list(backend.search("grootouders", Practice))
    finally:
        index.delete()
