"""Content that is true to its sources: every fact cited, the new content in place and in
French, the wording files checked, and no questionnaire wording shipped."""

from __future__ import annotations

import contextlib
import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.domain.debrief import AGENDA_IDS, parse_debrief_wording
from reflect.domain.errors import ContentError
from reflect.domain.notice_wording import parse_notice_wording
from reflect.resources import asset_path
from reflect.services.debrief_content import shipped_debrief_wording
from reflect.services.early_warning import shipped_notice_wording
from reflect.services.instruments import load_shipped_definitions
from reflect.services.resources import shipped_about_content, shipped_coping_library


def _json(*parts: str):
    return json.loads(asset_path(*parts).read_text(encoding="utf-8"))


def _french() -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(asset_path("translations").glob("fr*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8"))["messages"])
    return merged


def test_every_fact_carries_a_citation():
    for section in shipped_about_content():
        for fact in section.facts:
            assert fact.citations and all(ref for ref, _ in fact.citations), fact.text


def test_the_new_sections_are_cited_and_the_understanding_page_is_complete():
    sections = {s.id: s for s in shipped_about_content()}
    for section_id in ("practice-guidance", "coping-additions", "crisis-lines"):
        assert section_id in sections
    page = [s for s in sections.values() if s.page == "vicarious-trauma"]
    text = " ".join(f.text for s in page for f in s.facts)
    for term in (
        "Vicarious trauma",
        "Secondary traumatic stress",
        "Burnout",
        "Compassion fatigue",
        "repeated exposure",
        "not a sign of weakness",
        "Vicarious resilience",
        "organisation",
    ):
        assert term in text, term


def test_crisis_facts_follow_the_operator_change():
    facts = " ".join(f.text for s in shipped_about_content() for f in s.facts)
    assert "Compass Connections" in facts and "22 September 2025" in facts
    assert "law enforcement, as appropriate" in facts
    assert "legal duty to report" in facts and "1-855-242-3310" in facts
    assert "TTY 1-800-487-4889" in facts and "videophone" in facts
    assert "How the list is kept current" in facts


def test_coping_additions_are_in_the_library():
    library = shipped_coping_library()
    items = {item.id: item for item in library.items}
    expected = {
        "keep-learning": "awareness",
        "plan-leave": "balance",
        "raise-an-issue": "connection",
        "peer-support": "connection",
        "after-critical-incident": "connection",
        "cultural-supports": "connection",
    }
    for item_id, area in expected.items():
        assert items[item_id].area == area
    assert "not recommended" in items["after-critical-incident"].text
    assert "Hope for Wellness" in items["cultural-supports"].text
    assert items["raise-an-issue"].link == "plan"


def test_every_new_text_has_french():
    french = _french()
    own = json.loads(asset_path("translations", "fr-content.json").read_text(encoding="utf-8"))
    for english, translated in own["messages"].items():
        assert translated.strip() and translated != english, english
    wording = shipped_notice_wording()
    for key in ("notice_band", "low_single_answer"):
        assert wording.text("score_support", key) in french
    for section in shipped_about_content():
        assert section.title in french and all(f.text in french for f in section.facts)


def test_no_questionnaire_wording_is_shipped():
    for definition in load_shipped_definitions():
        assert not definition.has_item_text, definition.id
    for path in asset_path("instruments").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert "item_text" not in data, path.name


# --- the wording files ------------------------------------------------------------------------


def test_notice_wording_keeps_the_old_sentences():
    wording = shipped_notice_wording()
    assert wording.support_sentence.startswith("Coping ideas and your own plan")
    assert "{count}" in wording.text("rise_overall", "message")


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.pop("format"), "format"),
        (lambda d: d["band"].__setitem__("message", "no placeholders"), "band.message"),
        (lambda d: d["rise_category"].pop("title"), "rise_category.title"),
        (lambda d: d.__setitem__("support_sentence", "{oops}"), "support_sentence"),
        (lambda d: d["rise_overall"].__setitem__("message", "{count"), "rise_overall.message"),
    ],
)
def test_broken_notice_wording_names_the_field(change, where):
    data = copy.deepcopy(_json("resources", "notices.json"))
    change(data)
    with pytest.raises(ContentError, match=where.replace(".", r"\.")):
        parse_notice_wording(data, "notices.json")


def test_the_agenda_keeps_its_step_ids_and_words():
    wording = shipped_debrief_wording()
    assert tuple(step.id for step in wording.agenda) == AGENDA_IDS
    assert "voluntary" in wording.voluntary_note
    data = _json("resources", "debrief_agenda.json")
    data["steps"].reverse()
    with pytest.raises(ContentError, match="steps"):
        parse_debrief_wording(data, "debrief_agenda.json")
    data = _json("resources", "debrief_agenda.json")
    data["steps"][2]["prompt"] = " "
    with pytest.raises(ContentError, match=r"steps\[2\]\.prompt"):
        parse_debrief_wording(data, "debrief_agenda.json")


hostile = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(hostile)
def test_hostile_wording_files_fail_with_a_content_error_only(data):
    for parse, name in (
        (parse_notice_wording, "notices.json"),
        (parse_debrief_wording, "debrief_agenda.json"),
    ):
        with contextlib.suppress(ContentError):
            parse(data, name)
