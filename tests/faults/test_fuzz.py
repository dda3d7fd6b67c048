"""Property-based fuzzing of every parser that reads outside input, and of the pack reader.

Each must return typed problems (never raise anything else), in bounded time and memory.
Inputs per target: FUZZ_EXAMPLES (default 300).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chc_desktop.domain import assessment_doc, case_import
from chc_desktop.packs import zip_safe
from chc_desktop.packs.verify import verify_pack
from chc_desktop.services import profiles
from chc_desktop.services.profile_files import ProfileLocation
from tests.helpers.data import case_dicts, to_csv
from tests.helpers.qa_docs import clean_dst
from tests.helpers.signed import PASSPHRASE, pack_of, signed_dst

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
TODAY = date(2026, 11, 24)
MAX_SECONDS, MAX_BYTES = 2.0, 64 * 1024 * 1024
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip


def bounded(fn: Callable[[], Any]) -> Any:
    """Run ``fn``; fail if it takes too long or allocates too much."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        return fn()
    finally:
        elapsed = time.perf_counter() - start
        _now, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert elapsed < MAX_SECONDS, f"took {elapsed:.2f} s"
        assert peak < MAX_BYTES, f"peak {peak} bytes"


def _mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        at = rng.randrange(len(out) + 1)
        if choice < 0.5 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif choice < 0.75:
            out[at:at] = rng.randbytes(rng.randint(1, 16))
        else:
            del out[at : at + rng.randint(1, 64)]
    return bytes(out)


GOOD_CSV = to_csv(case_dicts(5))
GOOD_JSON = json.dumps({"format": "chc-cases", "version": 1, "cases": case_dicts(5)}).encode()


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(["csv", "json"]))
def test_case_import_parser_on_random_bytes(data: bytes, kind: str) -> None:
    parsed = bounded(lambda: case_import.parse(data, kind, TODAY))
    assert all(isinstance(p, case_import.ImportProblem) for p in parsed.problems)


@FUZZ
@given(st.randoms(use_true_random=False), st.sampled_from([("csv", GOOD_CSV), ("json", GOOD_JSON)]))
def test_case_import_parser_on_mutated_files(rng: random.Random, sample: tuple[str, bytes]) -> None:
    kind, good = sample
    parsed = bounded(lambda: case_import.parse(_mutate(good, rng), kind, TODAY))
    assert all(isinstance(p, case_import.ImportProblem) for p in parsed.problems)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=20), inner, max_size=6)
    ),
    max_leaves=40,
)


@FUZZ
@given(JSONISH)
def test_assessment_parser_on_any_json(doc: Any) -> None:
    parsed, problems = bounded(lambda: assessment_doc.parse(doc))
    assert (parsed is None) == bool(problems) or problems


@FUZZ
@given(st.randoms(use_true_random=False), JSONISH)
def test_assessment_parser_on_damaged_documents(rng: random.Random, junk: Any) -> None:
    doc = clean_dst()
    target: Any = doc
    for _ in range(rng.randint(1, 3)):  # walk somewhere into the document and replace a value
        if not isinstance(target, dict) or not target:
            break
        key = rng.choice(sorted(target))
        if rng.random() < 0.5 or not isinstance(target[key], dict):
            target[key] = junk
            break
        target = target[key]
    bounded(lambda: assessment_doc.parse(doc))


@pytest.fixture(scope="module")
def real_pack(
    template_profile: ProfileLocation, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[bytes]:
    home = tmp_path_factory.mktemp("fuzz") / "home"
    shutil.copytree(template_profile.home, home)
    profile = profiles.unlock(ProfileLocation(home, template_profile.name), PASSPHRASE)
    try:
        yield pack_of(profile, signed_dst(profile))
    finally:
        profile.close()


def test_pack_reader_on_mutated_packs(real_pack: bytes) -> None:
    @FUZZ
    @given(st.randoms(use_true_random=False), st.booleans())
    def run(rng: random.Random, inner: bool) -> None:
        if inner:  # damage one entry and re-zip, so the deeper checks see it
            entries = dict(zip_safe.read_entries(real_pack))
            name = rng.choice(sorted(entries))
            entries[name] = _mutate(entries[name], rng)
            data = zip_safe.write_entries(entries)
        else:
            data = _mutate(real_pack, rng)
        report = bounded(lambda: verify_pack("fuzz", data))
        if report.valid:  # only zip bookkeeping changed (e.g. a timestamp): the content is intact
            assert zip_safe.read_entries(data) == zip_safe.read_entries(real_pack)
        else:
            assert report.errors

    run()


@FUZZ
@given(st.binary(max_size=8192))
def test_pack_reader_on_random_bytes(data: bytes) -> None:
    report = bounded(lambda: verify_pack("fuzz", data))
    assert not report.valid
