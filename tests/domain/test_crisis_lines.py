from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from reflect.domain.crisis_lines import HelpContact, load_crisis_directory, parse_crisis_directory
from reflect.domain.errors import ContentError, ValidationError
from reflect.resources import asset_path

SHIPPED = asset_path("resources", "crisis_lines.json")


@pytest.fixture(scope="module")
def raw():
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


@pytest.mark.parametrize("country", ["CA", "US"])
def test_shipped_lines_start_with_911_then_988(country):
    directory = load_crisis_directory(SHIPPED)
    lines = directory.lines_for(country)
    assert lines[0].channels[0].value == "911"
    assert any(c.value == "988" for c in lines[1].channels)
    assert {line.kind for line in lines} >= {"emergency", "crisis", "trafficking", "text"}
    for line in lines:
        assert line.hours and line.languages and line.source


def test_trafficking_numbers_and_text_options():
    directory = load_crisis_directory(SHIPPED)
    us = {line.id: line for line in directory.lines_for("US")}
    ca = {line.id: line for line in directory.lines_for("CA")}
    assert us["trafficking-us"].channels[0].value == "1-888-373-7888"
    # The new operator's text code and chat address could not be confirmed: phone only.
    assert [c.type for c in us["trafficking-us"].channels] == ["call"]
    assert ca["trafficking-ca"].channels[0].value == "1-833-900-1010"
    assert us["crisis-text-line"].channels[0].describe() == "Text 741741 (text the word HOME)"
    assert "emergency services" in directory.disclosure


def test_staleness_after_a_year():
    directory = load_crisis_directory(SHIPPED)
    assert not directory.is_stale(directory.last_verified)
    assert directory.is_stale(date(directory.last_verified.year + 2, 1, 1))


def test_unknown_country_falls_back_to_canada():
    directory = load_crisis_directory(SHIPPED)
    assert directory.lines_for("FR") == directory.lines_for("CA")


@pytest.mark.parametrize(
    ("mutate", "field", "problem"),
    [
        (lambda d: d.__setitem__("last_verified", "22/11/2026"), "last_verified", "YYYY-MM-DD"),
        (lambda d: d["countries"].pop("US"), "countries.US", "non-empty"),
        (
            lambda d: d["countries"]["CA"].reverse(),
            "countries.CA[0]",
            "emergency number must come first",
        ),
        (lambda d: d["countries"]["US"].pop(1), "countries.US[1]", "988 must come right after"),
        (
            lambda d: d["countries"]["CA"][1]["channels"][0].__setitem__("type", "fax"),
            "channels[0]",
            "call",
        ),
        (
            lambda d: d["countries"]["CA"][1]["channels"][0].__setitem__("value", " "),
            "value",
            "missing",
        ),
        (lambda d: d["countries"]["CA"][2].pop("hours"), "trafficking-ca).hours", "non-empty"),
        (lambda d: d["countries"]["CA"][2].__setitem__("kind", "police"), "kind", "emergency"),
        (lambda d: d.pop("disclosure"), "disclosure", "emergency services"),
    ],
)
def test_malformed_directory_names_field(raw, mutate, field, problem):
    data = copy.deepcopy(raw)
    mutate(data)
    with pytest.raises(ContentError) as caught:
        parse_crisis_directory(data, "crisis_lines.json")
    assert str(caught.value).startswith("crisis_lines.json: ")
    assert field in str(caught.value) and problem in str(caught.value)


def test_help_contact_validation():
    with pytest.raises(ValidationError, match="name"):
        HelpContact(name="  ", phone="123").validated()
    with pytest.raises(ValidationError, match="phone number"):
        HelpContact(name="My EAP").validated()
    clean = HelpContact(name=" My EAP ", phone=" 1-800-000-0000 ", kind="weird").validated()
    assert clean.name == "My EAP" and clean.phone == "1-800-000-0000" and clean.kind == "other"


def test_operators_confidentiality_and_new_lines():
    directory = load_crisis_directory(SHIPPED)
    us = {line.id: line for line in directory.lines_for("US")}
    ca = {line.id: line for line in directory.lines_for("CA")}
    nhth = us["trafficking-us"]
    assert "Compass Connections" in nhth.notes and "22 September 2025" in nhth.notes
    assert "law enforcement" in nhth.notes and "could not be confirmed" in nhth.notes
    assert "legal duty to report" in ca["trafficking-ca"].notes
    khp = [(c.type, c.value, c.detail) for c in ca["kids-help-phone"].channels]
    assert ("text", "686868", "text the word CONNECT") in khp
    assert ("call", "1-800-668-6868", "") in khp
    hope = ca["hope-for-wellness"]
    assert hope.channels[0].value == "1-855-242-3310" and "Inuktitut" in hope.languages
    assert ("tty", "1-800-487-4889") in [(c.type, c.value) for c in us["samhsa-helpline"].channels]
    assert "videophone" in us["988-us"].languages
    # Not "not the police" without qualification any more.
    assert "not the police, but" in directory.disclosure


def test_sources_are_operator_pages_and_dates_are_honest():
    directory = load_crisis_directory(SHIPPED)
    for country in ("CA", "US"):
        for line in directory.lines_for(country):
            if line.kind == "emergency":
                continue
            assert line.source.startswith("https://"), line.id
            for aggregator in ("globalnews", "mhn.com", "penniesforpoverty", "lignesante"):
                assert aggregator not in line.source, line.id
            if line.last_verified is not None:
                assert line.last_verified >= directory.last_verified


def test_a_line_date_must_be_a_date():
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    data["countries"]["US"][2]["last_verified"] = "last week"
    with pytest.raises(ContentError, match="last_verified"):
        parse_crisis_directory(data, "crisis_lines.json")
