"""DST levels and the indication: every threshold boundary, plus monotonicity properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain.dst import (
    DOMAINS,
    PRIORITY_DOMAINS,
    VALID_LEVELS,
    InvalidLevel,
    Level,
    check_level,
)
from chc_desktop.domain.indication import Indication, Thresholds, indicate

RANK = {i: lv for i, lv in enumerate(Level)}


def test_domain_facts() -> None:
    assert DOMAINS[0] == "breathing" and DOMAINS[-1] == "other"
    assert {"breathing", "behaviour", "drug_therapies", "altered_states"} == PRIORITY_DOMAINS
    assert Level.SEVERE not in VALID_LEVELS["altered_states"]
    assert VALID_LEVELS["continence"][-1] is Level.HIGH


def test_invalid_level_names_domain_and_accepted_levels() -> None:
    with pytest.raises(InvalidLevel) as err:
        check_level("continence", "severe")
    assert (
        str(err.value)
        == "continence does not accept 'severe'; it accepts: no_needs, low, moderate, high"
    )
    with pytest.raises(InvalidLevel, match="unknown domain"):
        check_level("hearing", "low")


@given(st.sampled_from(DOMAINS), st.text(max_size=12))
def test_every_invalid_level_is_rejected(domain: str, level: str) -> None:
    valid = {lv.value for lv in VALID_LEVELS[domain]}
    if level in valid:
        assert check_level(domain, level).value == level
    else:
        with pytest.raises(InvalidLevel):
            check_level(domain, level)


@given(st.sampled_from(DOMAINS), st.sampled_from(list(Level)))
def test_every_domain_level_pair_is_accepted_exactly_when_valid(domain: str, level: Level) -> None:
    if level in VALID_LEVELS[domain]:
        check_level(domain, level.value)
    else:
        with pytest.raises(InvalidLevel):
            check_level(domain, level.value)


T = Thresholds(severe_with_other_needs=2, high_domains=2, moderate_or_high_domains=5)


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ({}, Indication.NONE),
        ({"breathing": "priority"}, Indication.CLEAR),
        ({"altered_states": "priority"}, Indication.CLEAR),
        ({"cognition": "severe"}, Indication.NONE),
        ({"cognition": "severe", "behaviour": "severe"}, Indication.CLEAR),
        # one severe with others at moderate+: boundary at 2 (threshold) vs 1
        ({"cognition": "severe", "mobility": "moderate"}, Indication.NONE),
        ({"cognition": "severe", "mobility": "moderate", "skin": "moderate"}, Indication.POSSIBLE),
        ({"cognition": "severe", "mobility": "low", "skin": "low"}, Indication.NONE),
        # high domains: boundary at 2
        ({"mobility": "high"}, Indication.NONE),
        ({"mobility": "high", "skin": "high"}, Indication.POSSIBLE),
        # moderate or above: boundary at 5
        ({d: "moderate" for d in DOMAINS[:4]}, Indication.NONE),
        ({d: "moderate" for d in DOMAINS[:5]}, Indication.POSSIBLE),
        ({d: "low" for d in DOMAINS}, Indication.NONE),
        ({d: "no_needs" for d in DOMAINS}, Indication.NONE),
    ],
)
def test_indication_boundaries(levels: dict[str, str], expected: Indication) -> None:
    assert indicate(levels, T).indication is expected


def test_thresholds_are_configurable() -> None:
    levels = {"mobility": "high", "skin": "high"}
    assert indicate(levels, Thresholds(high_domains=3)).indication is Indication.NONE
    assert indicate(levels, Thresholds(high_domains=2)).indication is Indication.POSSIBLE


def test_reasons_and_counts_and_missing() -> None:
    result = indicate(
        {"cognition": "severe", "behaviour": "severe", "mobility": "high", "skin": "low"}
    )
    assert result.reasons == ["2 domains at severe or above: cognition, behaviour"]
    assert result.counts == {
        "priority": 0,
        "severe": 2,
        "high": 1,
        "moderate": 0,
        "low": 1,
        "no_needs": 0,
    }
    assert "breathing" in result.missing and "cognition" not in result.missing
    assert set(result.as_json()) == {"indication", "reasons", "counts", "missing"}


def test_explanations_mention_each_threshold() -> None:
    text = " ".join(
        Thresholds(severe_with_other_needs=3, high_domains=4, moderate_or_high_domains=6).explain()
    )
    assert "3 or more other" in text and "4 or more domains at High" in text and "6 or more" in text


levels_strategy = st.fixed_dictionaries(
    {}, optional={d: st.sampled_from([lv.value for lv in VALID_LEVELS[d]]) for d in DOMAINS}
)
ORDER = {Indication.NONE: 0, Indication.POSSIBLE: 1, Indication.CLEAR: 2}


@given(levels_strategy, st.sampled_from(DOMAINS), st.data())
def test_raising_any_level_never_lowers_the_indication(
    levels: dict[str, str], domain: str, data: st.DataObject
) -> None:
    valid = VALID_LEVELS[domain]
    current = Level(levels[domain]) if domain in levels else None
    higher = [lv for lv in valid if current is None or lv.rank > current.rank]
    if not higher:
        return
    raised = {**levels, domain: data.draw(st.sampled_from(higher)).value}
    assert ORDER[indicate(raised).indication] >= ORDER[indicate(levels).indication]
