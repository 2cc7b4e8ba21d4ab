"""The example reverse proxy (deploy/nginx.conf) in front of the live site: Debian's nginx runs the
file as shipped, with only its ports, directories, certificate and upstream address rewritten.

What an operator relies on: HTTP goes to HTTPS except the health probes; pages come from Django with
the proxy's request id; hashed static files are served by nginx, compressed and cached for a year;
image renditions and profile pictures are public files, while documents and practice materials in the
same media directory are not; a body over the limit is refused before it reaches the site."""

import gzip
import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
import requests
import urllib3
from django.conf import settings

pytestmark = pytest.mark.e2e

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONFIG = Path(settings.BASE_DIR) / "deploy" / "nginx.conf"
HOST = "expoo.example"
CSS = b"body{color:#123456}" * 200


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def proxy(demo, tmp_path):
    """nginx with deploy/nginx.conf on two free ports in front of the live server."""
    var = tmp_path / "var"
    (var / "static" / "core").mkdir(parents=True)
    (var / "static" / "core" / "site.0123456789ab.css").write_bytes(CSS)
    (var / "static" / "core" / "site.0123456789ab.css.gz").write_bytes(gzip.compress(CSS))
    (var / "static" / "robots-extra.txt").write_text("plain\n")
    for folder, name in [("images", "photo.width-400.png"), ("avatar_images", "me.png"), ("documents", "secret.pdf")]:
        (var / "media" / folder).mkdir(parents=True)
        (var / "media" / folder / name).write_bytes(b"\x89PNG fake" if name.endswith("png") else b"%PDF secret")

    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={HOST}",
         "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    http, https = free_port(), free_port()
    upstream = demo.url.removeprefix("http://")
    site = CONFIG.read_text()
    for old, new in [
        ("listen 80;", f"listen 127.0.0.1:{http};"),
        ("listen [::]:80;", ""),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https} ssl http2;"),
        ("listen [::]:443 ssl http2;", ""),
        ("server 127.0.0.1:8000", f"server {upstream}"),
        ("/srv/expoo/var/", f"{var}/"),
        ("/etc/letsencrypt/live/expoo.example/fullchain.pem", str(tmp_path / "cert.pem")),
        ("/etc/letsencrypt/live/expoo.example/privkey.pem", str(tmp_path / "key.pem")),
        ("/var/log/nginx/expoo.access.log", str(tmp_path / "access.log")),
        ("ssl_stapling on;", "ssl_stapling off;"),  # a self-signed certificate has no OCSP responder
        ("ssl_stapling_verify on;", ""),
    ]:
        assert old in site, f"deploy/nginx.conf no longer contains {old!r}: update this test"
        site = site.replace(old, new)
    (tmp_path / "expoo.conf").write_text(site)
    # As root, nginx's workers would otherwise run as nobody, who cannot enter pytest's private tmp.
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(f"""
{user}
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    access_log off;
    include {tmp_path}/expoo.conf;
}}
""")
    checked = subprocess.run([NGINX, "-t", "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen([NGINX, "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"], stderr=subprocess.PIPE)
    session = requests.Session()
    session.trust_env = False  # else a REQUESTS_CA_BUNDLE in the environment overrides verify=False
    session.verify = False
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    for _ in range(100):
        try:
            session.get(f"http://127.0.0.1:{http}/health/live", headers={"Host": HOST}, timeout=1)
            break
        except requests.ConnectionError:
            if server.poll() is not None:
                pytest.fail(server.stderr.read().decode())
            subprocess.run(["sleep", "0.05"], check=True)
    yield session, f"http://127.0.0.1:{http}", f"https://127.0.0.1:{https}"
    server.terminate()
    server.wait(timeout=10)


def test_the_example_proxy_serves_the_site_its_files_and_refuses_what_it_must(proxy):
    session, http, https = proxy
    host = {"Host": HOST}

    # HTTP: everything to HTTPS, except the load balancer's health probes.
    redirect = session.get(f"{http}/praktijken/?q=ouders", headers=host, allow_redirects=False)
    assert redirect.status_code == 301
    assert redirect.headers["Location"] == f"https://{HOST}/praktijken/?q=ouders"
    assert session.get(f"{http}/health/live", headers=host, allow_redirects=False).status_code == 200

    # A page comes from Django, with the proxy's request id passed on and returned.
    home = session.get(f"{https}/", headers={**host, "X-Request-ID": "proxy-test-0001"})
    assert home.status_code == 200 and "EXPOO" in home.text
    assert home.headers["X-Request-ID"] == "proxy-test-0001"
    assert "Content-Security-Policy" in home.headers
    assert "nginx/" not in home.headers.get("Server", "")  # server_tokens off
    fresh = session.get(f"{https}/", headers=host)
    assert fresh.headers["X-Request-ID"] and fresh.headers["X-Request-ID"] != "proxy-test-0001"

    # Hashed static files: from the directory, precompressed, immutable for a year.
    css = session.get(f"{https}/static/core/site.0123456789ab.css", headers={**host, "Accept-Encoding": "gzip"})
    assert css.status_code == 200 and css.content == CSS
    assert css.headers["Content-Encoding"] == "gzip"
    assert css.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "max-age=31536000" in css.headers["Strict-Transport-Security"]
    unhashed = session.get(f"{https}/static/robots-extra.txt", headers=host)
    assert unhashed.status_code == 200 and unhashed.headers["Cache-Control"] == "public, max-age=3600"

    # Media: renditions and profile pictures are public; documents only through the site's views.
    for path in ["/media/images/photo.width-400.png", "/media/avatar_images/me.png"]:
        image = session.get(f"{https}{path}", headers=host)
        assert image.status_code == 200, path
        assert image.headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in image.headers["Content-Security-Policy"]
    for path in ["/media/documents/secret.pdf", "/media/images/../documents/secret.pdf", "/media/private/x.pdf"]:
        refused = session.get(f"{https}{path}", headers=host)
        assert refused.status_code == 404 and b"secret" not in refused.content, path

    # A body over the proxy's limit never reaches a worker.
    too_big = session.post(f"{https}/contact/", headers=host, data=b"x" * (13 * 1024 * 1024))
    assert too_big.status_code == 413
