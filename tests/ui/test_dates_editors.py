"""Date-and-time editors keep a reflection's wall-clock time, whatever this computer's zone.

Reflect stores the time a person lived (2026-03-29 02:30), with no zone. Qt's local date-times
move a time that does not exist here (the hour skipped when clocks go forward) to the next
hour, so a reflection written at 02:30 in New York that night, then opened in Paris, used to
be saved back at 03:30 without anyone touching it. Each case runs in a child process with
``TZ`` set, because Qt reads the zone of the process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

_CHILD = textwrap.dedent(
    """
    import json, sys
    from datetime import datetime
    from PySide6.QtWidgets import QApplication, QVBoxLayout
    app = QApplication([])
    from reflect.ui.screens.debrief_editor_view import DebriefEditorView
    from reflect.ui.widgets.reflection_details import ReflectionDetails
    from reflect.ui.i18n import local_date
    from reflect.ui.widgets.wall_clock import from_qdatetime, to_qdatetime

    details = ReflectionDetails(["outreach"])
    debrief = DebriefEditorView()
    debrief._build_details(QVBoxLayout())
    debrief_when = debrief.when
    out = []
    for text in sys.argv[1:]:
        moment = datetime.fromisoformat(text)
        details.set_values(moment, "outreach", [])
        debrief_when.setDateTime(to_qdatetime(moment))
        out.append([details.occurred_at().isoformat(), from_qdatetime(debrief_when.dateTime())
                    .isoformat(), local_date(moment, "yyyy-MM-ddTHH:mm:ss")])
    details.now_button.click()
    gap = abs((details.occurred_at() - datetime.now().replace(second=0, microsecond=0))
              .total_seconds())
    print(json.dumps({"kept": out, "now_gap": gap}))
    """
)

# The hour that does not exist (clocks forward) and the hour that happens twice (clocks back)
# in Paris and in New York, midnight on both sides, a leap day and a year's last minute.
MOMENTS = [
    "2026-03-29T02:30:00",
    "2026-10-25T02:30:00",
    "2026-03-08T02:30:00",
    "2026-11-01T01:30:00",
    "2026-12-31T23:59:00",
    "2027-01-01T00:00:00",
    "2024-02-29T23:30:00",
    "2026-03-31T21:05:37",  # seconds from an import stay when the minute is left alone
]


@pytest.mark.parametrize("zone", ["Europe/Paris", "America/New_York", "Pacific/Kiritimati"])
def test_every_wall_clock_time_is_kept_in_every_zone(zone):
    env = {**os.environ, "TZ": zone, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, *MOMENTS],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["kept"] == [[m, m, m] for m in MOMENTS]  # edited, and shown as text
    assert report["now_gap"] <= 60  # "Now" is this computer's clock, not UTC


def test_the_when_editors_offer_only_the_years_reflect_keeps(qtbot):
    from PySide6.QtWidgets import QVBoxLayout

    from reflect.ui.screens.debrief_editor_view import DebriefEditorView
    from reflect.ui.widgets.reflection_details import ReflectionDetails

    details = ReflectionDetails(["outreach"])
    qtbot.addWidget(details)
    debrief = DebriefEditorView()
    debrief._build_details(QVBoxLayout())  # type: ignore[attr-defined]
    for edit in (details.when, debrief.when):  # type: ignore[attr-defined]
        assert edit.minimumDate().year() == 1900
        assert edit.maximumDate().year() == 2199


def test_every_date_editor_in_the_interface_offers_only_the_kept_years():
    """Qt's editors go from 1752 to 9999 by default; a day typed outside 1900-2199 would be
    kept, then stop the profile's own archive from importing back. Every editor built in
    ``ui/`` is bounded right after it is made (a narrower range set later still applies)."""
    import re
    from pathlib import Path

    import reflect.ui

    made = re.compile(r"^\s*(?P<name>[\w.]+) = (?P<kind>QDateEdit|QDateTimeEdit)\(", re.M)
    missing = []
    for path in Path(reflect.ui.__file__).parent.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for found in made.finditer(text):
            helper = "hold_wall_clock" if found["kind"] == "QDateTimeEdit" else "keep_kept_years"
            if f"{helper}({found['name']})" not in text:
                missing.append(f"{path.name}: {found['name']}")
    assert missing == []


def test_a_narrower_range_is_kept_and_the_kept_years_apply_otherwise(qtbot):
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit

    from reflect.ui.widgets.wall_clock import keep_kept_years

    wide, narrow = QDateEdit(), QDateEdit()
    qtbot.addWidget(wide)
    qtbot.addWidget(narrow)
    narrow.setDateRange(QDate(2026, 1, 1), QDate(2026, 6, 30))
    for edit in (wide, narrow):
        keep_kept_years(edit)
    assert (wide.minimumDate(), wide.maximumDate()) == (QDate(1900, 1, 1), QDate(2199, 12, 31))
    assert (narrow.minimumDate(), narrow.maximumDate()) == (QDate(2026, 1, 1), QDate(2026, 6, 30))
