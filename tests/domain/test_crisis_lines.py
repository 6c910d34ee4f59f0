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
    assert ("text", "233733") in [(c.type, c.value) for c in us["trafficking-us"].channels]
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
