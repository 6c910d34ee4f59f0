"""Early warning: sustained rises and published high bands, with gentle, non-diagnostic words."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from reflect.domain import early_warning
from reflect.domain.checkin import CheckIn, InstrumentResult
from reflect.domain.checkin_scoring import score_history
from reflect.domain.early_warning import EarlyWarningRules, active_notices
from reflect.domain.instrument_scoring import score
from reflect.services.checkins import load_shipped_checkin
from reflect.services.early_warning import shipped_notice_wording
from reflect.services.instruments import load_shipped_definitions

WORDING = shipped_notice_wording()


def rise_notices(history, rules=None):
    return early_warning.rise_notices(history, rules or EarlyWarningRules(), wording=WORDING)


def band_notices(results, definitions):
    return early_warning.band_notices(results, definitions, wording=WORDING)


DEFINITION = load_shipped_checkin()
ITEMS = [item.id for item in DEFINITION.items]
INSTRUMENTS = {d.id: d for d in load_shipped_definitions()}
START = datetime(2026, 1, 5, 18, 0)
DIAGNOSTIC = re.compile(
    r"diagnosed|you have|disorder|ptsd|depress|illness|sick|suffer", re.IGNORECASE
)


def history(values, only=None):
    items = [i for i in ITEMS if only is None or i.startswith(only + ".")]
    checkins = [
        CheckIn(START + timedelta(days=7 * d), {i: v for i in items}) for d, v in enumerate(values)
    ]
    return score_history(checkins, DEFINITION)


def test_three_checkins_clearly_above_usual_raise_one_overall_notice():
    notices = rise_notices(history([1, 1, 1, 1, 3, 3, 3]))
    assert len(notices) == 1
    notice = notices[0]
    assert notice.kind == "rise" and notice.id.startswith("rise:overall:")
    assert notice.since == START + timedelta(days=28)
    assert notice.links == ("resources", "plan")
    assert "supervisor or someone you trust" in notice.message
    assert not DIAGNOSTIC.search(notice.title + notice.message)


def test_two_high_checkins_or_a_small_rise_are_not_enough():
    assert rise_notices(history([1, 1, 1, 1, 3, 3])) == []
    assert rise_notices(history([1, 1, 1, 1, 1.25, 1.25, 1.25])) == []
    assert rise_notices(history([1, 1, 1, 1, 3, 1, 3, 3])) == []


def test_the_notice_id_stays_the_same_while_the_streak_continues():
    first = rise_notices(history([1, 1, 1, 1, 3, 3, 3]))[0]
    later = rise_notices(history([1, 1, 1, 1, 3, 3, 3, 3]))[0]
    assert first.id == later.id
    assert active_notices([later], {first.id}) == []


def test_a_rise_in_one_category_names_that_category():
    notices = rise_notices(history([0, 0, 0, 0, 3, 3, 3], only="physical"))
    # Only physical items answered: the overall score is those items too, so it rises.
    assert notices and notices[0].id.startswith("rise:overall:")
    mixed = []
    for d, v in enumerate([1, 1, 1, 1, 4, 4, 4]):
        scores = {i: 1 for i in ITEMS}
        scores["spiritual.meaning"] = scores["spiritual.hope"] = v
        mixed.append(CheckIn(START + timedelta(days=d), scores))
    notices = rise_notices(score_history(mixed, DEFINITION))
    assert [n.category for n in notices] == ["spiritual"]
    assert notices[0].id.startswith("rise:spiritual:")
    assert "meaning and hope" in notices[0].message


def result(instrument_id, answers, day):
    return score(INSTRUMENTS[instrument_id], answers).to_result(START + timedelta(days=day))


def test_a_subscale_entering_its_high_band_raises_a_notice():
    calm = [3] * 30
    heavy = [
        5 if i in {8, 10, 19, 21, 26} else 1 if i in {1, 4, 15, 17, 29} else 3 for i in range(1, 31)
    ]
    assert score(INSTRUMENTS["proqol5"], heavy).subscales[1].band.id == "high"
    notices = band_notices([result("proqol5", calm, 0), result("proqol5", heavy, 30)], INSTRUMENTS)
    assert [(n.instrument_id, n.subscale_id) for n in notices] == [("proqol5", "burnout")]
    assert "not a diagnosis" in notices[0].message
    # Staying high keeps the same notice (keyed on the result that entered the band).
    again = band_notices(
        [result("proqol5", calm, 0), result("proqol5", heavy, 30), result("proqol5", heavy, 60)],
        INSTRUMENTS,
    )
    assert again[0].id == notices[0].id
    # Back out of the band: no notice.
    assert (
        band_notices([result("proqol5", heavy, 30), result("proqol5", calm, 60)], INSTRUMENTS) == []
    )


def test_low_wellbeing_and_unknown_instruments():
    notices = band_notices([result("who5", [1, 1, 1, 1, 1], 0)], INSTRUMENTS)
    assert [n.subscale_id for n in notices] == ["wellbeing"]
    assert not DIAGNOSTIC.search(notices[0].message)
    orphan = InstrumentResult("gone", START, [1], {"x": 99})
    assert band_notices([orphan], INSTRUMENTS) == []
    assert band_notices([result("cbi", [5] * 19, 0)], INSTRUMENTS) == []  # no official cut-off


@given(
    st.lists(st.integers(0, 4), min_size=0, max_size=20),
    st.sampled_from(sorted(INSTRUMENTS)),
    st.data(),
)
def test_notices_never_use_diagnostic_words_and_have_unique_ids(values, instrument_id, data):
    definition = INSTRUMENTS[instrument_id]
    answers = data.draw(
        st.lists(
            st.integers(definition.scale.minimum, definition.scale.maximum),
            min_size=definition.item_count,
            max_size=definition.item_count,
        )
    )
    notices = rise_notices(history(values), EarlyWarningRules()) + band_notices(
        [result(instrument_id, answers, 0)], INSTRUMENTS
    )
    assert len({n.id for n in notices}) == len(notices)
    for notice in notices:
        assert not DIAGNOSTIC.search(notice.title + " " + notice.message)
        assert "plan" in notice.message
