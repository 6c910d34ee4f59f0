"""Scores always come with support: when a questionnaire result needs it, and what to offer.

Support is due when a subscale sits in a band the measure's authors mark for attention, or,
for the WHO-5, when any single answer is 0 or 1 (its published guidance suggests a closer
look then, whatever the total). The words come from ``notices.json`` (``NoticeWording``).
"""

from __future__ import annotations

from dataclasses import dataclass

from reflect.domain.instrument_scoring import InstrumentScore
from reflect.domain.notice_wording import NoticeWording

# Instrument id -> an answer at or below this value asks for a closer look.
LOW_SINGLE_ANSWER: dict[str, int] = {"who5": 1}


@dataclass(frozen=True)
class ScoreSupport:
    notice_subscales: tuple[str, ...]  # subscale ids in a notice band
    low_items: tuple[int, ...]  # 1-based item numbers answered at or below the threshold

    @property
    def needed(self) -> bool:
        return bool(self.notice_subscales or self.low_items)


def support_for(result: InstrumentScore) -> ScoreSupport:
    notice = tuple(s.subscale.id for s in result.subscales if s.in_notice_band)
    threshold = LOW_SINGLE_ANSWER.get(result.definition.id)
    low: tuple[int, ...] = ()
    if threshold is not None:
        low = tuple(i for i, answer in enumerate(result.answers, start=1) if answer <= threshold)
    return ScoreSupport(notice, low)


def support_messages(support: ScoreSupport, wording: NoticeWording) -> list[str]:
    """The sentences to show with the result (empty when no support is due)."""
    messages = []
    if support.notice_subscales:
        messages.append(wording.text("score_support", "notice_band"))
    if support.low_items:
        messages.append(wording.text("score_support", "low_single_answer"))
    return messages


def support_json(support: ScoreSupport, wording: NoticeWording) -> dict[str, object] | None:
    """The ``support`` object of ``reflect score --json``; None when no support is due."""
    if not support.needed:
        return None
    return {
        "reasons": (["notice_band"] if support.notice_subscales else [])
        + (["low_single_answer"] if support.low_items else []),
        "subscales": list(support.notice_subscales),
        "low_items": list(support.low_items),
        "messages": support_messages(support, wording),
        "coping": wording.text("score_support", "coping"),
        "plan": wording.text("score_support", "plan"),
        "help_lines": wording.text("score_support", "help_lines"),
        "help_lines_command": "reflect help-lines",
    }
