"""The supervisor's packet view draws a bounded number of widgets, however big the packet.

Before: every line of every card became a label at once; the largest packet the reader
accepts (500 cards of 200 lines, about 1.2 MB) froze the window for over a minute. Now the
cards come in batches with a "show the next items" button. Counted in widgets, not seconds.
"""

from __future__ import annotations

import hashlib
import json

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from reflect.domain.supervision_messages import PACKET_FORMAT, VERSION, packet_from_json
from reflect.ui.widgets.card_batches import FIRST_BATCH_CHARS, LINES_PER_BATCH
from reflect.ui.widgets.supervision_packet_view import PacketView

MAX_CARDS, MAX_LINES = 500, 200  # what packet_from_json accepts (see supervision_messages)


def _packet(session, cards: int, lines: int, text: str = "t") -> str:
    """Stored the way an import stores it; returns the packet id."""
    recipient = session.supervision.my_key()[0]
    data = {
        "format": PACKET_FORMAT,
        "version": VERSION,
        "packet_id": hashlib.sha256(f"{cards}-{lines}-{len(text)}".encode()).hexdigest()[:32],
        "created_at": "2026-12-01T10:00:00",
        "from": {"name": "Alex", "recipient": recipient},
        "debrief": {
            "title": "A very long debrief",
            "cards": [
                {
                    "kind": "reflection",
                    "title": f"Card {c}",
                    "lines": [[f"L{i}", text] for i in range(lines)],
                }
                for c in range(cards)
            ],
        },
    }
    packet = packet_from_json(data)  # the reader accepts it: nothing bigger can arrive
    assert len(packet.cards) == cards
    body = json.dumps(data).encode()
    session.supervision._record.add_packet("Alex", recipient, packet.to_json(), "x" * 64)
    assert len(body) < 4 * 1024 * 1024
    return packet.packet_id


def _drawn(view: PacketView) -> list[QWidget]:
    inner = view._shared.widget()
    return inner.findChildren(QWidget)


def _line_labels(view: PacketView) -> int:
    return sum(1 for w in _drawn(view) if isinstance(w, QLabel) and w.text().startswith("<b>L"))


def _more(view: PacketView) -> QPushButton | None:
    found = [b for b in _drawn(view) if isinstance(b, QPushButton) and b.isVisibleTo(view)]
    return found[0] if found else None


def test_the_largest_packet_the_reader_accepts_draws_a_bounded_number_of_widgets(qtbot, session):
    packet_id = _packet(session, MAX_CARDS, MAX_LINES)
    view = PacketView(session)
    qtbot.addWidget(view)
    view.show_packet(packet_id)
    assert len(_drawn(view)) < LINES_PER_BATCH + MAX_LINES + 60
    first = _line_labels(view)
    assert LINES_PER_BATCH <= first < LINES_PER_BATCH + MAX_LINES
    more = _more(view)
    assert more is not None and "of 500" in more.text()
    more.click()
    assert first < _line_labels(view) <= 2 * (LINES_PER_BATCH + MAX_LINES)


def test_long_lines_count_too(qtbot, session):
    """Fewer lines but each long: the batch stops on characters as well."""
    packet_id = _packet(session, 100, 10, "x" * 2000)
    view = PacketView(session)
    qtbot.addWidget(view)
    view.show_packet(packet_id)
    assert _line_labels(view) * 2000 < FIRST_BATCH_CHARS + 10 * 2000
    assert _more(view) is not None


def test_an_ordinary_packet_is_drawn_whole(qtbot, session):
    packet_id = _packet(session, 12, 8)
    view = PacketView(session)
    qtbot.addWidget(view)
    view.show_packet(packet_id)
    assert _line_labels(view) == 12 * 8
    assert _more(view) is None


def test_showing_everything_reaches_the_last_card(qtbot, session):
    packet_id = _packet(session, 60, 20)
    view = PacketView(session)
    qtbot.addWidget(view)
    view.show_packet(packet_id)
    clicks = 0
    while (more := _more(view)) is not None:
        more.click()
        clicks += 1
        assert clicks < 60
    assert _line_labels(view) == 60 * 20
    titles = [w.text() for w in _drawn(view) if isinstance(w, QLabel)]
    assert any("Card 59" in t for t in titles)
