"""The team report as Markdown (and as the HTML the PDF is drawn from): shown figures only.

Everything here is built from a TeamSummary, in which the minimum-group rule has already
hidden what must not be seen; a hidden figure is written as hidden, never as a number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from reflect.domain.org_assessment import ActionItem, AssessmentResult
from reflect.domain.team_contribution import BUCKETS, SCORE_KEYS
from reflect.domain.team_sentences import (
    BUCKET_LABELS,
    SCORE_LABELS,
    describe_team,
    hidden_text,
    month_date,
    team_num,
)
from reflect.domain.team_summary import Spread, TeamSummary
from reflect.domain.words import ENGLISH, Words

RATING_LABELS = {"strength": "Strength", "partly": "Partly", "gap": "Gap"}


@dataclass(frozen=True)
class TeamReport:
    summary: TeamSummary
    assessment: AssessmentResult | None
    actions: Sequence[ActionItem]
    made_on: date
    domain_labels: Mapping[str, str]  # domain id -> label, already in the interface language
    questionnaire_names: Mapping[tuple[str, str], str]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _spread(spread: Spread | None, words: Words) -> str:
    if spread is None:
        return words("hidden")
    return words("{median} ({low}-{high})").format(
        median=team_num(words, spread.median),
        low=team_num(words, spread.q1),
        high=team_num(words, spread.q3),
    )


def _count(value: int | None, words: Words) -> str:
    return words("hidden") if value is None else str(value)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |"]
    lines.append("|" + "|".join("---" for _ in header) + "|")
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def report_markdown(report: TeamReport, words: Words = ENGLISH) -> str:
    return "\n".join(report_sections(report, words)).rstrip() + "\n"


def report_sections(report: TeamReport, words: Words = ENGLISH) -> list[str]:
    """The report in parts: the words, the figures, the assessment, the action plan. The PDF
    puts the charts between the first two."""
    summary = report.summary
    head = [
        f"# {words('Team report')}",
        "",
        "*"
        + words(
            "Made with Reflect on {date} from anonymous, voluntary contributions. "
            "Figures from fewer than {minimum} people are hidden."
        ).format(date=words.day(report.made_on), minimum=summary.min_group)
        + "*",
        "",
        f"## {words('In words')}",
        "",
        *[f"- {line}" for line in describe_team(summary, words)],
        "",
    ]
    return [
        "\n".join(head),
        "\n".join(_figure_lines(report, words)),
        "\n".join(_assessment_lines(report, words)),
        "\n".join(_action_lines(report, words)),
    ]


def _figure_lines(report: TeamReport, words: Words) -> list[str]:
    """The figures as tables, or nothing when no month can be shown."""
    summary = report.summary
    lines: list[str] = []
    months = summary.months
    if any(m.shown for m in months):
        # Months across, categories down: a team report has a handful of months and eight
        # categories, and a page is taller than it is wide.
        lines += [f"## {words('Check-ins by month (median, middle half; 0-4)')}", ""]
        header = [words("Category"), *[words.month(month_date(m.month)) for m in months]]
        rows = [[words("Contributors"), *[_count(m.contributors, words) for m in months]]]
        rows += [
            [words(SCORE_LABELS[k]), *[_spread(m.categories.get(k), words) for m in months]]
            for k in SCORE_KEYS
        ]
        lines += [*_table(header, rows), ""]
        lines += [f"## {words('Reflections per person')}", ""]
        header = [words("Month"), *[words(BUCKET_LABELS[b]) for b in BUCKETS]]
        rows = [
            [
                words.month(month_date(m.month)),
                *[_count(m.reflections.get(b), words) for b in BUCKETS],
            ]
            for m in months
            if m.shown
        ]
        lines += [*_table(header, rows), ""]
        questionnaire_rows = _questionnaire_rows(report, words)
        if questionnaire_rows:
            lines += [f"## {words('Questionnaire bands (people per band)')}", ""]
            header = [words("Month"), words("Questionnaire"), words("Bands")]
            lines += [*_table(header, questionnaire_rows), ""]
        lines += [f"*{words('Hidden')}: {hidden_text(summary, words)}.*", ""]
    return lines


def _questionnaire_rows(report: TeamReport, words: Words) -> list[list[str]]:
    questionnaire_rows = []
    for m in report.summary.months:
        for q in m.questionnaires:
            if not q.any_shown:
                continue
            name = report.questionnaire_names.get((q.instrument, q.subscale)) or (
                f"{q.instrument} {q.subscale}"
            )
            cells = ", ".join(
                words("{band}: {count}").format(
                    band=words(band.replace("_", " ")), count=_count(count, words)
                )
                for band, count in q.bands.items()
            )
            questionnaire_rows.append([words.month(month_date(m.month)), name, cells])
    return questionnaire_rows


def _assessment_lines(report: TeamReport, words: Words) -> list[str]:
    lines = [f"## {words('Organisational self-assessment')}", ""]
    result = report.assessment
    if result is None:
        return [*lines, words("Not done yet."), ""]
    who = (
        words("answered alone")
        if result.mode == "alone"
        else words("agreed by a group of {count} people").format(count=result.participants)
    )
    lines += [f"{words.day(result.taken_at)}, {who}.", ""]
    rows = [
        [
            report.domain_labels.get(d.domain, d.label),
            team_num(words, d.mean) if d.mean is not None else words("not answered"),
            words(RATING_LABELS[d.rating]) if d.rating else words("not answered"),
        ]
        for d in result.domains
    ]
    return [*lines, *_table([words("Area"), words("Average"), words("Reading")], rows), ""]


def _action_lines(report: TeamReport, words: Words) -> list[str]:
    lines = [f"## {words('Action plan')}", ""]
    if not report.actions:
        return [*lines, words("No actions yet."), ""]
    rows = [
        [
            report.domain_labels.get(a.domain, a.domain),
            a.what,
            a.who,
            words.day(a.by_when),
            words.day(a.review_on),
            words("done {date}").format(date=words.day(a.done_on)) if a.done_on else words("open"),
        ]
        for a in report.actions
    ]
    header = [
        words("Area"),
        words("What"),
        words("Who"),
        words("By when"),
        words("Review"),
        words("Status"),
    ]
    return [*lines, *_table(header, rows), ""]
