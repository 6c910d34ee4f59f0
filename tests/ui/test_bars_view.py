"""Bars shared in a debrief show their whole label: beside the bar when it fits, above it
when it does not (the supervisor's packet view cut French labels to "Pensées et so…")."""

from __future__ import annotations

from reflect.services.debrief_view import Bar
from reflect.ui.widgets.bars_view import LABEL_SHARE, BarsView

LONG = "Pensées et soucis liés au travail qui reviennent le soir"
BARS = (Bar("Sommeil", 2.0, 4.0, "2 sur 4"), Bar(LONG, 3.0, 4.0, "3 sur 4 · plus que d'habitude"))


def _shown(qtbot, width: int) -> BarsView:
    view = BarsView(BARS)
    qtbot.addWidget(view)
    view.resize(width, view.minimumHeight())
    view.show()
    qtbot.waitExposed(view)
    return view


def _label_room(view: BarsView) -> int:
    if view.stacked():
        return view.width()
    widest = max(view.fontMetrics().horizontalAdvance(b.label) for b in view.bars)
    return min(widest + 10, int(view.width() * LABEL_SHARE)) - 6


def test_a_long_label_goes_above_its_bar_in_a_narrow_view(qtbot):
    view = _shown(qtbot, 420)
    assert view.stacked()
    assert view.minimumHeight() == view._row() * 2 * len(BARS) + 4
    advance = view.fontMetrics().horizontalAdvance(LONG)
    assert advance <= _label_room(view)


def test_labels_stay_beside_their_bars_when_they_fit(qtbot):
    view = _shown(qtbot, 420)
    wide = 2 * view.fontMetrics().horizontalAdvance(LONG) + 400
    view.resize(wide, view.minimumHeight())
    qtbot.waitUntil(lambda: not view.stacked())
    assert view.minimumHeight() == view._row() * len(BARS) + 4
    assert view.fontMetrics().horizontalAdvance(LONG) <= _label_room(view)


def test_the_view_draws_in_both_modes(qtbot):
    for width in (300, 2000):
        view = _shown(qtbot, width)
        assert not view.grab().isNull()
