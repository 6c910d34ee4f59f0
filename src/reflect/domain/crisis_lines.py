"""Crisis lines shipped for Canada and the United States, and the person's own help contacts.

The shipped list is data (``assets/resources/crisis_lines.json``) with a last-verified date.
Order matters and is checked on load: the emergency number comes first, then 988, then the
specialised lines, because a person in distress reads from the top.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reflect.domain.content_fields import ContentReader
from reflect.domain.content_files import load_content_file
from reflect.domain.errors import ContentError, ValidationError
from reflect.domain.message import Message

COUNTRIES: dict[str, str] = {"CA": "Canada", "US": "United States"}
LINE_KINDS: tuple[str, ...] = ("emergency", "crisis", "trafficking", "text", "referral")
CHANNEL_TYPES: tuple[str, ...] = ("call", "text", "chat", "tty")
CHANNEL_LABELS: dict[str, str] = {"call": "Call", "text": "Text", "chat": "Chat", "tty": "TTY"}
HELP_CONTACT_KINDS: dict[str, str] = {
    "eap": "Employee assistance programme",
    "local": "Local service",
    "supervisor": "Supervisor or team",
    "other": "Other",
}
# After this long the dialog says the numbers may be out of date.
STALE_AFTER_DAYS = 365


@dataclass(frozen=True)
class Channel:
    type: str  # one of CHANNEL_TYPES
    value: str  # the number, short code or web address
    detail: str = ""  # e.g. "text HOME", "veterans press 1"

    def describe(self) -> str:
        text = f"{CHANNEL_LABELS[self.type]} {self.value}"
        return f"{text} ({self.detail})" if self.detail else text


@dataclass(frozen=True)
class CrisisLine:
    id: str
    name: str
    kind: str
    channels: tuple[Channel, ...]
    hours: str
    languages: str
    notes: str
    source: str  # the operator's own page
    last_verified: date | None = None  # set only when this line itself was re-checked


@dataclass(frozen=True)
class CrisisDirectory:
    last_verified: date
    countries: dict[str, tuple[CrisisLine, ...]]
    disclosure: str  # that some lines may involve emergency services

    def lines_for(self, country: str) -> tuple[CrisisLine, ...]:
        return self.countries.get(country) or self.countries["CA"]

    def is_stale(self, today: date) -> bool:
        return (today - self.last_verified).days > STALE_AFTER_DAYS


@dataclass
class HelpContact:
    """A line or service the person adds themselves (their EAP, a local service...)."""

    name: str
    phone: str = ""
    text: str = ""  # a text number or another way to reach them
    hours: str = ""
    notes: str = ""
    kind: str = "eap"
    id: int | None = None

    def validated(self) -> HelpContact:
        name = self.name.strip()
        if not name:
            raise ValidationError("Please give this contact a name, for example “My EAP”.")
        if not (self.phone.strip() or self.text.strip() or self.notes.strip()):
            raise ValidationError(
                "Add a phone number, a text number or a note on how to reach them, "
                "so the entry is useful when you need it."
            )
        kind = self.kind if self.kind in HELP_CONTACT_KINDS else "other"
        return HelpContact(
            name,
            self.phone.strip(),
            self.text.strip(),
            self.hours.strip(),
            self.notes.strip(),
            kind,
            self.id,
        )


# --- loading and validation ---------------------------------------------------------------


def load_crisis_directory(path: Path) -> CrisisDirectory:
    return parse_crisis_directory(load_content_file(path), path.name)


def parse_crisis_directory(data: Any, source: str) -> CrisisDirectory:
    if not isinstance(data, dict):
        raise ContentError(source, "(top level)", Message("expected an object"))
    raw_date = data.get("last_verified")
    try:
        verified = date.fromisoformat(raw_date) if isinstance(raw_date, str) else None
    except ValueError:
        verified = None
    if verified is None:
        raise ContentError(source, "last_verified", Message("must be a date written YYYY-MM-DD"))
    disclosure = data.get("disclosure")
    if not isinstance(disclosure, str) or not disclosure.strip():
        raise ContentError(
            source, "disclosure", Message("explain when lines may involve emergency services")
        )
    raw_countries = data.get("countries")
    if not isinstance(raw_countries, dict):
        raise ContentError(source, "countries", Message("expected an object keyed by country code"))
    countries: dict[str, tuple[CrisisLine, ...]] = {}
    for code in COUNTRIES:
        raw_lines = raw_countries.get(code)
        if not isinstance(raw_lines, list) or not raw_lines:
            raise ContentError(
                source, f"countries.{code}", Message("expected a non-empty list of lines")
            )
        lines = tuple(
            _parse_line(raw, source, f"countries.{code}[{i}]") for i, raw in enumerate(raw_lines)
        )
        _check_order(lines, source, f"countries.{code}")
        countries[code] = lines
    return CrisisDirectory(verified, countries, disclosure.strip())


def _check_order(lines: tuple[CrisisLine, ...], source: str, where: str) -> None:
    if lines[0].kind != "emergency":
        raise ContentError(source, f"{where}[0]", Message("the emergency number must come first"))
    if len(lines) < 2 or not any(c.value == "988" for c in lines[1].channels):
        raise ContentError(
            source, f"{where}[1]", Message("988 must come right after the emergency number")
        )
    ids = [line.id for line in lines]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ContentError(
            source, where, Message("line id used twice: {ids}", ids=", ".join(sorted(duplicates)))
        )


def _required_text(raw: dict[str, Any], key: str, source: str, where: str) -> str:
    return ContentReader(source, raw, where).text(key, max_len=2000)


def _parse_line(raw: Any, source: str, where: str) -> CrisisLine:
    if not isinstance(raw, dict):
        raise ContentError(source, where, Message("each line must be an object"))
    line_id = _required_text(raw, "id", source, where)
    where = f"{where} ({line_id})"
    kind = ContentReader(source, raw, where).choice("kind", LINE_KINDS)
    raw_channels = raw.get("channels")
    if not isinstance(raw_channels, list) or not raw_channels:
        raise ContentError(
            source, f"{where}.channels", Message("list at least one way to reach the line")
        )
    channels = []
    for index, channel in enumerate(raw_channels):
        at = f"{where}.channels[{index}]"
        if not isinstance(channel, dict) or channel.get("type") not in CHANNEL_TYPES:
            raise ContentError(
                source,
                at,
                Message("type must be one of {choices}", choices=", ".join(CHANNEL_TYPES)),
            )
        value = channel.get("value")
        if not isinstance(value, str) or not value.strip():
            raise ContentError(source, f"{at}.value", Message("the number or address is missing"))
        detail = ContentReader(source, channel, at).text("detail", required=False, max_len=2000)
        channels.append(Channel(channel["type"], value.strip(), detail))
    notes = ContentReader(source, raw, where).text("notes", required=False, max_len=2000)
    checked = None
    if "last_verified" in raw:
        raw_checked = raw["last_verified"]
        try:
            checked = date.fromisoformat(raw_checked) if isinstance(raw_checked, str) else None
        except ValueError:
            checked = None
        if checked is None:
            raise ContentError(
                source, f"{where}.last_verified", Message("must be a date written YYYY-MM-DD")
            )
    return CrisisLine(
        id=line_id,
        name=_required_text(raw, "name", source, where),
        kind=str(kind),
        channels=tuple(channels),
        hours=_required_text(raw, "hours", source, where),
        languages=_required_text(raw, "languages", source, where),
        notes=notes.strip(),
        source=_required_text(raw, "source", source, where),
        last_verified=checked,
    )
