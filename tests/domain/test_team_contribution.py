"""The contribution file: coarse figures only, and strict about what it reads."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.domain.team_contribution import (
    BUCKETS,
    FORMAT_V1,
    FORMAT_V2,
    MAX_FILE_BYTES,
    Contribution,
    ContributionError,
    MonthFigures,
    QuestionnaireBand,
    month_figures,
    new_contributor_id,
    parse_contribution,
    reflection_bucket,
    round_half,
)


def sample() -> Contribution:
    return Contribution(
        contributor="0" * 32,
        written="2026-03",
        months=(
            MonthFigures(
                "2026-02",
                {"emotional": 1.5, "positive": 3.0},
                (QuestionnaireBand("proqol5", "burnout", "moderate"),),
                "1-5",
            ),
        ),
    )


def test_round_half_and_buckets():
    assert [round_half(v) for v in (0, 0.24, 0.25, 1.74, 2.75, 4)] == [0, 0, 0.5, 1.5, 3.0, 4]
    assert [reflection_bucket(n) for n in (0, 1, 5, 6, 15, 16, 400)] == [
        "0",
        "1-5",
        "1-5",
        "6-15",
        "6-15",
        "16+",
        "16+",
    ]


def test_month_figures_are_coarse():
    month = month_figures(
        "2026-01",
        {"emotional": [1.0, 2.25, 3.0], "work": [], "positive": [2.9]},
        [
            QuestionnaireBand("who5", "wellbeing", "low"),
            QuestionnaireBand("who5", "wellbeing", "above_low"),  # the later one wins
        ],
        7,
    )
    assert month.checkins == {"emotional": 2.5, "positive": 3.0}
    assert month.questionnaires == (QuestionnaireBand("who5", "wellbeing", "above_low"),)
    assert month.reflections == "6-15"


def test_contributor_ids_are_random_and_well_formed():
    ids = {new_contributor_id() for _ in range(50)}
    assert len(ids) == 50
    parse_contribution(sample().to_bytes(), "f")  # a fresh id parses
    assert all(len(i) == 32 for i in ids)


def test_round_trip():
    assert parse_contribution(sample().to_bytes(), "mine.json") == sample()


def _bad(mutate) -> bytes:
    data = sample().to_json()
    mutate(data)
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.update(name="Alex"), "never has: name"),
        (lambda d: d["months"][0].update(note="hard week"), "never has: note"),
        (lambda d: d["months"][0].update(month="2026-02-14"), "YYYY-MM"),
        (lambda d: d.update(written="2026-03-01"), "YYYY-MM"),
        (lambda d: d["months"][0]["checkins"].update(emotional=1.25), "steps of 0.5"),
        (lambda d: d["months"][0]["checkins"].update(emotional=9), "steps of 0.5"),
        (lambda d: d["months"][0]["checkins"].update(anger=1), "unknown categories"),
        (lambda d: d["months"][0]["checkins"].update(work=True), "steps of 0.5"),
        (lambda d: d["months"][0].update(reflections=3), "must be one of"),
        (lambda d: d["months"][0]["questionnaires"][0].update(band="Very High!"), "identifier"),
        (lambda d: d["months"][0]["questionnaires"][0].update(score=31), "never has: score"),
        (lambda d: d.update(contributor="Alex Smith"), "hexadecimal"),
        (lambda d: d.update(format="something-else"), "format"),
        (lambda d: d["months"].append(dict(d["months"][0])), "twice"),
        (lambda d: d.update(months=[]), "non-empty"),
        (lambda d: d["months"][0].update(month="2027-01"), "after the month"),
        (lambda d: d["months"][0].pop("reflections"), "lacks reflections"),
    ],
)
def test_refuses_anything_off_the_allow_list(mutate, expected):
    with pytest.raises(ContributionError) as caught:
        parse_contribution(_bad(mutate), "bad.json")
    assert "bad.json" in str(caught.value)
    assert expected in str(caught.value)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xfe",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"format": 1, "format": 2}',
        b'{"x": NaN}',
        b"null",
        b" " * (MAX_FILE_BYTES + 1),
        sample().to_bytes()[:-20],
    ],
)
def test_refuses_hostile_files(data):
    with pytest.raises(ContributionError):
        parse_contribution(data, "hostile.json")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data):
    with contextlib.suppress(ContributionError):
        parse_contribution(data, "x")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_random_json_never_crashes(value):
    with contextlib.suppress(ContributionError):
        parse_contribution(json.dumps(value).encode(), "x")


ALLOWED = {
    (): {"format", "contributor", "written", "months"},
    ("months", "*"): {"month", "checkins", "questionnaires", "reflections"},
    ("months", "*", "questionnaires", "*"): {"instrument", "subscale", "band"},
}
# Format 2 adds exactly one field: each month's token.
ALLOWED_V2 = {**ALLOWED, ("months", "*"): ALLOWED[("months", "*")] | {"token"}}


def walk_against_allow_list(node, path=(), allowed=None):
    """Every object's keys are on the fixed list; strings are ids, months or buckets only."""
    if allowed is None:
        assert node.get("format") in (FORMAT_V1, FORMAT_V2)
        allowed = ALLOWED_V2 if node["format"] == FORMAT_V2 else ALLOWED
    if isinstance(node, dict):
        if path[-1:] == ("checkins",):
            assert set(node) <= {
                "emotional",
                "physical",
                "cognitive",
                "behavioural",
                "relational",
                "spiritual",
                "work",
                "positive",
            }
            assert all(isinstance(v, int | float) and (v * 2) % 1 == 0 for v in node.values())
            return
        assert set(node) == allowed[path], (path, set(node))
        for key, value in node.items():
            walk_against_allow_list(value, (*path, key), allowed)
    elif isinstance(node, list):
        for value in node:
            walk_against_allow_list(value, (*path, "*"), allowed)
    elif isinstance(node, str):
        field = path[-1]
        if field in ("month", "written"):
            assert len(node) == 7 and node[4] == "-", node  # never a day
        elif field == "reflections":
            assert node in BUCKETS
        elif field == "format":
            assert node in (FORMAT_V1, FORMAT_V2)
        elif field == "token":
            assert len(node) == 32 and set(node) <= set("0123456789abcdef")
        else:
            assert node.replace("_", "").replace("-", "").isalnum() and node == node.lower()
            assert " " not in node
    else:
        assert isinstance(node, int | float) and not isinstance(node, bool)


def test_sample_walks_clean():
    walk_against_allow_list(json.loads(sample().to_bytes()))


def test_a_version_2_sample_walks_clean_and_version_1_has_no_token():
    from reflect.domain.team_contribution import month_token

    old = sample()
    new = Contribution(
        old.contributor,
        old.written,
        tuple(
            MonthFigures(
                m.month, m.checkins, m.questionnaires, m.reflections, month_token(b"k", m.month)
            )
            for m in old.months
        ),
    )
    content = json.loads(new.to_bytes())
    assert (
        content["format"] == FORMAT_V2 and set(content["months"][0]) == ALLOWED_V2[("months", "*")]
    )
    walk_against_allow_list(content)
    with pytest.raises(AssertionError):  # the v1 list really is narrower
        walk_against_allow_list({**content, "format": FORMAT_V1})
