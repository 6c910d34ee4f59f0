"""Home left on screen through midnight moves to the new day at its next quarter-hour look.

A night shift often ends after midnight with Home still open: its date line, greeting and
"last check-in today" must not keep describing the day before.
"""

from __future__ import annotations

from datetime import datetime

from reflect.ui.screens.home_screen import HomeScreen


def test_home_moves_to_the_new_day_at_its_next_look(qtbot, session):
    item_ids = [item.id for item in session.checkins.definition.items]
    session.checkins.record(dict.fromkeys(item_ids, 1), taken_at=datetime(2026, 12, 31, 22, 0))
    now = [datetime(2026, 12, 31, 23, 50)]
    home = HomeScreen(session, clock=lambda: now[0])
    qtbot.addWidget(home)
    home.show()
    assert "31" in home.today.text() and "today" in home.checkin_card.headline.text()
    now[0] = datetime(2027, 1, 1, 0, 5)
    home._self_check_timer.timeout.emit()  # the quarter-hour look
    assert "2027" in home.today.text() and "1" in home.today.text()
    assert "yesterday" in home.checkin_card.headline.text()
