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
