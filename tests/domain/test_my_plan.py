from __future__ import annotations

import pytest

from reflect.domain.errors import ValidationError
from reflect.domain.my_plan import MyPlan, PlanPerson, entries_from_text


def test_entries_from_text_strips_bullets_and_blanks():
    assert entries_from_text("- short temper\n\n• skipping lunch \n* \nscrolling late") == [
        "short temper",
        "skipping lunch",
        "scrolling late",
    ]


def test_cleaned_drops_blank_rows_and_requires_names():
    plan = MyPlan(
        what_helps=["  walk ", ""], people=[PlanPerson("", "", ""), PlanPerson("Sam", "555 0100")]
    )
    clean = plan.cleaned()
    assert clean.what_helps == ["walk"]
    assert clean.people == [PlanPerson("Sam", "555 0100", "")]
    with pytest.raises(ValidationError, match="no name"):
        MyPlan(people=[PlanPerson("", "555 0100")]).cleaned()


def test_overlong_entry_is_refused_with_a_reason():
    with pytest.raises(ValidationError, match="Boundaries I keep"):
        MyPlan(boundaries=["x" * 400]).cleaned()


def test_is_empty():
    assert MyPlan().is_empty
    assert not MyPlan(boundaries=["no e-mail after 8 pm"]).is_empty
