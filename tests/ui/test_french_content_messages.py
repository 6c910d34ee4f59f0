"""Issue 14 item 3: the domain's content problems and refusals carry a template and values.

Each case raises a real error through the public code, checks that the English sentence is
exactly the one shown before (the command line and other tests compare it), that the error
keeps its template and values, and that the interface says it in French with the values
put back: a fixed interface word (a section of My plan, a shift-log field) translated, and
anything that came from a file or a person shown as it came.
"""

from __future__ import annotations

import json
import string
from datetime import date, datetime

import pytest

from reflect.domain.errors import ContentError, ReflectError
from reflect.domain.message import Message, Term
from reflect.resources import asset_path
from reflect.ui import i18n
from reflect.ui.error_text import message_in_language


def _raised(action) -> ReflectError:
    with pytest.raises(ReflectError) as caught:
        action()
    return caught.value


def _checkin_definition():
    from reflect.domain.checkin_definition import load_checkin_definition

    return load_checkin_definition(asset_path("checkin", "checkin.json"))


def _shipped(name: str) -> dict:
    return json.loads(asset_path("resources", name).read_text(encoding="utf-8"))


# --- content files: "file: field: problem", the problem a Message of its own ---------------


def _checkin_bad_format():
    from reflect.domain.checkin_definition import parse_checkin_definition

    parse_checkin_definition({"format": "x"}, "checkin.json")


def _checkin_not_an_object():
    from reflect.domain.checkin_definition import parse_checkin_definition

    parse_checkin_definition([], "checkin.json")


def _coping_duplicate_id():
    from reflect.domain.coping import parse_coping_library

    data = _shipped("coping.json")
    data["items"].append(dict(data["items"][0]))
    parse_coping_library(data, "coping.json")


def _coping_unknown_category():
    from reflect.domain.coping import parse_coping_library

    data = _shipped("coping.json")
    data["items"][0]["categories"] = ["joy"]
    parse_coping_library(data, "coping.json")


def _crisis_duplicate_line():
    from reflect.domain.crisis_lines import parse_crisis_directory

    data = _shipped("crisis_lines.json")
    lines = data["countries"]["CA"]
    lines.append(dict(lines[-1]))
    parse_crisis_directory(data, "crisis_lines.json")


def _instrument_bad_format():
    from reflect.domain.instruments import parse_definition

    parse_definition({"format": "v0"}, "mine.json")


def _template_unknown_type():
    from reflect.domain.templates import parse_template

    field = {"id": "what", "type": "poem", "label": "What happened"}
    data = {"id": "t", "name": "T", "sections": [{"title": "S", "fields": [field]}]}
    parse_template(data, "t.json")


def _account_too_many_sections():
    from reflect.domain.reflective_account import MAX_SECTIONS, parse_account_shape

    section = {"id": "a", "heading": "A"}
    parse_account_shape({"sections": [section] * (MAX_SECTIONS + 1)}, "shape.json")


def _notice_missing_placeholders():
    from reflect.domain.notice_wording import parse_notice_wording

    data = _shipped("notices.json")
    group = next(k for k, v in data.items() if isinstance(v, dict))
    key = next(k for k, v in data[group].items() if "{" in v)
    data[group][key] = "No values here."
    parse_notice_wording(data, "notices.json")


CONTENT_CASES = [
    (
        _checkin_not_an_object,
        "checkin.json: (top level): must be an object",
        "checkin.json : (top level) : doit être un objet",
    ),
    (
        _checkin_bad_format,
        "checkin.json: format: must be 'reflect-checkin/1'",
        "checkin.json : format : doit être 'reflect-checkin/1'",
    ),
    (
        _coping_unknown_category,
        None,  # the field names the item, so only the problem is compared below
        None,
    ),
    (_coping_duplicate_id, None, None),
    (_crisis_duplicate_line, None, None),
    (
        _instrument_bad_format,
        "mine.json: format: must be 'reflect-instrument/1', found 'v0'",
        "mine.json : format : doit être 'reflect-instrument/1' ; trouvé : 'v0'",
    ),
    (
        _template_unknown_type,
        None,
        None,
    ),
    (
        _account_too_many_sections,
        "shape.json: sections: must hold 1 to 12 sections",
        "shape.json : sections : doit contenir de 1 à 12 sections",
    ),
    (_notice_missing_placeholders, None, None),
]


@pytest.mark.parametrize(("action", "english", "in_french"), CONTENT_CASES)
def test_content_problems_keep_their_template_and_read_in_french(
    action, english, in_french, french
):
    error = _raised(action)
    assert isinstance(error, ContentError)
    problem = error.message.values["problem"]
    assert isinstance(problem, Message) and problem.template in french
    shown = message_in_language(error)
    # The French frame keeps the file and the field as they came, then the problem in French.
    assert shown.startswith(f"{error.source} : {error.field} : ")
    assert shown.endswith(message_in_language(problem))
    assert message_in_language(problem) != problem
    if english is not None:
        assert str(error) == english
        assert shown == in_french


def test_a_problem_with_values_keeps_them_and_the_english_is_unchanged(french):
    error = _raised(_coping_unknown_category)
    problem = error.message.values["problem"]
    assert problem.template == "{category} is not one of {choices}"
    assert problem.values["category"] == "'joy'"
    choices = problem.values["choices"]
    assert str(problem) == f"'joy' is not one of {choices}"
    assert message_in_language(problem) == f"'joy' ne fait pas partie de {choices}"


def test_a_duplicate_id_is_quoted_as_before_and_in_guillemets_in_french(french):
    error = _raised(_coping_duplicate_id)
    problem = error.message.values["problem"]
    assert problem.template == "'{id}' is used twice"
    assert str(problem) == f"'{problem.values['id']}' is used twice"
    assert message_in_language(problem) == f"« {problem.values['id']} » est utilisé deux fois"


def test_placeholders_in_notice_wording_are_shown_as_written(french):
    error = _raised(_notice_missing_placeholders)
    problem = error.message.values["problem"]
    assert problem.template == "must use exactly {placeholders}"
    # The wanted placeholders hold braces; they are a value, so nothing re-reads them.
    assert "{" in problem.values["placeholders"]
    assert message_in_language(problem) == (
        f"doit utiliser exactement {problem.values['placeholders']}"
    )


# --- refusals of what a person entered ------------------------------------------------------


def _checkin_rating():
    from reflect.domain.checkin import CheckIn

    definition = _checkin_definition()
    item = definition.items[0].id
    definition.validate(CheckIn(datetime(2026, 1, 5), {item: 2}, sleep=9))


def _checkin_unknown_item():
    from reflect.domain.checkin import CheckIn

    _checkin_definition().validate(CheckIn(datetime(2026, 1, 5), {"made.up": 1}))


def _share(kind, item_id):
    from reflect.domain.debrief import shared_ref

    return lambda: shared_ref(kind, item_id)


def _shift(**values):
    from reflect.domain.exposure import ShiftLog

    return lambda: ShiftLog(day=date(2026, 1, 5), **values)


def _break_kind():
    from reflect.domain.exposure import Break

    Break(date(2026, 1, 5), date(2026, 1, 6), kind="holiday")


def _self_check():
    from reflect.domain.recovery import SelfCheck

    SelfCheck("weekly", date(2026, 1, 5))


def _range():
    from reflect.domain.trends import date_range

    date_range("fortnight", date(2026, 1, 5))


def _plan_entries():
    from reflect.domain.my_plan import MyPlan

    MyPlan(boundaries=["x" * 301]).cleaned()


def _plan_person():
    from reflect.domain.my_plan import MyPlan, PlanPerson

    MyPlan(people=[PlanPerson("", "555-0100")]).cleaned()


REFUSALS = [
    (
        _checkin_rating,
        "'sleep' must be rated from 0 to 4.",
        "« sleep » doit être noté de 0 à 4.",
    ),
    (
        _checkin_unknown_item,
        "'made.up' is not a check-in item.",
        "« made.up » n'est pas une question du bilan.",
    ),
    (
        _share("note", 3),
        "Only reflections, check-ins and charts can be shared, not 'note'.",
        "Seuls les réflexions, les bilans et les graphiques peuvent être partagés, pas 'note'.",
    ),
    (
        _share("chart", "pie"),
        "There is no chart called 'pie'.",
        "Aucun graphique ne s'appelle 'pie'.",
    ),
    (
        _share("checkin", "abc"),
        "A checkin to share needs its number, not 'abc'.",
        "Un bilan à partager se désigne par son numéro, pas par 'abc'.",
    ),
    (
        _share("reflection", "x"),
        "A reflection to share needs its number, not 'x'.",
        "Une réflexion à partager se désigne par son numéro, pas par 'x'.",
    ),
    (
        _shift(disclosures=900),
        "Disclosures heard must be between 0 and 500.",
        "Dévoilements entendus : indiquez un nombre entre 0 et 500.",
    ),
    (
        _shift(crises=1.5),
        "Crises handled must be a whole number.",
        "Crises gérées : indiquez un nombre entier.",
    ),
    (
        _shift(hours=30),
        "Hours must be between 0 and 24.",
        "Les heures doivent être entre 0 et 24.",
    ),
    (
        _shift(critical=True, outline="y" * 161),
        "The outline is limited to 160 characters.",
        "Le résumé est limité à 160 caractères.",
    ),
    (
        _break_kind,
        "A break is a day off or leave, not 'holiday'.",
        "Une pause est un jour de repos ou un congé, pas « holiday ».",
    ),
    (
        _self_check,
        "Unknown self-check 'weekly'.",
        "Point sur vous inconnu : « weekly ».",
    ),
    (
        _range,
        "Unknown range 'fortnight'; choose one of 4w, 3m, 1y, all, custom.",
        "Période inconnue : 'fortnight' ; choisissez parmi 4w, 3m, 1y, all, custom.",
    ),
    (
        _plan_entries,
        "An entry in “Boundaries I keep” is longer than 300 characters; short lines are "
        "easier to read on a hard day.",
        None,
    ),
    (
        _plan_person,
        "A person in “People I can call” has no name; add one or clear it.",
        None,
    ),
]


@pytest.mark.parametrize(("action", "english", "in_french"), REFUSALS)
def test_refusals_keep_their_english_and_read_in_french(action, english, in_french, french):
    error = _raised(action)
    assert str(error) == english
    assert error.message.template in french
    assert error.message.values  # a template with values, not a finished sentence
    shown = message_in_language(error)
    assert shown == (in_french or shown) and shown != english


def test_plan_section_names_are_terms_translated_in_french(french):
    error = _raised(_plan_entries)
    assert isinstance(error.message.values["section"], Term)
    shown = message_in_language(error)
    assert french["Boundaries I keep"] in shown and "Boundaries I keep" not in shown
    person = message_in_language(_raised(_plan_person))
    assert french["People I can call"] in person


def test_shift_log_fields_are_terms_and_numbers_stay(french):
    error = _raised(_shift(encounters=-1))
    assert error.message.values == {"field": "Encounters", "high": 500}
    assert isinstance(error.message.values["field"], Term)
    assert message_in_language(error) == "Rencontres : indiquez un nombre entre 0 et 500."


def test_english_interface_shows_the_english_sentence():
    assert i18n.current_language() == "en"
    for action, english, _ in REFUSALS:
        assert message_in_language(_raised(action)) == english


# --- the catalogue itself ------------------------------------------------------------------


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_template_of_the_catalogue_keeps_its_placeholders():
    path = asset_path("translations", "fr-messages-content.json")
    messages = json.loads(path.read_text(encoding="utf-8"))["messages"]
    assert len(messages) > 50
    for english, french_text in messages.items():
        assert _names(english) == _names(french_text), english
        assert french_text.strip() and french_text != english
