"""A dialog never narrower than its widest caption.

A dialog's own ``setMinimumWidth`` wins over its layout: a French check box caption longer
than that width ("J'assure la supervision d'autres personnes : afficher l'écran
Supervision") was cut off at the dialog's edge, at every size. ``keep_content_visible``
follows the content: whenever the layout changes, the minimum width becomes at least the
layout's own minimum width. The height that word-wrapped text needs at the dialog's width is
``wrapped_text_fit.keep_wrapped_text_whole``'s work; a dialog uses both.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from reflect.ui.widgets.refit_filter import RefitFilter

_FITTED = "reflectFitsContent"


class _WidthFit(RefitFilter):
    def __init__(self, window: QWidget, wanted_width: int) -> None:
        super().__init__(window)
        self._wanted_width = wanted_width  # the width the dialog asked for itself

    def fit(self) -> None:
        layout = self._target.layout()
        if layout is None:
            return
        width = max(self._wanted_width, layout.totalMinimumSize().width())
        if width != self._target.minimumWidth():
            self._target.setMinimumWidth(width)


def keep_content_visible(window: QWidget) -> None:
    """Keep ``window`` (a dialog with a layout) at least as wide as its content needs."""
    if window.property(_FITTED):
        return
    window.setProperty(_FITTED, True)
    fit = _WidthFit(window, window.minimumWidth())
    window.installEventFilter(fit)
    fit.refit()
