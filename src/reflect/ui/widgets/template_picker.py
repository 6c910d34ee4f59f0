"""The template chooser of the reflection editor, and the template a profile used last."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox

from reflect.domain.errors import ReflectError
from reflect.domain.templates import TemplateLibrary
from reflect.services.settings import SettingsService
from reflect.ui.i18n import tr

LAST_TEMPLATE = "last_template"  # per-profile setting: new reflections start on it


class TemplatePicker(QComboBox):
    """Every template by name and length, its description as the tooltip; data: its id."""

    def __init__(self, templates: TemplateLibrary) -> None:
        super().__init__()
        self.setAccessibleName(tr("Template"))
        # A long template name (longer still in French) must not widen the whole window.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(28)
        for template in templates:
            self.addItem(
                tr("{name}  (~{minutes} min)").format(
                    name=tr(template.name), minutes=template.minutes
                ),
                template.id,
            )
            self.setItemData(
                self.count() - 1, tr(template.description), Qt.ItemDataRole.ToolTipRole
            )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Wide enough for the longest name when there is room (the minimum stays 28
        characters): otherwise the French names were cut even in a wide window."""
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        frame = hint.width() - metrics.horizontalAdvance("x") * self.minimumContentsLength()
        widest = max(
            (metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0
        )
        return QSize(max(hint.width(), widest + frame), hint.height())

    def template_ids(self) -> list[str]:
        return [str(self.itemData(i)) for i in range(self.count())]


def last_template(settings: SettingsService, templates: TemplateLibrary) -> str | None:
    """The template this profile used last, if it still exists."""
    try:
        value = settings.get(LAST_TEMPLATE)
    except ReflectError:
        return None
    if isinstance(value, str) and templates.get(value) is not None:
        return value
    return None


def remember_template(settings: SettingsService, template_id: str) -> None:
    # A preference: never worth an error after a successful save.
    with contextlib.suppress(ReflectError):
        settings.set(LAST_TEMPLATE, template_id)
