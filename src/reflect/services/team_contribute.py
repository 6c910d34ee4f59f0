"""Building a person's team contribution from their profile, and writing it.

Only month-level, coarse figures leave the profile (see domain/team_contribution.py): the
check-in medians per category, the bands of questionnaires, and a reflection-count bucket.
Reflections are counted, never read; debriefs are not touched at all. Each month carries a
token made from the profile's team secret (kept only in the encrypted settings), so the same
month sent again in a later file counts once.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from reflect.domain.checkin_scoring import score_checkin
from reflect.domain.errors import ValidationError
from reflect.domain.team_contribution import (
    MAX_MONTHS,
    MONTH_RE,
    POSITIVE,
    SECRET_BYTES,
    SECRET_SETTING,
    Contribution,
    QuestionnaireBand,
    month_figures,
    month_token,
    new_contributor_id,
    new_team_secret,
)
from reflect.paths import write_private_file

if TYPE_CHECKING:
    from reflect.services.session import Session

DEFAULT_MONTHS = 3


class SettingsLike(Protocol):
    def get(self, key: str) -> Any: ...
    def set(self, key: str, value: Any) -> None: ...


def team_secret(settings: SettingsLike) -> bytes:
    """The profile's team secret, made on first use. A kept value that is not one is refused
    rather than replaced: new tokens would count this person twice for months already sent."""
    stored = settings.get(SECRET_SETTING)
    if stored is None:
        secret = new_team_secret()
        settings.set(SECRET_SETTING, secret.hex())
        return secret
    try:
        secret = bytes.fromhex(stored) if isinstance(stored, str) else b""
    except ValueError:
        secret = b""
    if len(secret) != SECRET_BYTES:
        raise ValidationError(
            "This profile's team secret is damaged, so no contribution can be written. "
            "Restore a backup from before the damage."
        )
    return secret


def month_of(moment: date) -> str:
    return f"{moment.year:04d}-{moment.month:02d}"


def month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    months = []
    while True:
        name = f"{year:04d}-{month:02d}"
        months.append(name)
        if name >= last:
            return months
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def shift_month(name: str, delta: int) -> str:
    index = int(name[:4]) * 12 + int(name[5:]) - 1 + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def choose_period(first: str | None, last: str | None, today: date) -> tuple[str, str]:
    """The months a contribution covers: by default the last three, this month included."""
    current = month_of(today)
    last = last or current
    first = first or shift_month(last, -(DEFAULT_MONTHS - 1))
    for value, option in ((first, "from"), (last, "to")):
        if not MONTH_RE.match(value) or value < "2000-01":
            raise ValidationError(
                "The '{option}' month must be written YYYY-MM, found {value}.",
                option=option,
                value=repr(value),
            )
    if last > current:
        raise ValidationError("A contribution cannot cover months that have not begun.")
    if first > last:
        raise ValidationError("The first month comes after the last one.")
    if len(month_range(first, last)) > MAX_MONTHS:
        raise ValidationError("A contribution covers at most {count} months.", count=MAX_MONTHS)
    return first, last


def _month_start(name: str) -> datetime:
    return datetime(int(name[:4]), int(name[5:]), 1)


def build_contribution(
    session: Session, first: str | None = None, last: str | None = None, today: date | None = None
) -> Contribution:
    from reflect.storage.trend_repository import TrendRepository

    today = today or date.today()
    first, last = choose_period(first, last, today)
    secret = team_secret(session.settings)
    months = month_range(first, last)
    since, until = _month_start(first), _month_start(shift_month(last, 1))
    scores: dict[str, dict[str, list[float]]] = {m: {} for m in months}
    definition = session.checkins.definition
    for checkin in session.checkins.all(since, until):
        month = month_of(checkin.taken_at)
        if month not in scores:
            continue
        for key, value in score_checkin(checkin, definition).categories.items():
            if value is not None:
                scores[month].setdefault(key, []).append(value)
        helping = [v for v in checkin.helping.values() if isinstance(v, int)]
        if helping:
            scores[month].setdefault(POSITIVE, []).append(sum(helping) / len(helping))
    bands: dict[str, list[QuestionnaireBand]] = {m: [] for m in months}
    for result in sorted(session.instruments.results(since=since), key=lambda r: r.taken_at):
        month = month_of(result.taken_at)
        if month not in bands:
            continue
        for subscale, band in result.bands.items():
            if band:
                bands[month].append(QuestionnaireBand(result.instrument_id, subscale, band))
    counts = dict.fromkeys(months, 0)
    for point in TrendRepository(session.db).reflection_points(since, until):
        month = month_of(point.occurred_at)
        if month in counts:
            counts[month] += 1
    return Contribution(
        contributor=new_contributor_id(),
        written=month_of(today),
        months=tuple(
            month_figures(m, scores[m], bands[m], counts[m], month_token(secret, m)) for m in months
        ),
    )


def write_contribution(contribution: Contribution, path: Path) -> None:
    """0600 and atomic, like every file Reflect writes; plain JSON so the person can read it."""
    write_private_file(Path(path), contribution.to_bytes())
