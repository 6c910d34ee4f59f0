"""A tab that is not selected shows the accent on its first capital ("Écoute", "À propos").

Fusion draws such a tab two pixels lower inside the same height, and the accent above a
capital was cut off: "À propos du contenu" read "A propos du contenu" in Resources.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget

from reflect.ui.theme import apply_theme


def _unselected_tab_image(qtbot, label: str):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "Pour vous")
    tabs.addTab(QWidget(), label)
    tabs.resize(320, 90)
    tabs.show()
    qtbot.waitExposed(tabs)
    bar = tabs.tabBar()
    return bar.grab(bar.tabRect(1)).toImage()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize(("accented", "plain"), [("Écoute", "Ecoute"), ("À propos", "A propos")])
def test_the_accent_on_a_capital_is_drawn(qtbot, theme, accented, plain):
    apply_theme(theme)
    assert _unselected_tab_image(qtbot, accented) != _unselected_tab_image(qtbot, plain)
