"""A timestamp authority (TSA): used when reachable, skipped (and said so) when not.

The TSA here is a real RFC 3161 HTTP server on localhost, answering with pyHanko's
test timestamper and its own self-signed timestamping certificate.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

from chc_desktop.packs import zip_safe
from chc_desktop.packs.verify import verify_pack
from chc_desktop.services import packs
from chc_desktop.services.context import Profile
from tests.helpers.signed import PASSPHRASE, signed_dst


def _tsa_stamper() -> DummyTimeStamper:
    key = rsa.generate_private_key(
        public_exponent=65537, key_size=2048
    )  # pyHanko's test TSA is RSA-only
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test TSA (test)")])
    now = datetime.now(UTC) - timedelta(minutes=5)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    der_key = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(der_key),
    )


@pytest.fixture(scope="module")
def tsa_url() -> Iterator[str]:
    stamper = _tsa_stamper()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = asyncio.run(stamper.async_request_tsa_response(request)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_reachable_tsa_timestamps_the_signature(profile: Profile, tsa_url: str) -> None:
    aid = signed_dst(profile)
    built = packs.build(profile, aid, PASSPHRASE, tsa_url)
    assert built.timestamp == "added"
    report = verify_pack("p", built.data)
    assert report.valid, report.errors
    assert report.timestamp is not None
    stamped = datetime.fromisoformat(report.timestamp)
    assert abs((stamped - datetime.now(UTC)).total_seconds()) < 300


def test_unreachable_tsa_signs_without_and_says_so(profile: Profile, tmp_path: Path) -> None:
    aid = signed_dst(profile)
    out = tmp_path / "out"
    out.mkdir()
    done = packs.export(profile, aid, PASSPHRASE, out / "p.chcpack", "http://127.0.0.1:9/")
    assert done.timestamp == "unreachable"
    report = verify_pack("p", (out / "p.chcpack").read_bytes())
    assert report.valid and report.timestamp is None
    assert packs.build(profile, aid, PASSPHRASE).timestamp == "not configured"
    assert zip_safe.read_entries((out / "p.chcpack").read_bytes())
