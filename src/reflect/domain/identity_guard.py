"""Identity guard: spot text that could identify a client, and suggest a safer wording.

Reflections are about the provider, not the person they met. This module looks for phone
numbers, e-mail addresses, street addresses, dates of birth and capitalised full names. It
only warns: a false alarm costs a glance, a missed name could cost someone's safety, so the
rules lean towards warning but avoid the common traps (practice-area names such as "Safe
Environment", words capitalised because they start a sentence, times, ordinary dates,
crisis-line numbers).

Pure standard library; the interface decides how to show the findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from reflect.domain.identity_words import (
    BARE_TITLES,
    KNOWN_PHRASES,
    NON_PERSON_WORDS,
    NOT_NAME_WORDS,
    PARTICLES,
    TITLES,
)

PHONE, EMAIL, ADDRESS, BIRTH_DATE, NAME = "phone", "email", "address", "birth_date", "name"
KIND_LABELS: dict[str, str] = {
    PHONE: "a phone number",
    EMAIL: "an e-mail address",
    ADDRESS: "a street address",
    BIRTH_DATE: "a date of birth",
    NAME: "a full name",
}
PLACEHOLDERS: dict[str, str] = {
    PHONE: "[phone]",
    EMAIL: "[e-mail]",
    ADDRESS: "[address]",
    BIRTH_DATE: "[date of birth]",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str
    suggestion: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


# --- phone numbers and e-mail ------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
_PHONE = re.compile(
    r"(?<![\w/:.-])"
    r"(?:\+?\d{1,3}[\s.-]?)?"  # country code
    r"(?:\(\d{3}\)\s?|\d{3}[\s.-])"  # area code
    r"\d{3}[\s.-]\d{4}"
    r"(?:\s?(?:x|ext\.?)\s?\d{1,5})?"
    r"(?![\w/:-]|\.\d)"
    r"|(?<![\w/:.-])\d{3}[.-]\d{4}(?![\w/:-]|\.\d)"  # local seven-digit number
    r"|(?<![\w/:.-])\+\d{1,3}(?:[\s.-]?\d{2,4}){3,5}(?![\w/:-]|\.\d)"  # international
)
# Public crisis and help lines: writing down the number you gave someone identifies nobody.
_PUBLIC_NUMBERS = {
    "18339001010",  # Canadian Human Trafficking Hotline
    "18883737888",  # US National Human Trafficking Hotline
    "18006624357",  # SAMHSA National Helpline
    "18004874889",  # SAMHSA National Helpline, TTY
    "18552423310",  # Hope for Wellness Help Line
    "18006686868",  # Kids Help Phone
    "18664847463",  # Shelter Safe / assaulted women's helplines vary; kept as an example
    "18007997233",  # US National Domestic Violence Hotline
}

# --- street addresses ---------------------------------------------------------------------------

_SUFFIXES = (
    "street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|crescent|cres"
    "|place|pl|terrace|highway|hwy|parkway|pkwy|circle|cir|square|sq|trail|close|row|alley"
)
_ADDRESS = re.compile(
    r"(?:\b(?i:apt|apartment|unit|suite)\.?\s*#?\s*\w{1,5}\s*[,-]?\s*)?"
    r"(?<![\w$.:/-])#?\d{1,6}[A-Za-z]?(?:\s*-\s*\d{1,6})?\s+"  # civic number, maybe unit-number
    r"(?:(?:[NSEW]|North|South|East|West)\.?\s+)?"
    r"(?:(?:[A-Z][a-zA-Z'’-]+|\d{1,3}(?:st|nd|rd|th))\s+){1,3}"  # capitalised street name
    rf"(?i:{_SUFFIXES})\b"
    r"(?:\s+(?:[NSEW]|North|South|East|West)\b)?"
    r"(?:\s*,?\s*(?i:apt|apartment|unit|suite)\.?\s*#?\s*\w{1,5})?"
)
_RUE = re.compile(
    r"(?<![\w$.:/-])\d{1,6}[A-Za-z]?,?\s+(?i:rue|chemin|boulevard|avenue|av\.)\s+"
    r"(?:(?:de|du|des|la|le)\s|l['’])*[A-ZÀ-Ý][\w'’-]*"
    r"(?:\s(?:(?:de|du|des|la|le)\s|l['’])*[A-ZÀ-Ý][\w'’-]*){0,3}"
)
# "3 Family Court hearings" counts hearings; it is not a civic address.
_NOT_A_STREET = re.compile(
    r"\b(?:family|youth|criminal|supreme|provincial|district|county|superior|drug|traffic|housing)"
    r"\s+court\b",
    re.IGNORECASE,
)
_POSTAL_CODE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d\b")

# --- dates of birth -----------------------------------------------------------------------------

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    r"|\d{4}-\d{1,2}-\d{1,2}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}})"
)
_DOB_CUE = re.compile(
    r"\b(?:d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthday|born(?:\s+on|\s+in)?)\s*[:\-]?\s*"
    rf"(?P<date>{_DATE}|(?:19|20)\d{{2}})",
    re.IGNORECASE,
)
_FULL_DATE = re.compile(rf"(?<![\w/.-]){_DATE}(?![\w/-])", re.IGNORECASE)
# A full date this many years in the past is far more likely a birth date than a shift.
BIRTH_DATE_MIN_AGE_YEARS = 12

# --- names ------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*\.?")
_CAPITALISED = re.compile(
    r"(?:Mc|Mac|O['’])?[A-ZÀ-Ý][a-zà-ÿ]+(?:[-'’][A-ZÀ-Ý]?[a-zà-ÿ]+)*|[A-Z]{2,}"
)


def _is_public_number(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 10:
        digits = "1" + digits
    return digits in _PUBLIC_NUMBERS


def _year_of(date_text: str) -> int | None:
    four = re.findall(r"(?:19|20)\d{2}", date_text)
    if four:
        return int(four[-1])
    two = re.search(r"[/.-](\d{2})$", date_text.strip())
    if two:
        value = int(two.group(1))
        # Two-digit years: assume the most recent century that is not in the future.
        current = date.today().year % 100
        return 2000 + value if value <= current else 1900 + value
    return None


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:;\n•-–—*"


@dataclass
class _Token:
    start: int
    end: int
    word: str
    is_title: bool = False
    is_initial: bool = False


def _name_runs(text: str) -> list[list[_Token]]:
    """Runs of capitalised words, titles and initials separated by single spaces."""
    runs: list[list[_Token]] = []
    run: list[_Token] = []
    prev_end: int | None = None

    def flush() -> None:
        nonlocal run
        if run:
            runs.append(run)
        run = []

    for m in _TOKEN.finditer(text):
        raw = m.group()
        dotted = raw.endswith(".")
        word = raw.rstrip(".")
        possessive = re.search(r"['’]s$", word)
        if possessive:
            word = word[: possessive.start()]
        if run and text[prev_end : m.start()] != " ":
            flush()
        lower = word.lower()
        is_title = lower in TITLES and (dotted or lower in BARE_TITLES)
        is_initial = len(word) == 1 and word.isupper() and dotted
        is_capitalised = bool(_CAPITALISED.fullmatch(word))
        is_particle = bool(run) and lower in PARTICLES and not dotted
        prev_end = m.end()
        if not (is_title or is_initial or is_capitalised or is_particle):
            flush()
            continue
        keep_dot = dotted and (is_title or is_initial)
        run.append(
            _Token(
                m.start(),
                m.start() + len(word) + (1 if keep_dot else 0),
                word,
                is_title,
                is_initial,
            )
        )
        if (dotted and not keep_dot) or possessive:
            flush()  # a full stop ends the sentence; "Maria's" ends the name
    flush()
    return runs


def _judge_name_run(text: str, run: list[_Token]) -> Finding | None:
    padded = " " + " ".join(t.word.lower() for t in run) + " "
    if any(f" {p} " in padded for p in KNOWN_PHRASES):
        return None
    # Drop words at either end that are not names: sentence openers, pronouns, days, verbs
    # capitalised only because a sentence starts with them ("Walking Home" is not a person).
    while run and (
        (run[0].word.lower() in NOT_NAME_WORDS and not run[0].is_initial)
        or (
            _sentence_start(text, run[0].start)
            and not run[0].is_title
            and re.search(r"(ing|ed|ly|ness|ful)$", run[0].word.lower())
        )
    ):
        run = run[1:]
    if any(t.word.lower() in NON_PERSON_WORDS for t in run):
        return None  # "Toronto General Hospital" locates a service, not a person
    while run and (run[-1].word.lower() in NOT_NAME_WORDS or run[-1].word.lower() in PARTICLES):
        run = run[:-1]
    if any(t.word.lower() in NOT_NAME_WORDS and not t.is_initial for t in run):
        return None  # a function word inside means a heading or a title, not a person
    words = [t.word for t in run]
    core = [t for t in run if not t.is_title and t.word.lower() not in PARTICLES]
    titles = [t for t in run if t.is_title]
    if not core or (len(core) < 2 and not titles):
        return None
    if all(len(t.word) == 1 for t in core):
        return None  # already initials
    if len(core) > 5:
        return None  # a Title Case heading or list, not one person's name
    lowered = [w.lower() for w in words]
    phrase = " ".join(lowered)
    if any(
        phrase == p or phrase.startswith(p + " ") or phrase.endswith(" " + p) for p in KNOWN_PHRASES
    ):
        return None
    if sum(1 for t in core if t.word.isupper() and len(t.word) > 1):
        return None  # acronyms: "RCMP", "ER"
    initials = "".join(f"{t.word[0].upper()}." for t in core)
    suggestion = f"{titles[0].word} {initials}" if titles else initials
    return Finding(NAME, run[0].start, run[-1].end, text[run[0].start : run[-1].end], suggestion)


def _find_names(text: str) -> list[Finding]:
    findings = []
    for run in _name_runs(text):
        finding = _judge_name_run(text, run)
        if finding is not None:
            findings.append(finding)
    return findings


def find_identifiers(text: str, *, today: date | None = None) -> list[Finding]:
    """Everything in ``text`` that looks like it could identify a person, in text order."""
    today = today or date.today()
    found: list[Finding] = []

    def add(kind: str, start: int, end: int, suggestion: str | None = None) -> None:
        if any(start < f.end and f.start < end for f in found):
            return  # the first, more specific rule wins an overlap
        found.append(Finding(kind, start, end, text[start:end], suggestion or PLACEHOLDERS[kind]))

    for m in _EMAIL.finditer(text):
        add(EMAIL, m.start(), m.end())
    for m in _DOB_CUE.finditer(text):
        add(BIRTH_DATE, m.start("date"), m.end("date"))
    for m in _FULL_DATE.finditer(text):
        year = _year_of(m.group())
        if year is not None and today.year - year >= BIRTH_DATE_MIN_AGE_YEARS:
            add(BIRTH_DATE, m.start(), m.end())
    for pattern in (_ADDRESS, _RUE):
        for m in pattern.finditer(text):
            if not _NOT_A_STREET.search(m.group()):
                add(ADDRESS, m.start(), m.end())
    for m in _POSTAL_CODE.finditer(text):
        add(ADDRESS, m.start(), m.end())
    for m in _PHONE.finditer(text):
        if _is_public_number(m.group()) or _looks_like_date_or_range(m.group()):
            continue
        add(PHONE, m.start(), m.end())
    for finding in _find_names(text):
        add(NAME, finding.start, finding.end, finding.suggestion)
    return sorted(found, key=lambda f: f.start)


def _looks_like_date_or_range(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    # "2023-2024" or "1999-2005": year ranges, not local numbers.
    return (
        bool(re.fullmatch(r"(19|20)\d{2}[\s.-]+(19|20)\d{2}", candidate.strip())) or len(digits) < 7
    )


def replace_all(text: str, findings: list[Finding] | None = None) -> str:
    """Text with every finding replaced by its suggestion (initials for names)."""
    findings = find_identifiers(text) if findings is None else findings
    out: list[str] = []
    position = 0
    for f in sorted(findings, key=lambda f: f.start):
        if f.start < position or text[f.start : f.end] != f.text:
            continue  # stale finding: the text changed since it was computed
        out.append(text[position : f.start])
        out.append(f.suggestion)
        position = f.end
    out.append(text[position:])
    return "".join(out)


def summary(findings: list[Finding]) -> str:
    """ "a phone number and a full name": what the warning banner says was noticed."""
    labels: list[str] = []
    for f in findings:
        if f.label not in labels:
            labels.append(f.label)
    if not labels:
        return ""
    if len(labels) == 1:
        return labels[0]
    return ", ".join(labels[:-1]) + " and " + labels[-1]
