"""Team report as PDF (Qt's own writer, charts drawn on white paper) or Markdown.

Both are built from the summary after the minimum-group rule, so a hidden figure cannot reach
the file. The file is plain, so the person is warned first; it is written 0600 and atomically.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import (
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import QMessageBox, QWidget

from reflect.paths import write_private_file
from reflect.services.session import Session
from reflect.services.team_report import TeamReport, report_markdown, report_sections
from reflect.ui.asked_across_lock import ask_yes
from reflect.ui.i18n import interface_words, tr
from reflect.ui.native_dialogs import save_file_name
from reflect.ui.widgets.team_figures_panel import questionnaire_names

PLAIN_WARNING = (
    "The report will be saved as a normal, unencrypted file that anyone with access to the "
    "computer can open. It holds only team figures from groups large enough to show, the "
    "assessment and the action plan. Continue?"
)


def build_report(session: Session, today: date | None = None) -> TeamReport:
    team = session.team
    definition = team.assessment_definition()
    return TeamReport(
        summary=team.summary(),
        assessment=team.latest_assessment(),
        actions=team.actions(),
        made_on=today or date.today(),
        domain_labels={s.id: tr(s.label) for s in definition.subscales},
        questionnaire_names=questionnaire_names(session),
    )


def chart_images(report: TeamReport) -> list[bytes]:
    """The three team charts as PNG, in the light style (paper is white)."""
    from matplotlib.figure import Figure

    from reflect.charts.style import chart_style
    from reflect.charts.team import (
        draw_team_activity,
        draw_team_categories,
        draw_team_questionnaires,
    )

    style = chart_style(words=interface_words())
    images = []
    for draw in (
        lambda f: draw_team_categories(f, report.summary, style),
        lambda f: draw_team_activity(f, report.summary, style),
        lambda f: draw_team_questionnaires(f, report.summary, style, report.questionnaire_names),
    ):
        figure = Figure(figsize=(9, 4.4), dpi=100)
        draw(figure)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=150, facecolor="white")
        images.append(buffer.getvalue())
    return images


def _plain_block(cursor: QTextCursor) -> None:
    """A new paragraph at the end that belongs to no list (markdown leaves the cursor in one)."""
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    current = cursor.currentList()
    if current is not None:
        current.remove(cursor.block())
    cursor.setBlockFormat(QTextBlockFormat())


def render_report_pdf(report: TeamReport) -> bytes:
    words = interface_words()
    head, figures, assessment, actions = report_sections(report, words)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(tr("Team report"))
    writer.setCreator("Reflect")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(16, 16, 16, 16),
        )
    )
    document = QTextDocument()
    page = writer.pageLayout().paintRect(QPageLayout.Unit.Point).size()
    document.setPageSize(page)
    width = page.width() - 2 * document.documentMargin()
    cursor = QTextCursor(document)
    cursor.insertMarkdown(head)
    if any(m.shown for m in report.summary.months):
        for index, png in enumerate(chart_images(report)):
            image = QImage.fromData(png)
            name = f"team-chart-{index}.png"
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
            _plain_block(cursor)
            fmt = QTextImageFormat()
            fmt.setName(name)
            fmt.setWidth(width)
            fmt.setHeight(width * image.height() / max(1, image.width()))
            cursor.insertImage(fmt)
    for part in (figures, assessment, actions):
        _plain_block(cursor)
        cursor.insertMarkdown(part)
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    data: QByteArray = buffer.data()
    buffer.close()
    return bytes(data.data())


def write_report(report: TeamReport, kind: str, path: Path) -> Path:
    if kind == "pdf":
        write_private_file(path, render_report_pdf(report))
    else:
        text = report_markdown(report, interface_words())
        write_private_file(path, text.encode("utf-8"))
    return path


def export_report_with_dialog(parent: QWidget, session: Session, kind: str) -> Path | None:
    if not ask_yes(parent, tr("Save a plain copy?"), tr(PLAIN_WARNING)):
        return None
    suffix = ".pdf" if kind == "pdf" else ".md"
    chosen, _ = save_file_name(
        parent,
        tr("Export the team report"),
        str(Path.home() / f"{tr('team-report')}{suffix}"),
        "PDF (*.pdf)" if kind == "pdf" else "Markdown (*.md)",
    )
    if not chosen:
        return None
    path = Path(chosen) if Path(chosen).suffix else Path(chosen + suffix)
    try:
        return write_report(build_report(session), kind, path)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            tr("Not saved"),
            tr("The report could not be written: {reason}").format(reason=exc.strerror or exc),
        )
        return None
