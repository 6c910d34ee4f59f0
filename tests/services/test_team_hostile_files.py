"""Contribution files that are almost right: the strict reader refuses them whole, and a kept
row that no longer reads is left out of the figures instead of breaking them."""

from __future__ import annotations

import json
from datetime import date

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
