"""The shipped nginx site (deploy/nginx/quizgraph.conf, with its TLS server block) is
one nginx accepts: ``nginx -t`` on it, with a throwaway certificate in place of
certbot's and the proxy snippet where the site includes it."""

from __future__ import annotations

import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.support.nginx import PROXY_SNIPPET, SITE, check_config, nginx_binary

CERTBOT_CERT = "/etc/letsencrypt/live/quiz.example.org/fullchain.pem"
CERTBOT_KEY = "/etc/letsencrypt/live/quiz.example.org/privkey.pem"
SNIPPET_INCLUDE = "include snippets/quizgraph-proxy.conf;"


def self_signed(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "quiz.example.org")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_the_shipped_site_passes_nginx_t(tmp_path: Path) -> None:
    site = SITE.read_text()
    for expected in (CERTBOT_CERT, CERTBOT_KEY, SNIPPET_INCLUDE):
        assert expected in site, f"{SITE} no longer has {expected!r}: update this test"
    cert, key = self_signed(tmp_path)
    installed = (
        site.replace(CERTBOT_CERT, str(cert))
        .replace(CERTBOT_KEY, str(key))
        .replace(SNIPPET_INCLUDE, f"include {PROXY_SNIPPET};")
    )
    (tmp_path / "site.conf").write_text(installed)
    temp_paths = " ".join(
        f"{kind}_temp_path {tmp_path / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    config = tmp_path / "nginx.conf"
    config.write_text(
        f"pid {tmp_path / 'nginx.pid'};\nevents {{}}\n"
        f"http {{ {temp_paths} include {tmp_path / 'site.conf'}; }}\n"
    )
    error_log = str(tmp_path / "error.log")
    check_config([nginx_binary(), "-p", str(tmp_path), "-e", error_log, "-c", str(config)])
