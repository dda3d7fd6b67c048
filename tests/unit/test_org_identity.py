"""An organisation CA: import a PKCS#12, sign packs with it, and QA leads trust one root."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from chc_desktop.packs import manifest, zip_safe
from chc_desktop.packs.verify import load_certificates, verify_pack
from chc_desktop.services import packs, profiles, signing, signing_identity, trust
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput
from tests.helpers.cli import Cli
from tests.helpers.signed import MEANING, PASSPHRASE, ready_dst, signed_dst

P12_PASSWORD = "bundle password (test)"


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(
    subject: str, key: object, issuer: str, issuer_key: object, *, ca: bool, signing: bool = True
) -> x509.Certificate:
    now = datetime.now(UTC) - timedelta(minutes=5)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject)).issuer_name(_name(issuer))
        .public_key(key.public_key())  # type: ignore[attr-defined]
        .serial_number(x509.random_serial_number())
        .not_valid_before(now).not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )  # fmt: skip
    if signing:
        usage = x509.KeyUsage(
            digital_signature=not ca, content_commitment=not ca, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
            encipher_only=False, decipher_only=False,
        )  # fmt: skip
        builder = builder.add_extension(usage, critical=True)
    return builder.sign(issuer_key, hashes.SHA256())  # type: ignore[arg-type]


def _bundle(key: object, cert: x509.Certificate, root: x509.Certificate) -> bytes:
    return pkcs12.serialize_key_and_certificates(
        b"person", key, cert, [root],  # type: ignore[arg-type]
        serialization.BestAvailableEncryption(P12_PASSWORD.encode()),
    )  # fmt: skip


@pytest.fixture(scope="module")
def org() -> dict[str, bytes]:
    root_key = ec.generate_private_key(ec.SECP256R1())
    root = _cert("Test Org Root CA", root_key, "Test Org Root CA", root_key, ca=True)
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf = _cert("Test Assessor", leaf_key, "Test Org Root CA", root_key, ca=False)
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    rsa_leaf = _cert("RSA Person", rsa_key, "Test Org Root CA", root_key, ca=False)
    plain = _cert(
        "Not For Signing", leaf_key, "Test Org Root CA", root_key, ca=False, signing=False
    )
    return {
        "p12": _bundle(leaf_key, leaf, root),
        "rsa": _bundle(rsa_key, rsa_leaf, root),
        "plain": _bundle(leaf_key, plain, root),
        "root": root.public_bytes(serialization.Encoding.PEM),
    }


def test_org_issued_identity_signs_packs_that_chain_to_the_root(
    profile: Profile, org: dict[str, bytes]
) -> None:
    old = signed_dst(profile, "TEST-000001")
    before = profiles.certificate_fingerprint(profile)
    found = signing_identity.import_pkcs12(profile, org["p12"], P12_PASSWORD, PASSPHRASE)
    assert profiles.certificate_fingerprint(profile) == found.fingerprint != before
    assert "Test Org Root CA" in [r.subject.split("=")[-1] for r in trust.listed(profile)]
    assert signing.verify_record(profile, old)  # earlier signatures still check out
    new = ready_dst(profile, "TEST-000002")
    signing.sign(profile, new, MEANING, PASSPHRASE)
    data = packs.build(profile, new, PASSPHRASE)[0]
    signer_pem = zip_safe.read_entries(data)[manifest.SIGNER]
    assert len(load_certificates(signer_pem)) == 2  # the signer, then the organisation root
    root = load_certificates(org["root"])
    report = verify_pack("p", data, root)
    assert report.valid and report.trusted, report.errors
    assert not verify_pack("p", data).trusted
    old_pack = packs.build(profile, old, PASSPHRASE)[0]  # still signed by the old identity
    assert verify_pack("p", old_pack).valid


def test_bad_bundles_are_refused(profile: Profile, org: dict[str, bytes]) -> None:
    with pytest.raises(InvalidInput, match="password is wrong"):
        signing_identity.import_pkcs12(profile, org["p12"], "wrong", PASSPHRASE)
    with pytest.raises(InvalidInput, match="not a PKCS#12"):
        signing_identity.import_pkcs12(profile, b"junk", P12_PASSWORD, PASSPHRASE)
    with pytest.raises(InvalidInput, match="only elliptic-curve"):
        signing_identity.import_pkcs12(profile, org["rsa"], P12_PASSWORD, PASSPHRASE)
    with pytest.raises(InvalidInput, match="not for signatures"):
        signing_identity.import_pkcs12(profile, org["plain"], P12_PASSWORD, PASSPHRASE)
    with pytest.raises(InvalidInput, match="wrong passphrase"):
        signing_identity.import_pkcs12(profile, org["p12"], P12_PASSWORD, "not mine")
    assert trust.listed(profile) == []


def test_cli_trust_and_import(tmp_path: Path, org: dict[str, bytes]) -> None:
    cli = Cli(tmp_path)
    cli.init()
    bundle, root = tmp_path / "me.p12", tmp_path / "root.pem"
    bundle.write_bytes(org["p12"])
    root.write_bytes(org["root"])
    res = cli(
        "profile", "import-identity", str(bundle), env={"CHC_DESKTOP_P12_PASSWORD": P12_PASSWORD}
    )
    assert res.code == 0, res.err
    assert "now signing as CN=Test Assessor" in res.err
    listed = cli("profile", "trust", "--json").json()["trusted_roots"]
    assert [r["subject"] for r in listed] == ["CN=Test Org Root CA"]
    assert cli("profile", "trust", str(root)).err.startswith("0 added")
    assert cli("profile", "trust", str(tmp_path / "missing.pem")).code == 1
    wrong = cli("profile", "import-identity", str(bundle), env={"CHC_DESKTOP_P12_PASSWORD": "no"})
    assert wrong.code == 1 and "password is wrong" in wrong.err
