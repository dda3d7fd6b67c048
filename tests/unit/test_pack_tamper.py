"""The tamper matrix: every change to a pack is rejected with a specific reason.

Independent tools (poppler's pdfsig and pyHanko's own CLI) must agree with us
on an untouched and a tampered review.pdf.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from chc_desktop.packs import manifest, pdf_check, zip_safe
from chc_desktop.packs.verify import FAILED, PackReport, load_certificates, verify_pack
from chc_desktop.security import identity
from chc_desktop.services import profiles
from chc_desktop.services.profile_files import ProfileLocation
from tests.helpers.signed import PASSPHRASE, pack_of, signed_dst


@pytest.fixture(scope="module")
def made(
    template_profile: ProfileLocation, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, bytes]]:
    home = tmp_path_factory.mktemp("tamper") / "home"
    shutil.copytree(template_profile.home, home)
    profile = profiles.unlock(ProfileLocation(home, template_profile.name), PASSPHRASE)
    try:
        pack = pack_of(profile, signed_dst(profile, "TEST-000001"))
        other = pack_of(profile, signed_dst(profile, "TEST-000002"))
    finally:
        profile.close()
    yield {"pack": pack, "other": other}


def entries(data: bytes) -> dict[str, bytes]:
    return dict(zip_safe.read_entries(data))


def rezip(data: bytes, **changes: bytes | None) -> bytes:
    """The pack with entries replaced (bytes) or removed (None); keys use _ for ."""
    out = entries(data)
    for key, value in changes.items():
        name = key.replace("_", ".")
        if value is None:
            del out[name]
        else:
            out[name] = value
    return zip_safe.write_entries(out)


def flip(content: bytes, at: int) -> bytes:
    return content[:at] + bytes([content[at] ^ 0x01]) + content[at + 1 :]


def failed(report: PackReport) -> set[str]:
    return {name for name, value in report.checks.items() if value == FAILED}


def test_untouched_pack_is_valid(made: dict[str, bytes]) -> None:
    report = verify_pack("p", made["pack"])
    assert report.valid and report.errors == []


FLIPS = {
    manifest.MANIFEST: ({"manifest_signature"}, "different manifest bytes"),
    manifest.SIGNATURE: ({"manifest_signature"}, "manifest.sig"),
    manifest.PDF: ({"file_digests", "pdf_signature"}, "review.pdf"),
    manifest.RECORD: ({"file_digests", "record_digest"}, "assessment.json"),
    manifest.AUDIT: ({"file_digests", "audit_chain"}, "audit.jsonl"),
    manifest.SIGNER: ({"manifest_signature"}, "signer.pem"),
}


def _flip_point(name: str, content: bytes) -> int:
    if name == manifest.PDF:  # inside a content stream, so the PDF still parses
        return content.index(b"stream\n") + 20
    if name == manifest.SIGNER:  # inside the base64 body: a different certificate, or none
        return len(content) // 2
    if name == manifest.SIGNATURE:  # near the end: inside the signature value
        return len(content) - 8
    return content.index(b"Test") if b"Test" in content else len(content) // 2


@pytest.mark.parametrize("name", sorted(FLIPS))
def test_a_flipped_byte_in_each_entry_is_caught(made: dict[str, bytes], name: str) -> None:
    original = entries(made["pack"])[name]
    tampered = rezip(
        made["pack"], **{name.replace(".", "_"): flip(original, _flip_point(name, original))}
    )
    report = verify_pack("p", tampered)
    expected, words = FLIPS[name]
    assert not report.valid
    assert expected <= failed(report), report.errors
    assert any(words in e for e in report.errors), report.errors


@pytest.mark.parametrize("name", sorted(FLIPS))
def test_flips_anywhere_in_an_entry_are_caught(made: dict[str, bytes], name: str) -> None:
    original = entries(made["pack"])[name]
    for at in range(0, len(original), max(1, len(original) // 24)):
        report = verify_pack(
            "p", rezip(made["pack"], **{name.replace(".", "_"): flip(original, at)})
        )
        assert not report.valid, (name, at)
        assert failed(report) & (FLIPS[name][0] | {"file_digests"}), (name, at, report.errors)


def test_an_added_entry_is_caught(made: dict[str, bytes]) -> None:
    report = verify_pack("p", rezip(made["pack"], notes_txt=b"extra"))
    assert failed(report) == {"zip"} and "unexpected entry 'notes.txt'" in report.errors[0]


def test_a_removed_entry_is_caught(made: dict[str, bytes]) -> None:
    report = verify_pack("p", rezip(made["pack"], audit_jsonl=None))
    assert failed(report) == {"zip"} and "entry 'audit.jsonl' is missing" in report.errors[0]


def test_a_renamed_entry_is_caught(made: dict[str, bytes]) -> None:
    pdf = entries(made["pack"])[manifest.PDF]
    report = verify_pack("p", rezip(made["pack"], review_pdf=None, Review_pdf=pdf))
    assert "entry 'review.pdf' is missing" in report.errors[0]
    assert "unexpected entry 'Review.pdf'" in report.errors[0]


def test_assessment_swapped_from_another_pack(made: dict[str, bytes]) -> None:
    swapped = entries(made["other"])[manifest.RECORD]
    report = verify_pack("p", rezip(made["pack"], assessment_json=swapped))
    assert failed(report) == {"file_digests", "record_digest"}
    assert "assessment.json differ" in report.errors[0]
    assert "does not match the manifest's record_sha256" in report.errors[1]


def test_signer_replaced_with_another_keys_certificate(made: dict[str, bytes]) -> None:
    stranger = identity.create("Someone Else", None, "stranger pass (test)")
    report = verify_pack("p", rezip(made["pack"], signer_pem=stranger.certificate_pem))
    assert "manifest_signature" in failed(report)
    assert "different certificate than signer.pem" in report.errors[0]


def _appended_update(pdf: bytes) -> bytes:
    from pyhanko.pdf_utils.generic import NameObject, TextStringObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    writer.root[NameObject("/Lang")] = TextStringObject("en-GB")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_incremental_update_after_signing(made: dict[str, bytes]) -> None:
    pack = entries(made["pack"])
    updated = _appended_update(pack[manifest.PDF])
    cert = load_certificates(pack[manifest.SIGNER])[0]
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization

    signer = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    found = pdf_check.check_pdf(updated, signer, [], [])
    assert found.signature_problem is None  # the signed revision itself is intact ...
    assert found.coverage_problem and "incremental update" in found.coverage_problem  # ... but
    report = verify_pack("p", rezip(made["pack"], review_pdf=updated))
    assert {"pdf_covers_whole_file", "file_digests"} <= failed(report)


def test_trust_is_separate_from_intactness(made: dict[str, bytes]) -> None:
    stranger = identity.create("Other Root", None, "stranger pass (test)")
    report = verify_pack("p", made["pack"], [stranger.certificate])
    assert report.valid and not report.as_json()["trusted"]


# --- independent tools -------------------------------------------------------------------


def _pdfsig(path: Path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout


def _pyhanko(path: Path, trust: Path) -> int:
    tool = Path(sys.executable).with_name("pyhanko")
    cmd = [str(tool), "sign", "validate", "--trust", str(trust), "--trust-replace", str(path)]
    return subprocess.run(cmd, capture_output=True, text=True, check=False).returncode


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils is not installed")
def test_independent_tools_agree(made: dict[str, bytes], tmp_path: Path) -> None:
    pack = entries(made["pack"])
    good, flipped, appended, trust = (
        tmp_path / n for n in ("good.pdf", "bad.pdf", "upd.pdf", "s.pem")
    )
    good.write_bytes(pack[manifest.PDF])
    flipped.write_bytes(flip(pack[manifest.PDF], _flip_point(manifest.PDF, pack[manifest.PDF])))
    appended.write_bytes(_appended_update(pack[manifest.PDF]))
    trust.write_bytes(pack[manifest.SIGNER])
    ours = {
        p: verify_pack("p", rezip(made["pack"], review_pdf=p.read_bytes()))
        for p in (good, flipped, appended)
    }
    report = _pdfsig(good)
    assert "Signature is Valid." in report and "Total document signed" in report
    assert "ETSI.CAdES.detached" in report
    assert "Digest Mismatch" in _pdfsig(flipped)
    assert "Total document signed" not in _pdfsig(appended)
    assert _pyhanko(good, trust) == 0 and _pyhanko(flipped, trust) == 1
    assert ours[good].valid and not ours[flipped].valid and not ours[appended].valid
