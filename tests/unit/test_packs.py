"""Review packs: export, verify (valid vs trusted), amend history, CLI contract."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from chc_desktop.packs import manifest, zip_safe
from chc_desktop.packs.verify import CHECKS, load_certificates, verify_pack
from chc_desktop.services import pack_verify, packs, signing, trust
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput
from chc_desktop.store.models import AuditEvent, ReviewPack
from tests.helpers.cli import Cli
from tests.helpers.signed import MEANING, PASSPHRASE, ready_dst, signed_by_cli, signed_dst


def test_export_writes_a_pack_that_verifies(profile: Profile, tmp_path: Path) -> None:
    aid = signed_dst(profile)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "review.chcpack"
    done = packs.export(profile, aid, PASSPHRASE, out)
    data = out.read_bytes()
    assert [p.name for p in out.parent.iterdir()] == ["review.chcpack"]  # no temp file left
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == sorted(manifest.ENTRIES)
        body = archive.read(manifest.MANIFEST)
        record = archive.read(manifest.RECORD)
    doc = json.loads(body)
    assert body == json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()
    assert doc["format"] == "chc-review-pack" and doc["version"] == 1
    assert doc["assessment_id"] == aid and doc["case_ref"] == "TEST-000001"
    assert doc["record_sha256"] == hashlib.sha256(record).hexdigest()
    assert doc["signer"]["name"] == "Test Assessor" and doc["meaning"] == MEANING
    assert doc["supersedes"] is None
    assert done.manifest_sha256 == hashlib.sha256(body).hexdigest()
    report = verify_pack(str(out), data)
    assert report.valid and not report.trusted, report.errors
    assert report.as_json()["checks"] == dict.fromkeys(CHECKS, "ok")
    own = load_certificates(zip_safe.read_entries(data)[manifest.SIGNER])
    assert verify_pack(str(out), data, own).as_json()["trusted"] is True
    with profile.reading() as session:
        assert session.scalars(select(ReviewPack.manifest_sha256)).all() == [done.manifest_sha256]
        actions = session.scalars(select(AuditEvent.action)).all()
    assert actions[-1] == "pack.export"


def test_pack_audit_trail_ends_at_the_signing(profile: Profile) -> None:
    aid = signed_dst(profile)
    entries = zip_safe.read_entries(packs.build(profile, aid, PASSPHRASE)[0])
    events = [json.loads(line) for line in entries[manifest.AUDIT].splitlines()]
    assert events[0]["action"] == "assessment.new" and events[-1]["action"] == "assessment.sign"
    assert {e["entity"] for e in events} == {f"assessment:{aid}"}
    head = json.loads(entries[manifest.MANIFEST])["audit_head"]
    assert events[-1]["hash"] == head


def test_export_refuses_unsigned_and_wrong_passphrase(profile: Profile, tmp_path: Path) -> None:
    aid = ready_dst(profile)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "p.chcpack"
    with pytest.raises(InvalidInput, match="not signed"):
        packs.export(profile, aid, PASSPHRASE, out)
    signing.sign(profile, aid, MEANING, PASSPHRASE)
    with pytest.raises(InvalidInput, match="wrong passphrase"):
        packs.export(profile, aid, "not it", out)
    with pytest.raises(InvalidInput, match="does not exist"):
        packs.export(profile, aid, PASSPHRASE, tmp_path / "missing" / "p.chcpack")
    assert list(out.parent.iterdir()) == []


def test_amended_pack_names_the_earlier_pack(profile: Profile, tmp_path: Path) -> None:
    first = signed_dst(profile)
    v1 = packs.export(profile, first, PASSPHRASE, tmp_path / "v1.chcpack")
    second = signing.amend(profile, first, "New wound chart received (test)").id
    signing.sign(profile, second, MEANING, PASSPHRASE)
    v2 = packs.export(profile, second, PASSPHRASE, tmp_path / "v2.chcpack")
    body = json.loads(zip_safe.read_entries(v2.path.read_bytes())[manifest.MANIFEST])
    assert body["supersedes"] == v1.manifest_sha256 == v2.supersedes
    assert body["assessment_version"] == 2
    assert body["supersedes_record"] == signing.record_digest(profile, first)
    reports = pack_verify.verify_paths([str(v1.path), str(v2.path)], trust.roots(profile))
    assert all(r.valid and r.trusted for r in reports), [r.errors for r in reports]


@pytest.mark.parametrize("start_method", [None, "spawn"])  # the CLI forks; the GUI spawns
def test_many_packs_verify_in_order_on_all_cores(
    profile: Profile, tmp_path: Path, start_method: str | None
) -> None:
    aid = signed_dst(profile)
    data = packs.build(profile, aid, PASSPHRASE)[0]
    paths = []
    for n in range(pack_verify.IN_PROCESS_BELOW + 4):
        path = tmp_path / f"{n:02}.chcpack"
        path.write_bytes(data if n != 7 else data[:-10])
        paths.append(str(path))
    seen: list[int] = []
    reports = pack_verify.verify_paths(
        paths, progress=lambda _s, done, _t: seen.append(done), workers=2, start_method=start_method
    )
    assert [r.file for r in reports] == paths
    assert [r.valid for r in reports] == [n != 7 for n in range(len(paths))]
    assert seen[-1] == len(paths)


def test_trusted_roots_are_kept_in_the_profile(profile: Profile, tmp_path: Path) -> None:
    from chc_desktop.security import identity

    other = identity.create("Other Lead", None, "pw for test only")
    added = trust.add(profile, other.certificate_pem, "lead.pem")
    assert [r.subject for r in added] == [other.certificate.subject.rfc4514_string()]
    assert trust.add(profile, other.certificate_pem, "lead.pem") == []
    assert len(trust.roots(profile)) == 2  # the added root and the profile's own certificate
    with pytest.raises(InvalidInput, match="no PEM certificate"):
        trust.add(profile, b"junk", "junk.pem")


def test_cli_export_and_verify(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    aid = signed_by_cli(cli, tmp_path)
    out = tmp_path / "out" / "case.chcpack"
    out.parent.mkdir()
    done = cli("pack", "export", aid, "-o", str(out))
    assert done.code == 0, done.err
    assert "wrote" in done.err
    res = cli("pack", "verify", str(out), "--json")
    assert res.code == 0, res.err
    (pack,) = res.json()["packs"]
    assert set(pack) >= {"file", "valid", "trusted", "signer", "checks", "errors"}
    assert pack["valid"] is True and pack["trusted"] is True  # the profile trusts itself
    assert pack["checks"] == dict.fromkeys(CHECKS, "ok") and pack["errors"] == []
    signer = tmp_path / "signer.pem"
    signer.write_bytes(zip_safe.read_entries(out.read_bytes())[manifest.SIGNER])
    alone = Cli(tmp_path / "nobody")  # a verifier with no profile at all
    res = alone("pack", "verify", str(out), "--json")
    assert res.code == 0 and res.json()["packs"][0]["trusted"] is False
    res = alone("pack", "verify", str(out), "--trust", str(signer), "--json")
    assert res.json()["packs"][0]["trusted"] is True
    broken = tmp_path / "broken.chcpack"
    broken.write_bytes(out.read_bytes()[:-40])
    res = alone("pack", "verify", str(out), str(broken))
    assert res.code == 1
    assert "VALID, signer not trusted" in res.out and f"{broken}: INVALID" in res.out
    assert "1 valid, 1 invalid" in res.err
    assert alone("pack", "verify", str(out), "--trust", str(tmp_path / "none.pem")).code == 1


def test_cli_export_refusals(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    aid = signed_by_cli(cli, tmp_path)
    res = cli("pack", "export", aid, "-o", str(tmp_path / "nowhere" / "p.chcpack"))
    assert res.code == 1 and "does not exist" in res.err
    res = cli(
        "pack",
        "export",
        aid,
        "-o",
        str(tmp_path / "p.chcpack"),
        env={"CHC_DESKTOP_PASSPHRASE": "nope"},
    )
    assert res.code == 3  # the store itself does not open with a wrong passphrase
    assert cli("pack", "export", "no-such-id", "-o", str(tmp_path / "p.chcpack")).code == 1
    assert not (tmp_path / "p.chcpack").exists()


def test_demo_has_a_signed_example_ready_to_export(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    demo_env = {"CHC_DESKTOP_PASSPHRASE": "\0unset"}  # the demo's own passphrase is used
    made = cli("demo", "--no-gui", "--cases", "5", env=demo_env)
    assert made.code == 0, made.err
    aid = made.err.split("(assessment ")[1].split(")")[0]
    out = tmp_path / "example.chcpack"
    assert cli("pack", "export", aid, "-o", str(out), env=demo_env).code == 0
    res = cli("pack", "verify", str(out), "--json", env=demo_env)
    assert res.code == 0 and res.json()["packs"][0]["signer"]["name"] == "Demo Assessor"


def test_verify_takes_folders_and_patterns(tmp_path: Path) -> None:
    from chc_desktop.commands.pack_cmd import expand

    (tmp_path / "b.chcpack").write_bytes(b"x")
    (tmp_path / "a.chcpack").write_bytes(b"x")
    (tmp_path / "notes.txt").write_bytes(b"x")
    both = [str(tmp_path / "a.chcpack"), str(tmp_path / "b.chcpack")]
    assert expand([str(tmp_path)]) == both
    assert expand([str(tmp_path / "*.chcpack")]) == both
    assert expand([str(tmp_path / "missing.chcpack")]) == [str(tmp_path / "missing.chcpack")]
    assert expand([str(tmp_path / "none*.chcpack")]) == [str(tmp_path / "none*.chcpack")]
