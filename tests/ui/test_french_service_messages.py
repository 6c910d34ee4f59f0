"""Issue 14 item 3: what the services layer raises or reports carries an English template and
its values, and reads in French through ``message_in_language`` (the English is unchanged)."""

from __future__ import annotations

import json
import os
import string
from datetime import date

import pytest

from reflect.domain.errors import ValidationError
from reflect.domain.message import Message
from reflect.domain.team_contribution import ContributionError
from reflect.resources import asset_path
from reflect.services.importers.jrnl_json import JrnlFormatError, parse_entries
from reflect.services.importing import detect_format
from reflect.services.row_validators import validate_tables
from reflect.services.team import read_contribution_file
from reflect.services.team_contribute import choose_period
from reflect.ui.error_text import message_in_language
from reflect.ui.workers import run_in_background
from tests.services.supervision_fixtures import make_pair


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_services_catalogue_keeps_every_placeholder():
    path = asset_path("translations") / "fr-messages-services.json"
    messages = json.loads(path.read_text(encoding="utf-8"))["messages"]
    assert messages
    for english, french_text in messages.items():
        assert _placeholders(english) == _placeholders(french_text), english
        assert french_text != english


def test_an_import_refusal_is_a_template_and_reads_in_french(tmp_path, french):
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        detect_format(notes)
    error = caught.value
    assert str(error) == (
        "notes.txt is neither a Reflect archive nor a jrnl JSON export (made with 'jrnl "
        "--format json'). Nothing was imported."
    )
    assert error.message.template.startswith("{name} is neither a Reflect archive")
    assert dict(error.message.values) == {"name": "notes.txt"}
    in_french = message_in_language(error)
    assert in_french == french[error.message.template].format(name="notes.txt")
    assert in_french.startswith("notes.txt n'est ni une archive Reflect")


def test_a_jrnl_refusal_reads_in_french_down_to_the_problem(french):
    with pytest.raises(JrnlFormatError) as caught:
        parse_entries({"entries": [{"date": "yesterday", "body": "x"}]}, "journal.json")
    error = caught.value
    assert str(error) == (
        "journal.json: entries[0].date: 'yesterday' is not a date like 2024-03-31. "
        "Nothing was imported."
    )
    assert error.message.template == "{file}: {where}: {problem}. Nothing was imported."
    assert isinstance(error.message.values["problem"], Message)
    assert message_in_language(error) == (
        "journal.json : entries[0].date : 'yesterday' n'est pas une date comme 2024-03-31. "
        "Rien n'a été importé."
    )
    with pytest.raises(JrnlFormatError) as top:
        parse_entries([], "journal.json")
    assert message_in_language(top.value) == (
        "journal.json : niveau supérieur : un objet avec une liste « entries » était attendu. "
        "Rien n'a été importé."
    )


def test_a_refused_archive_row_reads_in_french(french):
    rows = [{"id": 1, "day": None, "hours": 8}]
    with pytest.raises(ValidationError) as caught:
        validate_tables(iter([("shift_logs", iter(rows))]), None, "backup.reflect")  # type: ignore[arg-type]
    error = caught.value
    assert str(error) == (
        "backup.reflect: table shift_logs, row 1, field day: is missing. Nothing was imported."
    )
    assert message_in_language(error) == (
        "backup.reflect : table shift_logs, ligne 1, champ day : est manquant. "
        "Rien n'a été importé."
    )
    with pytest.raises(ValidationError) as unknown:
        validate_tables(iter([("mystery", iter([]))]), None, "backup.reflect")  # type: ignore[arg-type]
    assert dict(unknown.value.message.values) == {"file": "backup.reflect", "table": "mystery"}
    assert "ne peut pas vérifier la table mystery" in message_in_language(unknown.value)


def test_a_domain_rule_inside_a_refused_row_reads_in_french(french):
    rows = [{"id": 1, "start_day": "2026-01-05", "end_day": "2026-01-02", "kind": "day_off"}]
    with pytest.raises(ValidationError) as caught:
        validate_tables(iter([("breaks", iter(rows))]), None, "backup.reflect")  # type: ignore[arg-type]
    assert str(caught.value) == (
        "backup.reflect: table breaks, row 1, field kind: A break cannot end before it starts. "
        "Nothing was imported."
    )
    assert message_in_language(caught.value) == (
        "backup.reflect : table breaks, ligne 1, champ kind : Une pause ne peut pas finir "
        "avant de commencer. Rien n'a été importé."
    )


def test_a_supervision_packet_refusal_reads_in_french(tmp_path, french):
    pair = make_pair(tmp_path)
    try:
        debrief = pair.provider.debrief.get(pair.debrief_id)
        debrief.topics.append("Call back on 613-555-0199")
        pair.provider.debrief.save(debrief)
        recipient, _ = pair.supervisor.supervision.my_key()
        with pytest.raises(ValidationError) as caught:
            pair.provider.supervision_send.send_packet(
                pair.debrief_id, recipient, tmp_path / "p.age"
            )
    finally:
        pair.close()
    error = caught.value
    assert str(error).startswith("The identity guard noticed 1 thing(s) that could identify")
    assert error.message.values["count"] == 1
    french_text = message_in_language(error)
    assert french_text.startswith("Le garde d'identité a relevé 1 élément(s)")
    assert "Vérifiez le débreffage, puis confirmez" in french_text
    assert str(error.message.values["listed"]) in french_text


def test_team_refusals_read_in_french(tmp_path, french):
    with pytest.raises(ValidationError) as caught:
        choose_period("2024-13", None, date(2025, 3, 1))
    assert str(caught.value) == "The 'from' month must be written YYYY-MM, found '2024-13'."
    assert message_in_language(caught.value) == (
        "Le mois « from » doit s'écrire AAAA-MM ; trouvé : '2024-13'."
    )
    pipe = tmp_path / "contribution.json"
    os.mkfifo(pipe)  # a pipe would block a plain read forever; it is refused instead
    with pytest.raises(ContributionError) as refused:
        read_contribution_file(pipe)
    problem = refused.value.problem
    assert isinstance(problem, Message) and problem == "it is not a regular file"
    assert message_in_language(problem) == "ce n'est pas un fichier ordinaire"


def test_the_demo_progress_note_is_a_template_and_crosses_the_worker(qtbot, session, french):
    from reflect.services.demo_data import fill_demo_profile

    notes: list[str] = []
    fill_demo_profile(
        session,
        progress=lambda _pct, text: notes.append(text),
        reflections_per_year=30,
        checkins_per_year=8,
    )
    counted = [n for n in notes if isinstance(n, Message) and n.values]
    assert counted
    assert all(n.template == "{count} reflections…" for n in counted)
    last = counted[-1]
    assert str(last) == f"{last.values['count']} reflections…"
    assert message_in_language(last) == f"{last.values['count']} réflexions…"

    # The worker's progress signal hands the GUI the Message itself, not a bare QString.
    received: list[object] = []
    done: list[object] = []
    run_in_background(
        lambda report: report(40, Message("{count} reflections…", count=12)),
        done.append,
        done.append,
        on_progress=lambda _pct, text: received.append(text),
    )
    qtbot.waitUntil(lambda: bool(done) and bool(received), timeout=5000)
    assert isinstance(received[0], Message)
    assert message_in_language(received[0]) == "12 réflexions…"


def test_a_jrnl_file_that_is_not_json_keeps_the_interface_template(tmp_path, french):
    from reflect.services.importers.jrnl_json import read_json

    broken = tmp_path / "jrnl.json"
    broken.write_text('{"entries": [1,}', encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        read_json(broken)
    message = caught.value.message
    assert str(message) == (
        "jrnl.json is not valid JSON (line 1, column 16: Expecting value); nothing was imported."
    )
    assert message.template == (
        "{name} is not valid JSON (line {line}, column {column}: {error}); nothing was imported."
    )
    assert message_in_language(caught.value) == french[message.template].format(**message.values)
    assert message_in_language(caught.value) != str(message)


def test_the_plain_text_refusal_translates_its_warning(french):
    from reflect.services.export import PLAIN_TEXT_WARNING, PlainTextNotConfirmed

    error = PlainTextNotConfirmed()
    assert str(error) == PLAIN_TEXT_WARNING + " Confirm to continue (--plain-ok)."
    assert message_in_language(error) == (
        french[PLAIN_TEXT_WARNING] + " Confirmez pour continuer (--plain-ok)."
    )
