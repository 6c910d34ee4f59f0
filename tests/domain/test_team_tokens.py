"""Per-month tokens (reflect-team-contribution/2): one person's files from overlapping rounds
count that person once per month, so the minimum group cannot be reached by repetition."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.domain.team_contribution import (
    BUCKETS,
    FORMAT_V1,
    FORMAT_V2,
    Contribution,
    ContributionError,
    MonthFigures,
    month_token,
    new_contributor_id,
    new_team_secret,
    parse_contribution,
)
from reflect.domain.team_summary import summarise

MONTHS = ("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06")


def secret_of(person: int) -> bytes:
    return hashlib.sha256(f"test person {person}".encode()).digest()


def v2_file(person: int, months, written=None, emotional=1.0, bucket="1-5") -> Contribution:
    """One file from ``person``: a fresh contributor id, the person's own tokens."""
    secret = secret_of(person)
    return Contribution(
        contributor=new_contributor_id(),
        written=written or max(months),
        months=tuple(
            MonthFigures(m, {"emotional": emotional}, (), bucket, token=month_token(secret, m))
            for m in sorted(months)
        ),
    )


def monthly_rounds(person: int, emotional: float = 1.0) -> list[Contribution]:
    """A monthly round, each file covering the default three months: March, April, May."""
    return [
        v2_file(person, MONTHS[0:3], emotional=emotional),
        v2_file(person, MONTHS[1:4], emotional=emotional),
        v2_file(person, MONTHS[2:5], emotional=emotional),
    ]


# --- the token ------------------------------------------------------------------------------


def test_token_is_hmac_of_the_month_name():
    import hmac

    secret = bytes(range(32))
    expected = hmac.new(secret, b"reflect-team-month:2026-03", hashlib.sha256).hexdigest()[:32]
    assert month_token(secret, "2026-03") == expected
    assert month_token(secret, "2026-03") != month_token(secret, "2026-04")
    assert month_token(secret, "2026-03") != month_token(bytes(32), "2026-03")
    assert len(new_team_secret()) == 32 and new_team_secret() != new_team_secret()


def test_v2_file_round_trips_and_says_its_format():
    contribution = v2_file(1, MONTHS[:3])
    data = json.loads(contribution.to_bytes())
    assert data["format"] == FORMAT_V2
    assert [m["token"] for m in data["months"]] == [m.token for m in contribution.months]
    assert parse_contribution(contribution.to_bytes(), "f.json") == contribution


def test_a_version_1_file_still_reads_and_counts_as_before():
    old = Contribution(
        "0" * 32, "2026-03", (MonthFigures("2026-02", {"emotional": 1.5}, (), "1-5"),)
    )
    raw = old.to_bytes()
    assert json.loads(raw)["format"] == FORMAT_V1
    assert "token" not in json.loads(raw)["months"][0]
    read = parse_contribution(raw, "old.json")
    assert read == old and read.months[0].token is None
    five = [
        Contribution(f"{i:032x}", "2026-03", (MonthFigures("2026-02", {}, (), "0"),))
        for i in range(5)
    ]
    summary = summarise(five)
    assert summary.contributors == 5 and summary.months[0].contributors == 5


# --- hostile version 2 files ------------------------------------------------------------------


def _mutated(mutate) -> bytes:
    data = v2_file(1, MONTHS[:3]).to_json()
    mutate(data)
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["months"][1].pop("token"), "months[1] lacks token"),
        (lambda d: d["months"][0].update(token="A" * 32), "token must be 32"),
        (lambda d: d["months"][0].update(token="0" * 31), "token must be 32"),
        (lambda d: d["months"][0].update(token="0" * 33), "token must be 32"),
        (lambda d: d["months"][0].update(token=12), "token must be 32"),
        (lambda d: d["months"][0].update(token=d["months"][0]["token"] + "\n"), "token must"),
        (lambda d: d["months"][2].update(token=d["months"][0]["token"]), "another month"),
        (lambda d: d.update(format=FORMAT_V1), "never has: token"),
        (lambda d: d.update(format="reflect-team-contribution/3"), "format"),
    ],
)
def test_hostile_version_2_files_are_refused_naming_the_file(mutate, expected):
    with pytest.raises(ContributionError) as caught:
        parse_contribution(_mutated(mutate), "bad.json")
    assert "bad.json" in str(caught.value)
    assert expected in str(caught.value)


# --- combining --------------------------------------------------------------------------------


def test_two_people_sending_overlapping_monthly_files_count_as_two():
    files = monthly_rounds(1) + monthly_rounds(2)
    summary = summarise(files)
    assert summary.contributors == 2
    assert summary.suppressed  # two people: nothing at all is shown
    for month in summary.months:
        assert month.contributors is None
        assert all(v is None for v in month.categories.values())


def test_five_people_with_overlapping_rounds_show_five_not_fifteen():
    files = [f for person in range(5) for f in monthly_rounds(person)]
    summary = summarise(files)
    assert summary.contributors == 5
    shown = {m.month: m.contributors for m in summary.months}
    assert shown == dict.fromkeys(MONTHS[:5], 5)
    march = next(m for m in summary.months if m.month == "2026-03")
    assert march.categories["emotional"] is not None  # five values, one per person


def test_a_month_sent_again_in_a_later_file_replaces_the_earlier_figures():
    files = []
    for person in range(5):
        files.append(v2_file(person, ["2026-01"], written="2026-01", emotional=0.0))
        files.append(v2_file(person, ["2026-01", "2026-02"], written="2026-02", emotional=4.0))
    for order in (files, files[::-1]):  # the later-written file wins, whatever the order
        january = summarise(order).months[0]
        assert january.contributors == 5
        assert january.categories["emotional"].median == 4.0
    # Written the same month: the one given later wins (as for a repeated contributor id).
    same = [v2_file(p, ["2026-01"], written="2026-02", emotional=0.0) for p in range(5)]
    again = [v2_file(p, ["2026-01"], written="2026-02", emotional=3.0) for p in range(5)]
    assert summarise(same + again).months[0].categories["emotional"].median == 3.0
    assert summarise(again + same).months[0].categories["emotional"].median == 0.0


def test_people_linked_by_a_shared_month_are_one_in_the_total():
    # Five people in January; two of them also sent a later file that shares a month with
    # the first: the total stays 5, so February (3 people) is hidden and January shows.
    files = [v2_file(p, ["2026-01"]) for p in range(5)]
    files += [v2_file(p, ["2026-01", "2026-02"], written="2026-02") for p in range(3)]
    summary = summarise(files)
    assert summary.contributors == 5
    months = {m.month: m.contributors for m in summary.months}
    assert months == {"2026-01": 5, "2026-02": None}


# --- property: random people, rounds and overlaps ---------------------------------------------

rounds_strategy = st.lists(
    st.lists(  # one person's files
        st.tuples(
            st.integers(0, len(MONTHS) - 1),  # first month of the window
            st.integers(1, 3),  # its length
            st.integers(0, 1),  # written that many months after its last month
            st.sampled_from([0.0, 1.0, 2.5, 4.0]),
            st.sampled_from(BUCKETS),
        ),
        min_size=1,
        max_size=4,
    ),
    min_size=1,
    max_size=9,
)


@settings(max_examples=200, deadline=None)
@given(rounds_strategy, st.integers(5, 6))
def test_every_shown_month_counts_distinct_people(people, minimum):
    files = []
    covering: dict[str, set[int]] = {}
    for person, windows in enumerate(people):
        for first, length, late, emotional, bucket in windows:
            months = MONTHS[first : first + length]
            written_index = min(MONTHS.index(months[-1]) + late, len(MONTHS) - 1)
            files.append(
                v2_file(person, months, MONTHS[written_index], emotional=emotional, bucket=bucket)
            )
            for month in months:
                covering.setdefault(month, set()).add(person)
    summary = summarise(files, minimum)
    assert summary.contributors >= len(people)  # never fewer people than there are
    for month in summary.months:
        truth = len(covering[month.month])
        if month.contributors is None:
            assert all(v is None for v in month.categories.values())
            assert all(v is None for v in month.reflections.values())
            continue
        assert month.contributors == truth >= minimum
        assert all(v is None or v >= minimum for v in month.reflections.values())
        assert sum(v for v in month.reflections.values() if v is not None) <= truth
        if month.categories["emotional"] is not None:
            assert truth >= minimum
