"""The Team screen, the contribute dialog and the team report, driven as a person would."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from reflect.services.demo_team import demo_contributions, fill_demo_team
from reflect.ui import i18n
from tests.domain.test_team_contribution import walk_against_allow_list

CANARY = "Quokka-Canary-4417"


@pytest.fixture
def quiet_boxes(monkeypatch):
    """Message boxes answer at once; what they said is kept for the test to read."""
    said: list[str] = []

    def record(answer):
        def box(_parent, _title, text, *args, **kwargs):
            said.append(text)
            return answer

        return box

    monkeypatch.setattr(QMessageBox, "information", record(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "warning", record(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", record(QMessageBox.StandardButton.Yes))
    return said


def _files(folder, count, seed=1):
    paths = []
    for index, contribution in enumerate(demo_contributions(count, date.today(), seed=seed)):
        path = folder / f"c{seed}-{index}.json"
        path.write_bytes(contribution.to_bytes())
        paths.append(path)
    return paths


def _team_screen(qtbot, session):
    from reflect.ui.screens.team_screen import TeamScreen

    screen = TeamScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1100, 900)
    screen.show()
    return screen


def test_import_shows_figures_only_from_five(qtbot, session, tmp_path, quiet_boxes):
    screen = _team_screen(qtbot, session)
    figures = screen.figures
    assert len(figures.canvases) == 3  # built on first show
    assert figures.import_paths(_files(tmp_path, 4))
    assert "Nothing can be shown yet" in figures.words_label.text()
    assert figures.canvases[0].title == "Nothing to show yet"
    assert figures.import_paths(_files(tmp_path, 2, seed=2))
    assert "6 people have contributed" in figures.words_label.text()
    assert figures.canvases[0].title == "Team check-ins by month"
    before = session.team.contribution_count()
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "reflect-team-contribution/1", "note": "hi"}', encoding="utf-8")
    assert not figures.import_paths([*_files(tmp_path, 3, seed=3), bad])
    assert session.team.contribution_count() == before
    assert "bad.json" in quiet_boxes[-1]
    figures.min_spin.setValue(7)
    assert session.team.min_group == 7
    assert "Nothing can be shown yet" in figures.words_label.text()


def test_assessment_leads_to_an_action(qtbot, session, quiet_boxes):
    screen = _team_screen(qtbot, session)
    panel = screen.assessment
    answers = [5] * 4 + [1] * 4 + [4] * 16
    panel.set_answers(answers)
    panel.group_radio.setChecked(True)
    panel.people_spin.setValue(4)
    result = panel.save()
    assert result is not None and result.mode == "group" and result.participants == 4
    assert [d.domain for d in result.gaps] == ["workload"]
    assert screen.tabs.currentWidget() is screen.plan
    plan = screen.plan
    assert "Workload and scheduling" in plan.gaps_label.text()
    assert plan.area_combo.currentData() == "workload"
    plan.what_edit.setText("Rotate the heaviest cases")
    plan.who_edit.setText("Team lead")
    assert plan.add_action() is not None
    assert plan.table.rowCount() == 1
    assert "Every gap" in plan.gaps_label.text()
    plan.what_edit.setText("")
    assert plan.add_action() is None and "what will be done" in quiet_boxes[-1]


def test_contribute_dialog_previews_exactly_what_is_written(qtbot, session, tmp_path, quiet_boxes):
    from reflect.ui.screens.team_contribute_dialog import TeamContributeDialog

    now = datetime.now().replace(day=1, hour=9)
    items = [item.id for item in session.checkins.definition.items]
    session.checkins.record(dict.fromkeys(items, 3), note=CANARY, taken_at=now)
    reflection = session.journal.new_reflection("free_write")
    reflection.occurred_at = now
    reflection.answers = {"text": CANARY}
    session.journal.save(reflection)
    dialog = TeamContributeDialog(session)
    qtbot.addWidget(dialog)
    # Never promise that only groups of five are seen: the file itself can be read.
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Whoever receives it can open it" in shown
    assert "sees figures only" not in shown
    preview = dialog.preview.toPlainText()
    assert CANARY not in preview
    assert "Emotional 3.0" in preview and "1 to 5 reflections" in preview
    out = tmp_path / "mine.json"
    assert dialog.save_to(out)
    content = json.loads(out.read_text(encoding="utf-8"))
    assert content == dialog.contribution.to_json()
    walk_against_allow_list(content)
    assert CANARY not in out.read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


def test_team_screen_follows_the_coordinator_setting(qtbot, session, quiet_boxes):
    from reflect.ui.workspace import Workspace

    window = Workspace(session)
    qtbot.addWidget(window)
    assert "team" not in window.screens
    settings = window.screens["settings"]
    settings.team_box.coordinator_check.setChecked(True)
    assert "team" in window.screens
    window.show_screen("team")
    assert window.stack.currentWidget() is window.screens["team"]
    window.show_screen("settings")
    assert window.stack.currentWidget() is settings
    settings.team_box.coordinator_check.setChecked(False)
    assert "team" not in window.screens
    assert [window.nav.item(i).toolTip() for i in range(window.nav.count())][-1] == (
        f"Alt+{window.nav.count()}"
    )


def test_report_holds_only_shown_figures(qtbot, session, tmp_path):
    from reflect.ui.team_report_export import build_report, write_report

    session.team.import_files(_files(tmp_path, 4))
    report = build_report(session)
    markdown = write_report(report, "md", tmp_path / "small.md").read_text(encoding="utf-8")
    assert "Nothing can be shown yet" in markdown and "Check-ins by month" not in markdown
    fill_demo_team(session, 14)
    report = build_report(session)
    pdf = write_report(report, "pdf", tmp_path / "team.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(os.stat(pdf).st_mode) == 0o600
    markdown = write_report(report, "md", tmp_path / "team.md").read_text(encoding="utf-8")
    assert "Check-ins by month" in markdown and "Action plan" in markdown
    assert "| Contributors |" in markdown


def test_team_screen_in_french(qtbot, session, tmp_path, quiet_boxes):
    i18n.set_language("fr")
    try:
        fill_demo_team(session, 14)
        screen = _team_screen(qtbot, session)
        assert "personnes ont contribué" in screen.figures.words_label.text()
        assert screen.figures.canvases[0].title == "Bilans express de l'équipe par mois"
        assert screen.tabs.tabText(2) == "&Plan d'action"
        from reflect.ui.team_report_export import build_report, write_report

        text = write_report(build_report(session), "md", tmp_path / "r.md").read_text("utf-8")
        assert "Rapport d'équipe" in text and "Auto-évaluation de l'organisation" in text
    finally:
        i18n.set_language("en")


def test_contribution_files_can_be_dropped(qtbot, session, tmp_path, quiet_boxes):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    screen = _team_screen(qtbot, session)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in _files(tmp_path, 5)])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    screen.figures.dropEvent(event)
    assert session.team.contribution_count() == 5
