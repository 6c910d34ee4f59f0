"""Professional reflective accounts: reflections reshaped into the written account that many
professions ask for (nursing revalidation, social work and counselling CPD, infant-mental-
health endorsement), identifying nobody.

An account *shape* is data (assets/accounts/*.json, or an organisation's own file in the data
folder's ``accounts/``): its sections, the template fields each section is first filled from,
and the kinds of activity offered. The person edits every section before exporting; the
identity guard must find nothing, or the person confirms each thing it found.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reflect.domain.content_fields import ContentReader
from reflect.domain.errors import ContentError
from reflect.domain.identity_guard import Finding, find_identifiers
from reflect.domain.message import Message
from reflect.domain.reflection import Reflection

MAX_SECTIONS = 12
MAX_FILL_FROM = 20
_SHAPE_KEYS = {"id", "name", "description", "activity_kinds", "sections"}
_SECTION_KEYS = {"id", "heading", "guidance", "fill_from", "standards"}


@dataclass(frozen=True)
class AccountSection:
    id: str
    heading: str
    guidance: str = ""
    fill_from: tuple[str, ...] = ()
    is_standards: bool = False  # filled with the standards the person chooses


@dataclass(frozen=True)
class AccountShape:
    id: str
    name: str
    description: str
    activity_kinds: tuple[str, ...]
    sections: tuple[AccountSection, ...]


@dataclass
class ReflectiveAccount:
    shape: AccountShape
    title: str
    activity: str
    when: date
    standards: str = ""
    texts: dict[str, str] = field(default_factory=dict)  # section id -> text

    def text_of(self, section: AccountSection) -> str:
        return self.standards if section.is_standards else self.texts.get(section.id, "")


@dataclass(frozen=True)
class AccountFinding:
    section: AccountSection
    finding: Finding


SHORT_TEXT = 200  # names, headings, kinds of activity
LONG_TEXT = 2000  # descriptions and guidance


def _writable(value: str) -> bool:
    """Text every export can write: no lone surrogates (UTF-8 refuses them) and no control
    characters other than line breaks and tabs."""
    return not any(
        unicodedata.category(c) == "Cs" or (unicodedata.category(c) == "Cc" and c not in "\n\t")
        for c in value
    )


def _plain(source: str, field: str, value: str) -> str:
    if not _writable(value):
        raise ContentError(source, field, Message("must be plain text (no control characters)"))
    return value


def _strings(
    reader: ContentReader, data: dict[str, Any], key: str, prefix: str, most: int
) -> list[str]:
    values = data.get(key, [])
    name = f"{prefix}.{key}" if prefix else key
    if not isinstance(values, list) or len(values) > most:
        raise ContentError(
            reader.source, name, Message("must be a list of at most {count} texts", count=most)
        )
    for index, value in enumerate(values):
        if (
            not isinstance(value, str)
            or not value.strip()
            or len(value) > SHORT_TEXT
            or not _writable(value)
        ):
            raise ContentError(
                reader.source, f"{name}[{index}]", Message("must be a short, non-empty text")
            )
    return [v.strip() for v in values]


def parse_account_shape(data: Any, source: str) -> AccountShape:
    """An AccountShape from decoded JSON, or ContentError naming ``source`` and the field."""
    reader = ContentReader(source, data, "")
    unknown = sorted(set(data) - _SHAPE_KEYS)
    if unknown:
        raise ContentError(source, unknown[0], Message("is not a known field"))
    raw_sections = reader.field("sections", list)
    if not 1 <= len(raw_sections) <= MAX_SECTIONS:
        raise ContentError(
            source, "sections", Message("must hold 1 to {count} sections", count=MAX_SECTIONS)
        )
    sections: list[AccountSection] = []
    for index, raw in enumerate(raw_sections):
        prefix = f"sections[{index}]"
        if not isinstance(raw, dict):
            raise ContentError(source, prefix, Message("must be an object"))
        extra = sorted(set(raw) - _SECTION_KEYS)
        if extra:
            raise ContentError(source, f"{prefix}.{extra[0]}", Message("is not a known field"))
        standards = raw.get("standards", False)
        if not isinstance(standards, bool):
            raise ContentError(source, f"{prefix}.standards", Message("must be true or false"))
        fields = ContentReader(source, raw, prefix)
        section = AccountSection(
            fields.identifier("id", dashes=True),
            _plain(source, f"{prefix}.heading", fields.text("heading", max_len=SHORT_TEXT)),
            _plain(
                source,
                f"{prefix}.guidance",
                fields.text("guidance", required=False, max_len=LONG_TEXT),
            ),
            tuple(_strings(reader, raw, "fill_from", prefix, MAX_FILL_FROM)),
            standards,
        )
        if any(s.id == section.id for s in sections):
            raise ContentError(
                source, f"{prefix}.id", Message("'{id}' is used twice", id=section.id)
            )
        sections.append(section)
    return AccountShape(
        reader.identifier("id", dashes=True),
        _plain(source, "name", reader.text("name", max_len=SHORT_TEXT)),
        _plain(
            source, "description", reader.text("description", required=False, max_len=LONG_TEXT)
        ),
        tuple(_strings(reader, data, "activity_kinds", "", 20)),
        tuple(sections),
    )


def draft_account(
    shape: AccountShape,
    reflections: list[Reflection],
    *,
    title: str = "",
    activity: str = "",
    standards: str = "",
) -> ReflectiveAccount:
    """A first draft: each section gathers the matching answers of the chosen reflections,
    oldest first, for the person to rewrite; the date is the latest reflection's day."""
    ordered = sorted(reflections, key=lambda r: r.occurred_at)
    texts: dict[str, str] = {}
    for section in shape.sections:
        if section.is_standards:
            continue
        parts: list[str] = []
        for reflection in ordered:
            for field_id in section.fill_from:
                value = reflection.answers.get(field_id)
                if isinstance(value, str) and value.strip() and value.strip() not in parts:
                    parts.append(value.strip())
        texts[section.id] = "\n\n".join(parts)
    when = ordered[-1].occurred_at.date() if ordered else date.today()
    kinds = shape.activity_kinds
    return ReflectiveAccount(
        shape, title, activity or (kinds[0] if kinds else ""), when, standards, texts
    )


def account_findings(account: ReflectiveAccount, today: date | None = None) -> list[AccountFinding]:
    """Everything the identity guard notices in the title and each section."""
    found: list[AccountFinding] = []
    title_section = AccountSection("title", "Title")
    for finding in find_identifiers(account.title, today=today):
        found.append(AccountFinding(title_section, finding))
    for section in account.shape.sections:
        for finding in find_identifiers(account.text_of(section), today=today):
            found.append(AccountFinding(section, finding))
    return found
