from __future__ import annotations

import os
import stat

import pytest

from reflect.domain.my_plan import MyPlan, PlanPerson
from reflect.ui.screens.resources_screen import TABS, ResourcesScreen


@pytest.fixture
def screen(qtbot, session):
    widget = ResourcesScreen(session)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def test_without_checkin_suggests_one_item_per_abc_area(screen):
    cards = screen.suggestions.cards.cards
    assert len(cards) == 6
    assert {card.item.area for card in cards[:3]} == {"awareness", "balance", "connection"}
    assert "first check-in" in screen.suggestions.header_label.text()
    assert all(card.reason_label is not None for card in cards)


def test_suggestions_follow_latest_checkin(screen, monkeypatch):
    from datetime import datetime

    from reflect.services.resources import CheckinSnapshot

    snapshot = CheckinSnapshot(datetime(2026, 11, 20, 18, 0), {"relational": 3.0, "work": 2.0})
    monkeypatch.setattr(screen.resources, "latest_checkin", lambda: snapshot)
    screen.refresh_suggestions()
    cards = screen.suggestions.cards.cards
    assert "relational" in cards[0].item.categories
    assert "Relationships was your highest area" in cards[0].reason_label.text()
    assert "20 November" in screen.suggestions.header_label.text()
    first = [c.item.id for c in cards]
    screen.suggestions.more_button.click()
    assert [c.item.id for c in screen.suggestions.cards.cards] != first


def test_library_browses_by_area_and_category_and_searches(screen):
    screen.show_library(category="spiritual")
    assert screen.tabs.currentIndex() == TABS.index("library")
    shown = screen.library.shown_items()
    assert shown and all("spiritual" in item.categories for item in shown)
    screen.show_library(area="balance")
    assert all(item.area == "balance" for item in screen.library.shown_items())
    screen.library.select("area", None)
    screen.library.search_edit.setText("supervisor")
    assert screen.library.shown_items()
    assert all("supervisor" in (i.title + i.text).lower() for i in screen.library.shown_items())


def test_exercise_links_open_the_exercise(screen):
    screen.show_library(area="balance")
    card = next(c for c in screen.library.cards.cards if c.item.exercise == "muscle_release")
    card.exercise_requested.emit("muscle_release")
    assert screen.tabs.currentIndex() == TABS.index("exercises")
    assert screen.exercises.current_key == "muscle_release"


def test_plan_link_and_help_link(screen, qtbot):
    screen._on_link_requested("plan")
    assert screen.tabs.currentIndex() == TABS.index("plan")
    with qtbot.waitSignal(screen.help_requested):
        screen._on_link_requested("get_help")


def test_plan_editor_saves_through_encrypted_db(screen, session):
    screen.show_plan()
    editor = screen.plan_editor
    editor.section_edits["warning_signs"].setPlainText("short temper\n\n- skipping lunch")
    editor._on_add_person_clicked()
    editor.people_table.item(0, 0).setText("Sam")
    editor.people_table.item(0, 1).setText("555 0100")
    assert editor.is_dirty
    screen.save_draft_now()  # what happens on lock
    assert not editor.is_dirty
    plan = session.resources.load_plan()
    assert plan.warning_signs == ["short temper", "skipping lunch"]
    assert plan.people == [PlanPerson("Sam", "555 0100", "")]


def test_plan_editor_autosaves_after_typing(screen, session, qtbot, monkeypatch):
    screen.show_plan()
    import reflect.ui.widgets.plan_editor as module

    editor = screen.plan_editor
    editor._autosave.setInterval(10)
    editor.section_edits["boundaries"].setPlainText("no work phone on Sundays")
    qtbot.waitUntil(lambda: not editor.is_dirty, timeout=2000)
    assert session.resources.load_plan().boundaries == ["no work phone on Sundays"]
    assert module.AUTOSAVE_MS > 0


def test_plan_editor_keeps_text_when_invalid(screen, session):
    screen.show_plan()
    editor = screen.plan_editor
    editor._append_person(PlanPerson("", "555 0100"))
    editor._on_edited()
    assert not editor.save()
    assert "no name" in editor.status_label.text()
    assert editor.people_table.item(0, 1).text() == "555 0100"


def test_plan_pdf_is_written_private(screen, session, tmp_path):
    screen.show_plan()
    session.resources.save_plan(
        MyPlan(what_helps=["evening walk"], people=[PlanPerson("Sam", "555 0100")])
    )
    screen.plan_editor.load()
    target = tmp_path / "out" / "plan"
    target.parent.mkdir()
    assert screen.plan_editor.export_pdf(target)
    written = target.parent / "plan.pdf"
    data = written.read_bytes()
    assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:]
    assert stat.S_IMODE(os.stat(written).st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["plan.pdf"]  # no temp file left behind


def test_printout_lists_plan_and_help_lines(screen, session):
    screen.show_plan()
    session.settings.set("country", "US")
    session.resources.save_plan(MyPlan(boundaries=["no e-mail after 8 pm"]))
    screen.plan_editor.load()
    html = screen.plan_editor.printout_html()
    assert "no e-mail after 8 pm" in html
    assert html.index("911") < html.index("988") < html.index("1-888-373-7888")


def test_about_page_cites_sources(screen):
    screen.show_about()
    text = screen.about.browser.toPlainText()
    for needle in (
        "ProQOL",
        "WHO-5",
        "Bride",
        "Kristensen",
        "Saakvitne",
        "Gibbs",
        "Borton",
        "Proctor",
        "Cochrane",
        "988",
    ):
        assert needle in text, needle


def test_broken_library_file_shows_message_in_its_own_tab(qtbot, session, monkeypatch):
    import reflect.services.resources as module
    from reflect.domain.errors import ContentError

    def broken():
        raise ContentError(
            "coping.json", "items[2].area", "must be one of awareness, balance, connection"
        )

    monkeypatch.setattr(module, "shipped_coping_library", broken)
    widget = ResourcesScreen(session)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_library()
    page = widget._pages["library"]
    from PySide6.QtWidgets import QLabel

    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    assert widget.library is None
    assert "coping.json: items[2].area" in texts
    widget.show_plan()
    assert widget.plan_editor is not None  # the rest of the screen still works
