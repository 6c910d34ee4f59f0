"""Three-way merge of a reflection edited in one place while it changed in another.

The editor remembers the stored reflection as it loaded it (the base). On save, when the
stored copy no longer matches the base (a tag renamed in the journal, a change made while
the editor's draft waited over a lock), each part is settled on its own: a part only one
side changed takes that side's value; a part both sides changed differently is a conflict
the person decides. Tags and feelings are sets of words: additions and removals from both
sides are combined, so a tag renamed elsewhere and a tag added here both survive.

Whether a follow-up is done is never part of this: it is ticked on its own and the editor's
copy never overwrites it (see FollowUpRepository.replace_for_reflection).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from reflect.domain.reflection import Reflection

# Parts compared one by one; an answer is the part "answer:<key>".
SCALAR_PARTS = {
    "template": "template_id",
    "when": "occurred_at",
    "setting": "setting",
    "intensity": "intensity",
}
WORD_PARTS = {"tags": "tags", "feelings": "feelings"}
ANSWER_PREFIX = "answer:"


def _follow_ups(reflection: Reflection) -> tuple[tuple[Any, ...], ...]:
    return tuple((f.id, f.text, f.due, f.owner) for f in reflection.follow_ups)


def content(reflection: Reflection) -> tuple[Any, ...]:
    """Everything a person can change about a reflection, nothing the database stamps."""
    return (
        *(getattr(reflection, name) for name in SCALAR_PARTS.values()),
        tuple(reflection.tags),
        tuple(reflection.feelings),
        tuple(sorted((k, repr(v)) for k, v in reflection.answers.items())),
        _follow_ups(reflection),
    )


@dataclass
class Merge:
    """Both ways of settling the conflicts; the parts that agree are the same in both."""

    mine_first: Reflection  # conflicting parts as written here
    theirs_first: Reflection  # conflicting parts as stored
    stored: Reflection  # the stored reflection as it is now
    changed_elsewhere: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def _three_way(base: Any, mine: Any, theirs: Any) -> tuple[Any, bool]:
    """(value to keep, whether both sides changed it differently)."""
    if theirs == base or mine == theirs:
        return mine, False
    if mine == base:
        return theirs, False
    return mine, True


def _words(base: list[str], mine: list[str], theirs: list[str]) -> list[str]:
    if theirs == base or mine == base:
        return mine if theirs == base else theirs
    removed = set(base) - set(mine)
    kept = [w for w in theirs if w not in removed]
    return kept + [w for w in mine if w not in base and w not in kept]


def merge(base: Reflection, mine: Reflection, theirs: Reflection) -> Merge:
    """Settle ``mine`` (the editor) and ``theirs`` (stored now), both descended from ``base``."""
    first: dict[str, Any] = {}
    second: dict[str, Any] = {}
    result = Merge(mine, theirs, theirs)
    for part, name in SCALAR_PARTS.items():
        b, m, t = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        first[name], conflict = _three_way(b, m, t)
        second[name] = t if conflict else first[name]
        _note(result, part, b != t, conflict)
    for part, name in WORD_PARTS.items():
        b, m, t = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        first[name] = second[name] = _words(b, m, t)
        _note(result, part, b != t, False)
    answers_first: dict[str, Any] = {}
    answers_second: dict[str, Any] = {}
    for key in sorted(set(base.answers) | set(mine.answers) | set(theirs.answers)):
        b, m, t = (r.answers.get(key) for r in (base, mine, theirs))
        kept, conflict = _three_way(b, m, t)
        for answers, value in ((answers_first, kept), (answers_second, t if conflict else kept)):
            if value not in (None, "", []):
                answers[key] = value
        _note(result, ANSWER_PREFIX + key, b != t, conflict)
    b_f, m_f, t_f = _follow_ups(base), _follow_ups(mine), _follow_ups(theirs)
    kept_f, conflict = _three_way(b_f, m_f, t_f)
    follow_first = mine.follow_ups if kept_f == m_f else theirs.follow_ups
    _note(result, "follow_ups", b_f != t_f, conflict)
    stamps: dict[str, Any] = {
        "id": theirs.id,
        "created_at": theirs.created_at,
        "updated_at": theirs.updated_at,
    }
    result.mine_first = replace(
        mine, **first, answers=answers_first, follow_ups=follow_first, **stamps
    )
    result.theirs_first = replace(
        mine,
        **second,
        answers=answers_second,
        follow_ups=theirs.follow_ups if conflict else follow_first,
        **stamps,
    )
    return result


def _note(result: Merge, part: str, changed_elsewhere: bool, conflict: bool) -> None:
    if changed_elsewhere:
        result.changed_elsewhere.append(part)
    if conflict:
        result.conflicts.append(part)
