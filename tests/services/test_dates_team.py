"""Team contribution months across time zones and the year's end.

A contribution says the month it was written in, by the contributor's own clock. Clocks on
Earth differ by up to 26 hours (UTC+14 to UTC-12): a file written at 00:30 on 1 March in
Kiribati was written on 27 February, 22:30, by a coordinator's clock on Baker Island. It
must be accepted there, while a month that has truly not begun is still refused.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from reflect.domain.team_contribution import ContributionError
from reflect.services.demo_team import demo_contributions
from reflect.services.team import read_contribution_file
from reflect.services.team_contribute import choose_period, month_range


def _written_in(tmp_path, month: str):
    contribution = demo_contributions(1, date(2026, 2, 1), seed=1)[0]
    path = tmp_path / "c.json"
    path.write_bytes(replace(contribution, written=month).to_bytes())
    return path


def test_a_file_from_the_earliest_zone_is_accepted_where_the_month_has_not_begun(tmp_path):
    path = _written_in(tmp_path, "2026-03")
    assert read_contribution_file(path, today=date(2026, 2, 27)).written == "2026-03"


def test_a_month_that_has_not_begun_anywhere_is_refused(tmp_path):
    path = _written_in(tmp_path, "2026-03")
    with pytest.raises(ContributionError, match="has not come yet"):
        read_contribution_file(path, today=date(2026, 2, 26))


def test_the_default_period_crosses_the_year_end():
    assert choose_period(None, None, date(2027, 1, 1)) == ("2026-11", "2027-01")
    assert month_range("2026-11", "2027-02") == ["2026-11", "2026-12", "2027-01", "2027-02"]
