"""The review PDF of a signed assessment: content, page numbers, digest on the last page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from chc_desktop.services import assessments, cases_import, qa, review, signing
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput
from tests.conftest import PASSPHRASE
from tests.helpers import qa_docs
from tests.helpers.data import TODAY, case_dicts, to_csv


@pytest.fixture
def signed(profile: Profile) -> tuple[Profile, str]:
    cases_import.import_cases(profile, to_csv(case_dicts(2)), "c.csv", today=TODAY)
    doc = qa_docs.clean_dst()
    doc["location"] = None
    aid = assessments.import_document(profile, doc).id
    qa.acknowledge(profile, aid, None, "Assessed by video call with the family (test)")
    return profile, aid


def pages_text(pdf: bytes, tmp_path: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed")
    path = tmp_path / "review.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def test_unsigned_assessment_has_no_review_pdf(signed: tuple[Profile, str]) -> None:
    profile, aid = signed
    with pytest.raises(InvalidInput, match="not signed"):
        review.render(profile, aid)


def test_review_pdf_content(signed: tuple[Profile, str], tmp_path: Path) -> None:
    profile, aid = signed
    done = signing.sign(profile, aid, "Assessed and recorded by me", PASSPHRASE)
    pdf, slot = review.render(profile, aid)
    assert pdf.startswith(b"%PDF-")
    assert slot.page == len(pages_text(pdf, tmp_path)) - 1 and slot.box[2] > slot.box[0]
    pages = pages_text(pdf, tmp_path)
    whole = " ".join(" ".join(p.split()) for p in pages)
    for expected in (
        "Decision Support Tool record", "TEST-000001", "Demo Nurse Ash", "Cognition",
        "Primary health need recommended", "Assessed by video call with the family (test)",
        "Assessed and recorded by me", done.signed_at, "not an eligibility decision",
    ):  # fmt: skip
        assert expected in whole, expected
    assert done.record_sha256 in " ".join(pages[-1].split())
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))


def test_pades_signature_validates_with_pyhanko_and_pdfsig(
    signed: tuple[Profile, str], tmp_path: Path
) -> None:
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from chc_desktop.services import profiles

    profile, aid = signed
    signing.sign(profile, aid, "Assessed and recorded by me", PASSPHRASE)
    with pytest.raises(InvalidInput, match="wrong passphrase"):
        review.signed_pdf(profile, aid, "not the passphrase")
    pdf = review.signed_pdf(profile, aid, PASSPHRASE)
    path = tmp_path / "signed.pdf"
    path.write_bytes(pdf)
    cert_path = tmp_path / "signer.pem"
    from sqlalchemy import select

    from chc_desktop.store.models import SigningIdentity

    with profile.reading() as session:
        cert_path.write_text(session.scalars(select(SigningIdentity)).one().certificate_pem)
    assert profiles.certificate_fingerprint(profile)
    with path.open("rb") as fh:
        embedded = PdfFileReader(fh).embedded_signatures[0]
        assert embedded.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
        status = validate_pdf_signature(
            embedded, ValidationContext(trust_roots=[load_cert_from_pemder(str(cert_path))])
        )
    assert status.intact and status.valid and status.trusted
    assert status.coverage.name == "ENTIRE_FILE"
    if shutil.which("pdfsig"):
        out = subprocess.run(
            ["pdfsig", str(path)], capture_output=True, text=True, check=False
        ).stdout
        assert "ETSI.CAdES.detached" in out and "Signature is Valid." in out
        flipped = bytearray(pdf)
        spot = pdf.index(b"Decision Support Tool") if b"Decision Support Tool" in pdf else 2000
        flipped[spot] ^= 0x01
        path.write_bytes(bytes(flipped))
        tampered = subprocess.run(
            ["pdfsig", str(path)], capture_output=True, text=True, check=False
        ).stdout
        assert "Signature is Valid." not in tampered
