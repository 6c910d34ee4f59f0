"""Contribution files that are almost right: the strict reader refuses them whole, and a kept
row that no longer reads is left out of the figures instead of breaking them."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.domain.team_contribution import ContributionError, parse_contribution
from reflect.services.demo_team import demo_contributions

TODAY = date(2026, 3, 20)


def _valid() -> dict:
    return {
        "format": "reflect-team-contribution/1",
        "contributor": "a" * 32,
        "written": "2026-03",
        "months": [
            {
                "month": "2026-03",
                "checkins": {"positive": 2.5},
                "questionnaires": [{"instrument": "who5", "subscale": "total", "band": "low"}],
                "reflections": "1-5",
            }
        ],
    }


def _places():
    return [
        lambda d, s: d.update(contributor=d["contributor"] + s),
        lambda d, s: d.update(written=d["written"] + s),
        lambda d, s: d["months"][0].update(month=d["months"][0]["month"] + s),
        lambda d, s: d["months"][0]["questionnaires"][0].update(band="low" + s),
        lambda d, s: d["months"][0]["questionnaires"][0].update(instrument="who5" + s),
    ]


@pytest.mark.parametrize("place", range(5))
def test_a_trailing_line_break_in_an_identifier_is_refused(place):
    """'2026-03\\n' used to pass as a month ('$' matches before a final line break), so the
    same calendar month could appear twice in the figures, once under each spelling."""
    assert parse_contribution(json.dumps(_valid()).encode(), "ok.json")
    data = _valid()
    _places()[place](data, "\n")
    with pytest.raises(ContributionError):
        parse_contribution(json.dumps(data).encode(), "odd.json")


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 4), st.text(min_size=1, max_size=4))
def test_anything_appended_to_an_identifier_is_refused_or_still_well_formed(place, suffix):
    data = _valid()
    _places()[place](data, suffix)
    try:
        read = parse_contribution(json.dumps(data).encode(), "fuzz.json")
    except ContributionError:
        return
    month = read.months[0]
    assert all(c.isascii() and c.isprintable() for c in read.contributor + read.written)
    assert month.month.isascii() and month.month.isprintable()
    for q in month.questionnaires:
        assert (q.instrument + q.subscale + q.band).isprintable()


def test_a_kept_contribution_that_no_longer_reads_is_left_out(session, tmp_path):
    """The repository means to skip a stored row that fails validation (written by a newer
    or looser version), but caught only ValueError: ContributionError broke the figures."""
    team = session.team
    files = []
    for index, contribution in enumerate(demo_contributions(6, TODAY)):
        path = tmp_path / f"c{index}.json"
        path.write_bytes(contribution.to_bytes())
        files.append(path)
    team.import_files(files)
    bad = _valid()
    bad["contributor"] = "b" * 32
    bad["months"][0]["reflections"] = "lots"
    with session.db.atomic():
        session.db.table("team_contributions").insert(
            {
                "contributor": "b" * 32,
                "written": "2026-03",
                "imported_at": "2026-03-20T10:00:00",
                "content": json.dumps(bad),
            }
        )
    summary = team.summary()
    assert summary.contributors == 6 and not summary.suppressed


def test_importing_the_same_files_again_changes_nothing(session, tmp_path):
    """Re-importing a file used to count as 'replaced by a newer file' (an equal month was
    treated as newer), though the docs promise that it changes nothing."""
    team = session.team
    files = []
    for index, contribution in enumerate(demo_contributions(6, TODAY)):
        path = tmp_path / f"c{index}.json"
        path.write_bytes(contribution.to_bytes())
        files.append(path)
    assert team.import_files(files).added == 6
    stamps = session.db.execute("SELECT imported_at FROM team_contributions").fetchall()
    again = team.import_files(files[:2], now=datetime(2030, 1, 1))
    assert (again.added, again.replaced, again.unchanged) == (0, 0, 2)
    assert session.db.execute("SELECT imported_at FROM team_contributions").fetchall() == stamps
