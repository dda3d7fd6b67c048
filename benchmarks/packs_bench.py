"""Benchmarks of review packs: building one, and verifying many."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

from common import PASSPHRASE, env, line, timed


def _signed_bench_profile(tmp: Path) -> tuple[object, str]:
    from chc_desktop.services import assessments, cases_import, demo, profiles, signing
    from chc_desktop.services.profile_files import ProfileLocation
    from tests.helpers import qa_docs
    from tests.helpers.data import TODAY, case_dicts, to_csv

    location = ProfileLocation(tmp / "pdf-home", "bench")
    demo.ensure_demo(location, PASSPHRASE, 0)
    profile = profiles.unlock(location, PASSPHRASE)
    cases_import.import_cases(profile, to_csv(case_dicts(2)), "c.csv", today=TODAY)
    aid = assessments.import_document(profile, qa_docs.clean_dst()).id
    signing.sign(profile, aid, "Assessed and recorded by me", PASSPHRASE)
    return profile, aid


def bench_review_pdf(tmp: Path, runs: int) -> bytes:
    """Render + sign the review PDF, and build the whole pack; returns one pack's bytes."""
    import shutil

    from chc_desktop.services import packs, review

    profile, aid = _signed_bench_profile(tmp)
    packs.build(profile, aid, PASSPHRASE)  # warm-up: fonts, imports
    pdf = statistics.median(
        timed(lambda: review.signed_pdf(profile, aid, PASSPHRASE)) for _ in range(runs)
    )
    whole = statistics.median(
        timed(lambda: packs.build(profile, aid, PASSPHRASE)) for _ in range(runs)
    )
    pack = packs.build(profile, aid, PASSPHRASE)[0]
    profile.close()
    print(f"Review pack of a full DST, in-process (median of {runs}):")
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        print(f"  review.pdf render + PAdES sign {pdf * 1000:9.1f} ms")
        print(
            f"  whole .chcpack (PDF, manifest, CMS, zip) {whole * 1000:9.1f} ms  "
            "(goal < 100 ms; LibreOffice not installed, so no ratio)"
        )
        return pack
    docx = tmp / "review.docx"
    _write_docx(docx)
    base = timed(
        lambda: subprocess.run(
            [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(docx)],
            check=True, capture_output=True,
        )
    )  # fmt: skip
    line("whole pack vs soffice .docx -> unsigned PDF", whole, base, "ms", "goal: 10x faster")
    return pack


def bench_verify(tmp: Path, pack: bytes, count: int, sample: int) -> None:
    """``pack verify`` of many packs (whole command) vs pyHanko's CLI run once per file."""
    folder = tmp / "packs"
    folder.mkdir()
    entries = __import__("chc_desktop.packs.zip_safe", fromlist=["x"]).read_entries(pack)
    (tmp / "signer.pem").write_bytes(entries["signer.pem"])
    (tmp / "review.pdf").write_bytes(entries["review.pdf"])
    files = []
    for n in range(count):
        path = folder / f"{n:05}.chcpack"
        path.write_bytes(pack)
        files.append(str(path))
    environ = env(tmp / "nobody")
    cmd = [sys.executable, "-m", "chc_desktop", "--home", str(tmp / "nobody"), "pack", "verify"]
    ours = timed(
        lambda: subprocess.run(
            [*cmd, *files, "--json"], env=environ, check=True, capture_output=True
        )
    )
    tool = str(Path(sys.executable).with_name("pyhanko"))
    check = [tool, "sign", "validate", "--trust", str(tmp / "signer.pem"), "--trust-replace"]
    per_file = statistics.median(
        timed(
            lambda: subprocess.run(
                [*check, str(tmp / "review.pdf")], check=True, capture_output=True
            )
        )
        for _ in range(sample)
    )
    print(f"Verify {count} packs, whole command, {os.cpu_count()} cores (goal < 25 s):")
    line(f"pack verify x{count} vs pyhanko CLI per file x{count}", ours, per_file * count, "s",
         f"(pyhanko CLI {per_file:.2f} s/file, median of {sample}; PDF only)")  # fmt: skip


def _write_docx(path: Path) -> None:
    """A minimal .docx with the same amount of text as the review (stdlib zip only)."""
    import zipfile

    body = "".join(
        f"<w:p><w:r><w:t>Domain {i}: evidence recorded daily over four weeks.</w:t></w:r></w:p>"
        for i in range(60)
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>',
        )
