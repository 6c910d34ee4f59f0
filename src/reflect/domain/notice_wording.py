"""The words of early-warning notes and of the support shown with a score, as data.

They live in ``assets/resources/notices.json`` so every sentence a person reads about a score
can be reviewed (and translated) without reading Python. This module only parses and checks
the file; the services layer decides where it comes from.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reflect.domain.content_files import load_content_file
from reflect.domain.errors import ContentError
from reflect.domain.message import Message

FORMAT = "reflect-notices/1"

# Each text and the placeholders it must keep (a missing one would break .format()).
_PLACEHOLDERS: dict[tuple[str, str], set[str]] = {
    ("rise_overall", "title"): set(),
    ("rise_overall", "message"): {"count"},
    ("rise_overall", "names"): {"names"},
    ("rise_overall", "closing"): set(),
    ("rise_category", "title"): {"label"},
    ("rise_category", "message"): {"count", "part"},
    ("band", "title"): {"instrument"},
    ("band", "message"): {"instrument", "date", "subscale", "score", "band"},
    ("score_support", "notice_band"): set(),
    ("score_support", "low_single_answer"): set(),
    ("score_support", "coping"): set(),
    ("score_support", "plan"): set(),
    ("score_support", "help_lines"): set(),
}


@dataclass(frozen=True)
class NoticeWording:
    support_sentence: str
    texts: dict[tuple[str, str], str]

    def text(self, group: str, key: str) -> str:
        return self.texts[(group, key)]


def _names(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return {"(unbalanced braces)"}


def parse_notice_wording(data: Any, source: str) -> NoticeWording:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ContentError(source, "format", Message("must be {format}", format=repr(FORMAT)))
    support = data.get("support_sentence")
    if not isinstance(support, str) or not support.strip() or _names(support):
        raise ContentError(
            source, "support_sentence", Message("must be a non-empty text without braces")
        )
    texts: dict[tuple[str, str], str] = {}
    for (group, key), needed in _PLACEHOLDERS.items():
        where = f"{group}.{key}"
        section = data.get(group)
        value = section.get(key) if isinstance(section, dict) else None
        if not isinstance(value, str) or not value.strip():
            raise ContentError(source, where, Message("must be a non-empty text"))
        if _names(value) != needed:
            if not needed:
                raise ContentError(source, where, Message("must use exactly no placeholders"))
            wanted = ", ".join("{" + n + "}" for n in sorted(needed))
            raise ContentError(
                source, where, Message("must use exactly {placeholders}", placeholders=wanted)
            )
        texts[(group, key)] = value
    return NoticeWording(support.strip(), texts)


def load_notice_wording(path: Path) -> NoticeWording:
    data = load_content_file(path)
    return parse_notice_wording(data, path.name)
