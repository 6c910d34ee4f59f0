"""The reflection's recovered draft and the kept check-in or questionnaire answers share one
banner (kept_work_banner.py): the same frame, names and button behaviour, built once."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QHBoxLayout

from reflect.ui.widgets.draft_banner import DraftBanner
from reflect.ui.widgets.kept_answers_banner import KeptAnswersBanner
from reflect.ui.widgets.kept_work_banner import KeptWorkBanner

KINDS = [
    (DraftBanner, "Recovered draft", "keep_button", "discard_button", "discard_requested"),
    (
        KeptAnswersBanner,
        "Answers kept",
        "carry_on_button",
        "start_over_button",
        "start_over_requested",
    ),
]


@pytest.mark.parametrize(("kind", "name", "go_on", "let_go", "signal"), KINDS)
def test_both_banners_are_the_one_shared_banner(qtbot, kind, name, go_on, let_go, signal):
    banner = kind()
    qtbot.addWidget(banner)
    assert isinstance(banner, KeptWorkBanner)
    assert banner.objectName() == "draftBanner"
    assert banner.message.accessibleName() == name
    assert banner.message.wordWrap()
    row = banner.layout()
    assert isinstance(row, QHBoxLayout)
    assert [row.itemAt(i).widget() for i in range(row.count())] == [
        banner.message,
        getattr(banner, go_on),
        getattr(banner, let_go),
    ]
    assert row.stretch(0) == 1
    assert banner.isHidden()


@pytest.mark.parametrize(("kind", "name", "go_on", "let_go", "signal"), KINDS)
def test_going_on_hides_it_and_letting_go_asks_once(qtbot, kind, name, go_on, let_go, signal):
    banner = kind()
    qtbot.addWidget(banner)
    if kind is DraftBanner:
        banner.show_recovered(datetime(2026, 12, 7, 9, 30), edits_saved_entry=False)
    else:
        banner.show_kept("Answers from {when} were kept.", datetime.now())
    assert not banner.isHidden()
    asked = []
    getattr(banner, signal).connect(lambda: asked.append(True))
    getattr(banner, let_go).click()
    assert asked == [True]
    getattr(banner, go_on).click()
    assert banner.isHidden()
