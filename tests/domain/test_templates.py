"""Templates are data: the shipped ones load, malformed ones are refused with clear messages."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from reflect.domain.errors import ContentError
from reflect.domain.reflection import (
    PRACTICE_AREAS,
    STAGE_OF_CHANGE_FIELD,
    STAGES_OF_CHANGE,
    note_key,
    rating_key,
)
from reflect.domain.templates import load_template_file, load_templates, parse_template
from reflect.resources import asset_path

SHIPPED = asset_path("templates")
EXPECTED = {"quick", "trauma_informed", "gibbs", "what_so_what_now_what", "free_write"}


def _minimal() -> dict:
    return {
        "id": "mine",
        "name": "Mine",
        "sections": [{"title": "One", "fields": [{"id": "a", "type": "text", "label": "A"}]}],
    }


def test_shipped_templates_load_with_trauma_informed_as_default():
    library = load_templates(SHIPPED)
    assert set(library.ids()) == EXPECTED
    assert library.default.id == "trauma_informed"
    assert library.ids()[0] == "trauma_informed"  # the default is listed first
    assert library.problems == []


def test_trauma_informed_uses_the_shared_rating_and_stage_keys():
    template = load_templates(SHIPPED).default
    for area in PRACTICE_AREAS:
        field = template.field(area)
        assert field is not None and field.type == "rating" and field.note
        assert field.answer_keys() == (rating_key(area), note_key(area))
    stage = template.field(STAGE_OF_CHANGE_FIELD)
    assert stage is not None and stage.type == "choice"
    assert [o.id for o in stage.options] == list(STAGES_OF_CHANGE)
    steps = template.field("not_ready_steps")
    assert steps is not None and steps.type == "checklist" and len(steps.options) == 5
    assert steps.show_if is not None and steps.show_if.field == "not_ready"
    assert template.has_intensity


def test_gibbs_has_its_six_steps_in_order():
    gibbs = load_templates(SHIPPED).get("gibbs")
    text_ids = [f.id for f in gibbs.fields() if f.type == "text"]
    assert text_ids == [
        "description",
        "feelings",
        "evaluation",
        "analysis",
        "conclusion",
        "action_plan",
        "three_good_things",  # the optional "what went well" part every template ends with
    ]


@pytest.mark.parametrize(
    ("mutate", "where", "words"),
    [
        (lambda t: t.pop("name"), "name", "missing"),
        (lambda t: t.update(id="Not OK"), "id", "lower-case"),
        (lambda t: t.update(sections=[]), "sections", "non-empty list"),
        (
            lambda t: t["sections"][0]["fields"][0].update(type="slider"),
            "sections[0].fields[0].type",
            "slider",
        ),
        (
            lambda t: t["sections"][0]["fields"][0].pop("label"),
            "sections[0].fields[0].label",
            "missing",
        ),
        (
            lambda t: t["sections"][0]["fields"].append({"id": "a", "type": "text", "label": "B"}),
            "sections[0].fields[1].id",
            "another field",
        ),
        (
            lambda t: t["sections"][0]["fields"].append(
                {"id": "c", "type": "choice", "label": "C"}
            ),
            "sections[0].fields[1].options",
            "non-empty list",
        ),
        (
            lambda t: t["sections"][0]["fields"].append(
                {
                    "id": "c",
                    "type": "choice",
                    "label": "C",
                    "options": [{"id": "x", "label": "X"}, {"id": "x", "label": "Y"}],
                }
            ),
            "sections[0].fields[1].options[1].id",
            "twice",
        ),
        (
            lambda t: t["sections"][0]["fields"].append(
                {"id": "c", "type": "text", "label": "C", "options": [{"id": "x", "label": "X"}]}
            ),
            "sections[0].fields[1].options",
            "only choice",
        ),
        (
            lambda t: t["sections"][0]["fields"].append(
                {"id": "safe_environment", "type": "text", "label": "S"}
            ),
            "sections[0].fields[1].type",
            "practice area",
        ),
        (
            lambda t: t["sections"][0]["fields"].append(
                {
                    "id": "stage_of_change",
                    "type": "choice",
                    "label": "S",
                    "options": [{"id": "denial", "label": "D"}],
                }
            ),
            "sections[0].fields[1].options",
            "not a stage",
        ),
        (
            lambda t: t["sections"][0]["fields"].append(
                {
                    "id": "c",
                    "type": "text",
                    "label": "C",
                    "show_if": {"field": "zzz", "equals": True},
                }
            ),
            "sections[0].fields[1].show_if.field",
            "earlier field",
        ),
        (
            lambda t: t["sections"][0]["fields"].append(
                {"id": "c", "type": "text", "label": "C", "rows": 0}
            ),
            "sections[0].fields[1].rows",
            "from 1 to 30",
        ),
        (
            lambda t: t["sections"][0]["fields"].append(
                {"id": "c", "type": "rating", "label": "C", "note": "yes"}
            ),
            "sections[0].fields[1].note",
            "true or false",
        ),
        (lambda t: t.update(colour="blue"), "colour", "not a known key"),
        (
            lambda t: t["sections"][0]["fields"].extend(
                [
                    {"id": "i1", "type": "intensity", "label": "I"},
                    {"id": "i2", "type": "intensity", "label": "I"},
                ]
            ),
            "sections[0].fields[2].type",
            "only once",
        ),
    ],
)
def test_malformed_templates_name_file_and_field(mutate, where, words):
    data = _minimal()
    mutate(data)
    with pytest.raises(ContentError) as caught:
        parse_template(copy.deepcopy(data), "mine.json")
    assert caught.value.source == "mine.json"
    assert caught.value.field == where
    assert words in caught.value.problem
    assert str(caught.value).startswith(f"mine.json: {where}: ")


def test_invalid_json_reports_line(tmp_path: Path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "id": "broken",\n  "name": oops\n}', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_template_file(path)
    assert caught.value.source == "broken.json"
    assert caught.value.field == "line 3"


def test_file_name_must_match_id(tmp_path: Path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps(_minimal()), encoding="utf-8")
    with pytest.raises(ContentError, match="other.json: id: 'mine' must match"):
        load_template_file(path)


def test_organisation_templates_are_added_and_broken_ones_skipped(tmp_path: Path):
    org = tmp_path / "templates"
    org.mkdir()
    good = _minimal()
    good.update(id="street_team", name="Street team", order=0, default=True)
    (org / "street_team.json").write_text(json.dumps(good), encoding="utf-8")
    (org / "broken.json").write_text("{", encoding="utf-8")
    clash = _minimal()
    clash["id"] = "gibbs"
    (org / "gibbs.json").write_text(json.dumps(clash), encoding="utf-8")
    library = load_templates(SHIPPED, org, tmp_path / "missing-folder")
    assert "street_team" in library
    assert library.default.id == "street_team"
    assert library.get("street_team").builtin is False
    assert library.get("gibbs").builtin is True
    assert sorted(p.source for p in library.problems) == ["broken.json", "gibbs.json"]


def test_a_broken_shipped_template_is_an_error(tmp_path: Path):
    (tmp_path / "quick.json").write_text('{"id": "quick"}', encoding="utf-8")
    with pytest.raises(ContentError, match="quick.json: name: is missing"):
        load_templates(tmp_path)


def test_the_readme_example_template_is_valid():
    import re

    docs = Path(__file__).resolve().parents[2] / "docs"
    readme = (docs / "content.md").read_text(encoding="utf-8")
    block = re.search(r'```json\n(\{\n  "id": "street_team".*?)```', readme, re.DOTALL)
    assert block, "the organisation template example is missing from docs/content.md"
    template = parse_template(json.loads(block.group(1)), "content.md")
    assert template.field("partner_debrief").show_if.field == "went_with_partner"


# --- practice guidance (issue 15) -----------------------------------------------------------

# Field ids of reflections written before the guidance was strengthened: they must stay, so
# old reflections still open with every answer in place.
OLD_TRAUMA_INFORMED_IDS = {
    "what_happened",
    *PRACTICE_AREAS,
    STAGE_OF_CHANGE_FIELD,
    "not_ready",
    "not_ready_steps",
    "not_ready_note",
    "my_reaction",
    "feeling",
    "body_check",
    "approach_trauma_informed",
    "do_differently",
}


def test_old_trauma_informed_fields_and_options_are_kept():
    template = load_templates(SHIPPED).default
    ids = {f.id for f in template.fields()}
    assert ids >= OLD_TRAUMA_INFORMED_IDS
    steps = template.field("not_ready_steps")
    assert {"validated", "reassured_choice", "offered_later", "spoke_options"} <= {
        o.id for o in steps.options
    }


def test_options_out_loud_is_asked_for_every_encounter_with_its_reason():
    template = load_templates(SHIPPED).default
    shared = template.field("options_shared")
    assert shared is not None and shared.show_if is None and shared.type == "choice"
    assert [o.id for o in shared.options][:2] == ["out_loud", "in_writing_asked"]
    assert "unless the person asks" in shared.help and "traffickers" in shared.help
    assert "Every encounter matters" in template.sections[0].help


def test_not_ready_branch_leaves_a_way_to_connect_and_says_why():
    template = load_templates(SHIPPED).default
    steps = template.field("not_ready_steps")
    labels = {o.id: o.label for o in steps.options}
    assert "a name, a place, a time" in labels["way_to_connect"]
    assert "feel safe" in steps.help and "help exists" in steps.help


def test_fit_spirit_and_prompts():
    template = load_templates(SHIPPED).default
    assert template.field("approach_fit") is not None
    ratings_help = next(
        s.help for s in template.sections if template.field("safe_environment") in s.fields
    )
    for word in ("respect", "compassion", "patience", "no judgement"):
        assert word in ratings_help
    for field_id in (
        "safety_plan",
        "trauma_bond",
        "duty_to_report",
        "confidentiality_limits",
        "words_used",
    ):
        field = template.field(field_id)
        assert field is not None and field.help, field_id


def test_every_stage_has_a_hint_and_returning_is_a_choice_without_blame():
    stage = load_templates(SHIPPED).default.field(STAGE_OF_CHANGE_FIELD)
    assert all(
        option.hint.startswith(("What tends to help", "Going back")) for option in stage.options
    )
    returned = next(o for o in stage.options if o.id == "returned")
    assert "not a failure" in returned.hint and "no blame" in returned.hint


def test_every_shipped_template_offers_three_good_things():
    for template in load_templates(SHIPPED):
        field = template.field("three_good_things")
        assert field is not None and field.type == "text", template.id


def test_an_option_hint_must_be_text():
    data = _minimal()
    data["sections"][0]["fields"].append(
        {
            "id": "c",
            "type": "choice",
            "label": "C",
            "options": [{"id": "x", "label": "X", "hint": 3}],
        }
    )
    with pytest.raises(ContentError, match="hint"):
        parse_template(data, "mine.json")
