"""The shipped check-in and its validation."""

from __future__ import annotations

import copy
import json
from datetime import datetime

import pytest

from reflect.domain.checkin import CATEGORIES, HELPING_AREAS, CheckIn
from reflect.domain.checkin_definition import STRENGTH_PREFIX, parse_checkin_definition
from reflect.domain.checkin_scoring import score_checkin, strong_items
from reflect.domain.errors import ContentError, ValidationError
from reflect.domain.strengths import strength_score
from reflect.resources import asset_path
from reflect.services.checkins import load_shipped_checkin

RAW = json.loads(asset_path("checkin", "checkin.json").read_text(encoding="utf-8"))


def test_shipped_checkin_covers_every_category_with_two_to_four_items():
    definition = load_shipped_checkin()
    for category in CATEGORIES:
        assert 2 <= len(definition.items_in(category)) <= 4, category
    assert [q.id for q in definition.helping] == list(HELPING_AREAS)
    assert len(definition.labels) == 5
    assert definition.sleep.text and definition.energy.text


def test_item_ids_are_prefixed_by_their_category():
    # Retired items still count towards their category through the prefix.
    for item in load_shipped_checkin().items:
        assert item.id.split(".")[0] == item.category
    assert load_shipped_checkin().category_of("physical.retired_item") == "physical"
    assert load_shipped_checkin().category_of("nonsense") is None


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda d: d.pop("items"), "items"),
        (lambda d: d["items"][0].update(category="mood"), "items[0].category"),
        (lambda d: d["items"][1].update(id=d["items"][0]["id"]), "items[1].id"),
        (lambda d: d["items"][2].update(text=""), "items[2].text"),
        (lambda d: d["scale"].update(max=10), "scale"),
        (lambda d: d["sleep"].update(labels=["a", "b"]), "sleep.labels"),
        (lambda d: d["helping"]["items"][0].update(id="rest"), "helping.items[0].id"),
        (
            lambda d: d.update(items=[i for i in d["items"] if i["category"] != "spiritual"]),
            "items",
        ),
    ],
)
def test_malformed_checkin_files_name_the_field(change, field):
    data = copy.deepcopy(RAW)
    change(data)
    with pytest.raises(ContentError) as caught:
        parse_checkin_definition(data, "checkin.json")
    assert caught.value.field == field


def test_validate_rejects_unknown_items_and_out_of_range_ratings():
    definition = load_shipped_checkin()
    now = datetime(2026, 1, 1)
    definition.validate(CheckIn(now, {"emotional.flat": 4}, sleep=0, helping={"balance": 2}))
    with pytest.raises(ValidationError, match="not a check-in item"):
        definition.validate(CheckIn(now, {"emotional.unknown": 1}))
    with pytest.raises(ValidationError, match="from 0 to 4"):
        definition.validate(CheckIn(now, {"emotional.flat": 5}))
    with pytest.raises(ValidationError, match="'sleep'"):
        definition.validate(CheckIn(now, {"emotional.flat": 1}, sleep=-1))
    with pytest.raises(ValidationError, match="awareness, balance, connection"):
        definition.validate(CheckIn(now, {"emotional.flat": 1}, helping={"luck": 2}))
    with pytest.raises(ValidationError, match="at least one"):
        definition.validate(CheckIn(now, {}))


# --- items added for issue 15, strengths scored on their own ---------------------------------

NEW_ITEMS = {
    "physical.on_guard",
    "physical.bad_dreams",
    "cognitive.focus",
    "cognitive.control",
    "relational.rescuing",
    "work.moral_distress",
}


def test_new_items_are_shipped_and_old_ids_are_kept():
    ids = {item.id for item in load_shipped_checkin().items}
    assert ids >= NEW_ITEMS
    # Every id of the first check-in file is still there, so old check-ins stay readable.
    for old in ("emotional.flat", "cognitive.replay", "cognitive.unsafe_world", "work.dread"):
        assert old in ids


def test_strengths_are_two_or_three_and_never_a_category():
    definition = load_shipped_checkin()
    assert 2 <= len(definition.strengths) <= 3
    for question in definition.strengths:
        assert question.id.startswith(STRENGTH_PREFIX)
        assert definition.category_of(question.id) is None


def test_old_checkins_score_the_same_and_strengths_do_not_move_strain():
    definition = load_shipped_checkin()
    old = CheckIn(datetime(2026, 1, 5), {"emotional.flat": 2, "physical.drained": 4})
    before = score_checkin(old, definition)
    assert before.categories["emotional"] == 2 and before.overall == 3
    with_strengths = CheckIn(
        datetime(2026, 1, 12),
        {"emotional.flat": 2, "physical.drained": 4, "strength.satisfaction": 4},
    )
    after = score_checkin(with_strengths, definition)
    assert after == before  # a strength is not subtracted from, or averaged into, strain
    assert strength_score(with_strengths) == 4 and strength_score(old) is None
    assert strong_items(with_strengths) == ["physical.drained"]


def test_a_new_item_is_averaged_with_its_category_on_the_same_scale():
    definition = load_shipped_checkin()
    checkin = CheckIn(datetime(2026, 1, 5), {"physical.drained": 4, "physical.on_guard": 2})
    assert score_checkin(checkin, definition).categories["physical"] == 3


def test_strengths_alone_cannot_be_saved_and_are_validated():
    definition = load_shipped_checkin()
    with pytest.raises(ValidationError):
        definition.validate(CheckIn(datetime(2026, 1, 5), {"strength.satisfaction": 3}))
    definition.validate(
        CheckIn(datetime(2026, 1, 5), {"emotional.flat": 1, "strength.satisfaction": 3})
    )
    with pytest.raises(ValidationError):
        definition.validate(CheckIn(datetime(2026, 1, 5), {"emotional.flat": 1, "strength.x": 3}))


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda d: d["strengths"].pop("items"), "strengths"),
        (lambda d: d["strengths"]["items"][0].__setitem__("id", "emotional.pride"), "strengths"),
        (lambda d: d["strengths"].__setitem__("labels", ["one"]), "strengths.labels"),
        (lambda d: d["strengths"]["items"].append(d["strengths"]["items"][0]), "strengths"),
    ],
)
def test_malformed_strengths_name_the_field(change, field):
    data = copy.deepcopy(RAW)
    change(data)
    with pytest.raises(ContentError, match=field):
        parse_checkin_definition(data, "checkin.json")
