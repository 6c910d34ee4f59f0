"""About the content: every fact Reflect uses, with its citation. Links are shown, not opened,
because Reflect never goes online by itself."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from reflect.ui.i18n import tr


def _text(english: str) -> str:
    """Prose of the content file, translated and escaped for the page."""
    return escape(tr(english), quote=False)


def about_html(sections: Sequence) -> str:
    """The page in the interface language. Section titles, introductions and facts are
    translated (``fr-shell.json``); citations, titles of published works and addresses are
    shown as published."""
    parts = [
        "<h2>" + escape(tr("About the content"), quote=False) + "</h2>",
        "<p>"
        + escape(
            tr(
                "Everything you read in Reflect is written in its own words. Questionnaire "
                "items are never reproduced; only facts such as scoring keys, published ranges, "
                "phone numbers and the models below are used, each with its source."
            ),
            quote=False,
        )
        + "</p>",
        "<p><b>"
        + escape(tr("Contents:"), quote=False)
        + "</b> "
        + " · ".join(f"<a href='#{escape(s.id)}'>{_text(s.title)}</a>" for s in sections)
        + "</p>",
    ]
    parts.append(sections_html(sections))
    return "".join(parts)


def sections_html(sections: Sequence) -> str:
    """Cited sections: each fact followed by its source(s)."""
    parts = []
    for section in sections:
        parts.append(f"<h3><a name='{escape(section.id)}'></a>{_text(section.title)}</h3>")
        if section.intro:
            parts.append(f"<p>{_text(section.intro)}</p>")
        parts.append("<ul>")
        for fact in section.facts:
            cites = "<br>".join(
                escape(ref) + (f" <span style='color:gray'>{escape(url)}</span>" if url else "")
                for ref, url in fact.citations
            )
            if len(fact.citations) == 1:
                sources = tr("Source: {citations}").format(citations=cites)
            else:
                sources = tr("Sources: {citations}").format(citations=cites)
            parts.append(f"<li>{_text(fact.text)}<br><small>{sources}</small></li>")
        parts.append("</ul>")
    return "".join(parts)


class AboutContentView(QWidget):
    def __init__(self, sections: Sequence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)  # in-page anchors only; there are no external hrefs
        self.browser.setAccessibleName(tr("About the content: sources and citations"))
        self.browser.setHtml(about_html(sections))
        layout.addWidget(self.browser)
