"""The identity guard warns on identifying details and stays quiet on ordinary reflection text."""

from __future__ import annotations

from datetime import date

import pytest

from reflect.domain.identity_guard import (
    ADDRESS,
    BIRTH_DATE,
    EMAIL,
    NAME,
    PHONE,
    find_identifiers,
    replace_all,
    summary,
)

TODAY = date(2026, 6, 1)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_identifiers(text, today=TODAY)]


POSITIVES = [
    # phone numbers
    ("Call her back at 416-555-0199 tomorrow.", PHONE, "416-555-0199"),
    ("Her number is (416) 555 0199.", PHONE, "(416) 555 0199"),
    ("Reached on 416.555.0199 after lunch.", PHONE, "416.555.0199"),
    ("Cell +1 604 555 0123 is the best way.", PHONE, "+1 604 555 0123"),
    ("He gave +44 20 7946 0958 as a contact.", PHONE, "+44 20 7946 0958"),
    ("The local number 555-0199 was written on a card.", PHONE, "555-0199"),
    ("Try 1-800-555-0100 ext 22 next week.", PHONE, "1-800-555-0100 ext 22"),
    # e-mail addresses
    ("She wrote from jane.doe@example.org last night.", EMAIL, "jane.doe@example.org"),
    ("Contact: j_smith+shelter@mail.example.ca", EMAIL, "j_smith+shelter@mail.example.ca"),
    # street addresses
    ("She stays at 123 Maple Street, apt 4 for now.", ADDRESS, "123 Maple Street, apt 4"),
    ("Meet at 221B Baker Street.", ADDRESS, "221B Baker Street"),
    ("Drove to 12 King St W after.", ADDRESS, "12 King St W"),
    ("Apt 5, 44 Queen Ave is where we went.", ADDRESS, "Apt 5, 44 Queen Ave"),
    ("The room at 9 North Elm Rd was cold.", ADDRESS, "9 North Elm Rd"),
    ("Elle habite au 45 rue de la Montagne depuis mai.", ADDRESS, "45 rue de la Montagne"),
    ("Postal code M5V 2T6 on the form.", ADDRESS, "M5V 2T6"),
    ("He lives on 5th Avenue near 300 West 42nd Street.", ADDRESS, "300 West 42nd Street"),
    # dates of birth
    ("DOB 12/03/1998 was on the intake sheet.", BIRTH_DATE, "12/03/1998"),
    ("D.O.B.: 2001-07-14", BIRTH_DATE, "2001-07-14"),
    ("Her date of birth is March 3, 2001.", BIRTH_DATE, "March 3, 2001"),
    ("She was born in 2009 and is scared.", BIRTH_DATE, "2009"),
    ("born on 4 July 2007", BIRTH_DATE, "4 July 2007"),
    ("Birthday 14th of February 2005, she said.", BIRTH_DATE, "14th of February 2005"),
    ("Written on the card: 07/14/1990.", BIRTH_DATE, "07/14/1990"),
    # full names
    ("I met Maria Lopez at the drop-in.", NAME, "Maria Lopez"),
    ("Today Maria Lopez called again.", NAME, "Maria Lopez"),
    ("Maria Lopez's sister was there.", NAME, "Maria Lopez"),
    ("Ms. Johnson was there with her son.", NAME, "Ms. Johnson"),
    ("Dr Patel agreed to see her.", NAME, "Dr Patel"),
    ("Jean-Luc Tremblay waited outside.", NAME, "Jean-Luc Tremblay"),
    ("We talked with Mary O'Brien about housing.", NAME, "Mary O'Brien"),
    ("Then Ana de la Cruz arrived.", NAME, "Ana de la Cruz"),
    ("Spoke to John A. Smith at the door.", NAME, "John A. Smith"),
    ("Kevin McDonald seemed tired.", NAME, "Kevin McDonald"),
    ("Asked whether Sofía Ramírez had eaten.", NAME, "Sofía Ramírez"),
]


@pytest.mark.parametrize(("text", "kind", "found"), POSITIVES)
def test_identifying_details_are_found(text, kind, found):
    assert (kind, found) in kinds(text), kinds(text)


NEGATIVES = [
    # practice vocabulary and headings in title case
    "Safe Environment was hard to create in the hallway.",
    "Active Listening: I let her lead.",
    "Communicating With Care went better than last week.",
    "Appropriate Action felt unclear.",
    "Stage of Change felt like Contemplation.",
    "The Crisis Text Line is always a good option.",
    "Gave the Human Trafficking Hotline card.",
    # sentence-initial words and single names
    "Walking Home was calming.",
    "Honestly, Tuesday was heavy.",
    "After Court I needed a walk.",
    "Maria seemed calmer than last time.",
    "She is 17 and from Calgary.",
    "Feeling Drained afterwards.",
    "I spoke with the RCMP liaison.",
    "Went to Toronto General Hospital with her.",
    "We talked for 2 hours at Covenant House.",
    "Christmas Eve shifts are always hard.",
    "My Supervisor Said To Rest.",
    "I think I did OK. She left.",
    # times, ordinary dates, numbers
    "We met at 10:30 and left at 11:45.",
    "On 12/03/2025 we met at the clinic.",
    "The shift on 2026-05-30 at 14:00 was long.",
    "It was 2019-2020 when I started.",
    "Met in March 2024, again in May.",
    "It costs $1,200.50 per month.",
    "Gave the hotline 1-833-900-1010 and 988.",
    "The US hotline is 1-888-373-7888.",
    "3 Family Court hearings this week.",
    "I did 3 long road trips.",
    "the 5 Ways to Wellbeing handout",
    "Rated it 4 out of 5; intensity 7/10.",
    "Already wrote M.L. instead of her name.",
    "Email the supervisor about the rota.",
    "version 2.3.4 of the form",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_ordinary_reflection_text_is_left_alone(text):
    assert kinds(text) == []


def test_replace_all_uses_initials_for_names_and_placeholders_otherwise():
    text = "He said Maria Lopez lives at 12 Elm Ave. Call 416-555-0199 or maria@example.com."
    assert replace_all(text, find_identifiers(text, today=TODAY)) == (
        "He said M.L. lives at [address]. Call [phone] or [e-mail]."
    )


def test_titles_are_kept_in_the_suggestion():
    (finding,) = find_identifiers("Ms. Johnson was there.", today=TODAY)
    assert finding.suggestion == "Ms J."


def test_stale_findings_are_skipped_when_text_changed():
    text = "Maria Lopez came."
    findings = find_identifiers(text, today=TODAY)
    assert replace_all("Someone else came.", findings) == "Someone else came."


def test_findings_are_in_text_order_and_do_not_overlap():
    text = "Maria Lopez, DOB 01/02/1999, 416-555-0199, maria@example.com, 12 Elm Street."
    found = find_identifiers(text, today=TODAY)
    assert [f.kind for f in found] == [NAME, BIRTH_DATE, PHONE, EMAIL, ADDRESS]
    for left, right in zip(found, found[1:], strict=False):
        assert left.end <= right.start


def test_summary_reads_naturally():
    found = find_identifiers("Maria Lopez, 416-555-0199", today=TODAY)
    assert summary(found) == "a full name and a phone number"
    assert summary([]) == ""


def test_replacing_leaves_nothing_to_warn_about():
    for text, _kind, _found in POSITIVES:
        cleaned = replace_all(text, find_identifiers(text, today=TODAY))
        assert find_identifiers(cleaned, today=TODAY) == [], cleaned


def test_initial_then_surname_is_a_name():
    assert kinds("Saw J. Smith near the door.") == [(NAME, "J. Smith")]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_any_text_gives_consistent_findings(text):
    found = find_identifiers(text, today=TODAY)
    for f in found:
        assert text[f.start : f.end] == f.text
    replace_all(text, found)  # never raises


@pytest.mark.parametrize(
    "text",
    [
        "Gave her the Kids Help Phone text line.",
        "We used the Headington Institute handout.",
        "I filled in the WHO-5 Well-Being Index.",
        "The Copenhagen Burnout Inventory was on the table.",
        "Trust Therapy runs a group on Tuesdays.",
        "Read about it in Senior Nurse.",
        "Tasel Health has a breathing video.",
    ],
)
def test_organisations_and_publications_are_not_people(text):
    assert kinds(text) == []


def test_long_title_case_runs_are_headings_not_names():
    assert kinds("Notes From Tuesday Evening Team Huddle Review Session Agenda Items") == []
    assert kinds("Word " * 50) == []
