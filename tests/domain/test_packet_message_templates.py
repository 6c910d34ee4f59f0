"""Refusals of packets, replies, team files, content files and rows carry a template and
values, read exactly as before in English and in French through the interface (issue 14,
item 3)."""

from __future__ import annotations

import json
import string
from datetime import date, datetime

import pytest

from reflect.domain.content_files import load_content_file
from reflect.domain.errors import ContentError, ValidationError
from reflect.domain.message import Message
from reflect.domain.org_assessment import ActionItem, check_action
from reflect.domain.row_fields import RowProblem, RowReader
from reflect.domain.sealed_json import REFUSALS
from reflect.domain.supervision import HoursEntry, check_hours, clean_name
from reflect.domain.supervision_messages import (
    Packet,
    Sender,
    read_packet,
    read_reply,
)
from reflect.domain.team_contribution import ContributionError, parse_contribution
from reflect.ui import i18n
from reflect.ui.error_text import message_in_language

KEY = "age1" + "q" * 58


@pytest.fixture
def french():
    i18n.set_language("fr")
    yield i18n.load_catalogue("fr")
    i18n.set_language("en")


def _packet_json() -> dict:
    packet = Packet("a" * 32, datetime(2026, 5, 1, 10, 0), Sender("Alex", KEY), "May debrief")
    return packet.to_json()


def _refused_packet(change) -> ValidationError:
    data = _packet_json()
    change(data)
    with pytest.raises(ValidationError) as caught:
        read_packet(json.dumps(data).encode())
    return caught.value


def test_a_refused_packet_field_carries_template_field_and_problem(french):
    error = _refused_packet(lambda d: d["debrief"].update(title="x" * 5000))
    assert (
        str(error)
        == "This debrief packet cannot be used: debrief.title is longer than 200 characters."
    )
    assert error.message.template == "This debrief packet cannot be used: {where} {problem}."
    assert error.message.values["where"] == "debrief.title"
    problem = error.message.values["problem"]
    assert isinstance(problem, Message)
    assert problem.template == "is longer than {limit} characters"
    assert message_in_language(error) == (
        "Ce paquet de débreffage est inutilisable : debrief.title dépasse 200 caractères."
    )


def test_a_missing_field_of_a_reply_reads_in_french(french):
    data = {"format": "reflect-supervision-reply", "version": 1}
    with pytest.raises(ValidationError) as caught:
        read_reply(json.dumps(data).encode())
    assert (
        str(caught.value) == "This supervisor's reply cannot be used: reply.created_at is missing."
    )
    assert message_in_language(caught.value) == (
        "Cette réponse de supervision est inutilisable : reply.created_at est manquant."
    )


def test_a_packet_of_another_version_names_it_in_both_languages(french):
    error = _refused_packet(lambda d: d.update(version=7))
    assert str(error) == (
        "This debrief packet was written by a different version of Reflect (format version 7); "
        "update Reflect to open it. Nothing was changed."
    )
    assert error.message.values == {"version": "7"}
    assert message_in_language(error).startswith(
        "Ce paquet de débreffage a été écrit par une autre version de Reflect (version de format 7)"
    )


def test_a_reply_given_as_a_packet_is_refused_in_french(french):
    error = _refused_packet(lambda d: d.update(format="reflect-supervision-reply"))
    assert str(error) == "This is a reply, not a debrief packet."
    assert message_in_language(error) == "Ceci est une réponse, pas un paquet de débreffage."


def test_every_refusal_of_a_sealed_document_has_french_with_the_same_placeholders(french):
    names = string.Formatter()
    for refusals in REFUSALS.values():
        for sentence in refusals:
            assert sentence in french, sentence
            assert {n for _, n, _, _ in names.parse(sentence) if n} == {
                n for _, n, _, _ in names.parse(french[sentence]) if n
            }


def test_a_team_contribution_problem_is_a_message_inside_the_error(french):
    with pytest.raises(ContributionError) as caught:
        parse_contribution(b'{"format": 1, "format": 2}', "ana.json")
    error = caught.value
    assert str(error) == (
        "ana.json: not a team contribution Reflect can read: it is not valid JSON "
        "(the field 'format' appears twice)"
    )
    assert error.problem.template == "it is not valid JSON ({error})"
    assert message_in_language(error) == (
        "ana.json : ce n'est pas une contribution d'équipe que Reflect peut lire : ce n'est pas "
        "du JSON valide (le champ 'format' apparaît deux fois)"
    )


def test_a_contribution_missing_a_field_names_the_file_in_french(french):
    with pytest.raises(ContributionError) as caught:
        parse_contribution(b'{"format": "x"}', "ana.json")
    assert "the file holds fields" in str(caught.value) or "the file lacks" in str(caught.value)
    assert "le fichier" in message_in_language(caught.value)


def test_a_json_syntax_error_in_a_content_file_names_its_line(tmp_path, french):
    path = tmp_path / "coping.json"
    path.write_text('{\n  "items": [1,,]\n}', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content_file(path)
    error = caught.value
    assert str(error) == "coping.json: line 2: is not valid JSON (Expecting value)"
    assert error.field == "line 2"
    assert message_in_language(error) == (
        "coping.json : ligne 2 : n'est pas du JSON valide (Expecting value)"
    )


def test_a_content_file_too_large_says_its_limit_in_french_units(tmp_path, french):
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (1024 * 1024 + 1))
    with pytest.raises(ContentError) as caught:
        load_content_file(path)
    assert str(caught.value) == "big.json: (file): is larger than 1 MB"
    assert message_in_language(caught.value) == "big.json : (fichier) : dépasse 1 Mo"


def test_a_bad_row_value_keeps_its_template():
    with pytest.raises(RowProblem) as caught:
        RowReader({"intensity": 42}).integer("intensity", 0, 10)
    problem = caught.value.problem
    assert str(caught.value) == problem == "must be from 0 to 10, found 42"
    assert problem.template == "must be from {low} to {high}, found {value}"


def test_a_bad_json_cell_keeps_the_place_and_the_template():
    with pytest.raises(RowProblem) as caught:
        RowReader({"tags": '["ok", 1e400]'}).json("tags", list)
    assert str(caught.value) == "has a number too large to use ('1e400')"
    assert caught.value.problem.template == "has a number too large to use ({value})"


def test_supervision_and_assessment_checks_read_in_french(french):
    entry = HoursEntry(held_on=date(2026, 5, 1), minutes=60, kind="solo")
    with pytest.raises(ValidationError) as caught:
        check_hours(entry)
    assert str(caught.value) == "A session is individual or group, not 'solo'."
    assert message_in_language(caught.value) == (
        "Une séance est individuelle ou de groupe, pas 'solo'."
    )
    with pytest.raises(ValidationError) as caught:
        clean_name("  ", "supervisor's name")
    assert message_in_language(caught.value) == (
        "Veuillez indiquer le nom de la personne superviseure."
    )
    item = ActionItem("safety", "x" * 501, "me", date(2026, 6, 1), date(2026, 7, 1))
    with pytest.raises(ValidationError) as caught:
        check_action(item)
    assert str(caught.value) == "Keep each field under 500 characters."
    assert message_in_language(caught.value) == "Gardez chaque champ sous 500 caractères."
