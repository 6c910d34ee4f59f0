"""The journal list gives its width to the excerpt; the newest row is selected on open."""

from __future__ import annotations

from datetime import date

from reflect.services.demo_data import fill_demo_profile
from reflect.ui.workspace import Workspace


def test_the_excerpt_gets_the_width_at_1100_px(qtbot, session):
    fill_demo_profile(session, reflections_per_year=40, checkins_per_year=10, end=date(2026, 6, 30))
    window = Workspace(session)
    qtbot.addWidget(window)
    window.resize(1100, 740)
    window.show()
    window.show_screen("journal")
    journal = window.screens["journal"]
    table = journal.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    header = table.horizontalHeader()
    excerpt = header.sectionSize(5)
    assert excerpt >= 0.35 * table.viewport().width()
    assert header.sectionSize(1) < excerpt / 2  # the template is a short tag
    newest = max(range(journal.model.rowCount()), key=lambda r: journal.model.row_at(r).occurred_at)
    assert journal.selected_id() == journal.model.row_at(newest).id
