"""Hostile zips are refused before anything is inflated, and nothing is ever written to disk."""

from __future__ import annotations

import io
import random
import stat
import warnings
import zipfile
from pathlib import Path

import pytest

from chc_desktop.packs import zip_safe
from chc_desktop.packs.verify import FAILED, verify_pack
from tests.helpers.cli import Cli


def raw_zip(*entries: tuple[str, bytes], link: str | None = None) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names we want
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, content in entries:
                archive.writestr(name, content)
            if link:
                info = zipfile.ZipInfo(link)
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                archive.writestr(info, "/etc/passwd")
    return out.getvalue()


HOSTILE = {
    "parent path": (raw_zip(("../evil.txt", b"x")), "climbs out of the pack"),
    "nested parent path": (raw_zip(("a/../../evil.txt", b"x")), "climbs out of the pack"),
    "absolute path": (raw_zip(("/tmp/evil.txt", b"x")), "absolute path"),
    "windows drive": (raw_zip(("C:evil.txt", b"x")), "absolute path"),
    "folder": (raw_zip(("docs/", b"")), "packs hold no folders"),
    "link": (raw_zip(("manifest.json", b"{}"), link="signer.pem"), "is a link"),
    "duplicate": (raw_zip(("review.pdf", b"a"), ("review.pdf", b"b")), "appears twice"),
    "too many": (raw_zip(*((f"f{n}.txt", b"x") for n in range(40))), "at most 16"),
    "bomb": (raw_zip(("review.pdf", b"\0" * (10 * 1024 * 1024))), "zip bomb"),
    "not a zip": (b"%PDF-1.7 not a zip at all", "not a readable zip"),
    "empty": (b"", "not a readable zip"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_zip_is_refused(case: str) -> None:
    data, reason = HOSTILE[case]
    with pytest.raises(zip_safe.UnsafeZip, match=reason):
        zip_safe.read_entries(data)
    report = verify_pack("p", data)
    assert report.checks["zip"] == FAILED and reason in report.errors[0]
    assert set(report.checks.values()) == {FAILED, "not checked"}


def test_limits_are_checked_before_inflating() -> None:
    big = raw_zip(("review.pdf", random.Random(1).randbytes(1024 * 1024)))  # incompressible
    limits = zip_safe.Limits(entry_bytes=512 * 1024)
    with pytest.raises(zip_safe.UnsafeZip, match="would unpack to 1048576 bytes"):
        zip_safe.read_entries(big, limits)
    with pytest.raises(zip_safe.UnsafeZip, match="more than 262144 bytes"):
        zip_safe.read_entries(big, zip_safe.Limits(total_bytes=256 * 1024))


def test_a_header_that_understates_the_size_is_caught() -> None:
    data = bytearray(raw_zip(("review.pdf", b"A" * 5000)))
    central = data.rindex(b"PK\x01\x02")
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")  # uncompressed size
    local = data.index(b"PK\x03\x04")
    data[local + 22 : local + 26] = (100).to_bytes(4, "little")
    with pytest.raises(zip_safe.UnsafeZip):
        zip_safe.read_entries(bytes(data))


def test_cli_writes_nothing_for_hostile_packs(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    files = []
    for n, case in enumerate(sorted(HOSTILE)):
        path = work / f"{n}.chcpack"
        path.write_bytes(HOSTILE[case][0])
        files.append(str(path))
    before = sorted(p for p in tmp_path.rglob("*"))
    res = Cli(tmp_path)("pack", "verify", *files, "--json", cwd=work)
    assert res.code == 1
    assert all(not p["valid"] for p in res.json()["packs"])
    after = sorted(p for p in tmp_path.rglob("*"))
    assert after == before
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()
