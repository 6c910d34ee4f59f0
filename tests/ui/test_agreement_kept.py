"""A supervision agreement typed and not saved yet is kept: when the profile locks, and when
another supervisee's agreement replaces it on screen."""

from __future__ import annotations

from reflect.ui.screens.supervision_screen import SupervisionScreen


def _two_supervisees(session) -> tuple[int, int]:
    table = session.db.table("supervisees")
    ids = []
    for n, name in enumerate(("Alex", "Sam")):
        recipient = "age1" + "qpzry9x8gf2tvdw0s3jn54khce6mua7l"[n] * 58
        table.insert({"name": name, "recipient": recipient, "first_seen": "2026-12-01T09:00"})
        ids.append(int(table.last_pk))
    return ids[0], ids[1]


def test_an_agreement_typed_but_not_saved_is_kept_when_the_profile_locks(qtbot, session):
    first, _ = _two_supervisees(session)
    screen = SupervisionScreen(session)
    qtbot.addWidget(screen)
    screen.agreement.show_for(first)
    screen.agreement.aims.setPlainText("steadier evenings, one case at a time")
    screen.save_draft_now()  # what locking asks of every screen
    assert session.supervision.agreement(first).aims == "steadier evenings, one case at a time"


def test_an_agreement_typed_but_not_saved_is_kept_when_another_supervisee_is_shown(qtbot, session):
    first, second = _two_supervisees(session)
    screen = SupervisionScreen(session)
    qtbot.addWidget(screen)
    screen.agreement.show_for(first)
    qtbot.keyClicks(screen.agreement.frequency, "every two weeks")
    screen.agreement.show_for(second)
    assert session.supervision.agreement(first).frequency == "every two weeks"
    assert screen.agreement.frequency.text() == ""


def test_showing_an_agreement_saves_nothing_by_itself(qtbot, session, monkeypatch):
    first, second = _two_supervisees(session)
    screen = SupervisionScreen(session)
    qtbot.addWidget(screen)
    saved = []
    monkeypatch.setattr(screen.agreement.service, "save_agreement", saved.append)
    screen.agreement.show_for(first)
    screen.agreement.show_for(second)
    screen.save_draft_now()
    assert saved == []
