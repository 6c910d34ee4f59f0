"""Scoring engine: published facts, reverse items, bounds and bands (with hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.domain.errors import ValidationError
from reflect.domain.instrument_scoring import check_answers, parse_answers, score, subscale_range
from reflect.services.instruments import load_shipped_definitions

DEFINITIONS = {d.id: d for d in load_shipped_definitions()}
PROQOL, WHO5, STSS, CBI = (DEFINITIONS[k] for k in ("proqol5", "who5", "stss", "cbi"))


def answers_for(definition):
    scale = definition.scale
    return st.lists(
        st.integers(scale.minimum, scale.maximum),
        min_size=definition.item_count,
        max_size=definition.item_count,
    )


def by_id(result):
    return {s.subscale.id: s for s in result.subscales}


def test_proqol_reverse_items_are_scored_six_minus_answer():
    answers = [1] * 30
    scores = by_id(score(PROQOL, answers))
    # Burnout: five reverse items (1, 4, 15, 17, 29) become 5, the other five stay 1.
    assert scores["burnout"].score == 5 * 5 + 5 * 1
    assert scores["compassion_satisfaction"].score == 10
    assert scores["compassion_satisfaction"].band.id == "low"
    assert scores["compassion_satisfaction"].in_notice_band


@given(answers_for(PROQOL))
def test_proqol_matches_the_manual_key(answers):
    reverse = {1, 4, 15, 17, 29}
    keys = {
        "compassion_satisfaction": [3, 6, 12, 16, 18, 20, 22, 24, 27, 30],
        "burnout": [1, 4, 8, 10, 15, 17, 19, 21, 26, 29],
        "secondary_traumatic_stress": [2, 5, 7, 9, 11, 13, 14, 23, 25, 28],
    }
    scores = by_id(score(PROQOL, answers))
    for subscale, items in keys.items():
        expected = sum(6 - answers[i - 1] if i in reverse else answers[i - 1] for i in items)
        assert scores[subscale].score == expected
        band = "low" if expected <= 22 else "high" if expected >= 42 else "moderate"
        assert scores[subscale].band.id == band


@pytest.mark.parametrize(
    "total, band",
    [
        (17, "little"),
        (27, "little"),
        (28, "mild"),
        (37, "mild"),
        (38, "moderate"),
        (43, "moderate"),
        (44, "high"),
        (48, "high"),
        (49, "severe"),
        (85, "severe"),
    ],
)
def test_stss_bands_follow_bride_2007(total, band):
    answers = [1] * 17
    extra = total - 17
    for index in range(17):
        step = min(4, extra)
        answers[index] += step
        extra -= step
    result = by_id(score(STSS, answers))
    assert result["total"].score == total
    assert result["total"].band.id == band
    assert result["total"].in_notice_band == (band in {"high", "severe"})


@pytest.mark.parametrize(
    "raw, expected, band",
    [
        (0, 0, "very_low"),
        (7, 28, "very_low"),
        (8, 32, "low"),
        (12, 48, "low"),
        (13, 52, "above_low"),
        (25, 100, "above_low"),
    ],
)
def test_who5_is_raw_times_four(raw, expected, band):
    answers = [0] * 5
    for index in range(5):
        answers[index] = min(5, raw - sum(answers))
    result = by_id(score(WHO5, answers))["wellbeing"]
    assert result.score == expected
    assert result.band.id == band


def test_cbi_points_means_and_reverse_item_13():
    top = by_id(score(CBI, [5] * 19))
    assert top["personal"].score == 100
    assert top["client"].score == 100
    assert top["work"].score == round(600 / 7, 2)  # item 13 reversed to 0 points
    bottom = by_id(score(CBI, [1] * 19))
    assert bottom["work"].score == round(100 / 7, 2)
    assert all(s.band is None for s in bottom.values())  # no official cut-off


@settings(max_examples=150)
@given(st.sampled_from(sorted(DEFINITIONS)), st.data())
def test_scores_stay_within_their_bounds_and_banded_scales_always_get_a_band(instrument_id, data):
    definition = DEFINITIONS[instrument_id]
    answers = data.draw(answers_for(definition))
    for result in score(definition, answers).subscales:
        low, high = subscale_range(definition, result.subscale)
        assert low <= result.score <= high
        assert (result.minimum, result.maximum) == (low, high)
        if result.subscale.bands:
            assert result.band is not None


@settings(max_examples=150)
@given(st.sampled_from(sorted(DEFINITIONS)), st.data())
def test_raising_one_answer_moves_scores_the_right_way(instrument_id, data):
    definition = DEFINITIONS[instrument_id]
    answers = data.draw(answers_for(definition))
    item = data.draw(st.integers(1, definition.item_count))
    if answers[item - 1] == definition.scale.maximum:
        return
    higher = list(answers)
    higher[item - 1] += 1
    before, after = by_id(score(definition, answers)), by_id(score(definition, higher))
    for subscale in definition.subscales:
        change = after[subscale.id].score - before[subscale.id].score
        if item not in subscale.items:
            assert change == 0
        elif item in definition.reverse_items:
            assert change < 0
        else:
            assert change > 0


@settings(max_examples=100)
@given(st.sampled_from(sorted(DEFINITIONS)), st.data())
def test_bands_never_go_down_as_scores_go_up(instrument_id, data):
    definition = DEFINITIONS[instrument_id]
    for subscale in definition.subscales:
        if not subscale.bands:
            continue
        a, b = sorted(
            data.draw(st.lists(st.floats(-50, 150, allow_nan=False), min_size=2, max_size=2))
        )
        band_a, band_b = subscale.band_for(a), subscale.band_for(b)
        if band_a and band_b:
            assert subscale.bands.index(band_a) <= subscale.bands.index(band_b)


def test_wrong_answer_count_and_out_of_range_answers_are_named():
    with pytest.raises(ValidationError, match="30 items; 3 answers"):
        score(PROQOL, [1, 2, 3])
    with pytest.raises(ValidationError, match=r"from 1 to 5; check items 2, 5"):
        check_answers(STSS, [1, 0, 3, 3, 6] + [1] * 12)


@given(answers_for(PROQOL), st.sampled_from([",", " ", ", ", ";", ""]))
def test_parse_answers_round_trips_typed_forms(answers, separator):
    assert parse_answers(separator.join(map(str, answers)), PROQOL) == answers


def test_parse_answers_rejects_words():
    with pytest.raises(ValidationError, match="Answer 2"):
        parse_answers("1, two, 3", PROQOL)


def test_result_dict_is_the_stable_cli_shape():
    data = score(WHO5, [3, 3, 3, 3, 3]).as_dict()
    assert data["instrument"] == "who5"
    assert data["subscales"][0]["score"] == 60
    assert data["subscales"][0]["band"] == "above_low"
    assert set(data) >= {
        "instrument",
        "name",
        "time_frame",
        "answers",
        "subscales",
        "caveats",
        "citation",
        "note",
    }
