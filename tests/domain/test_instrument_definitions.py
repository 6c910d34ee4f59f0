"""Definition files: shipped keys load; malformed files fail naming the file and field."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.domain.errors import ContentError
from reflect.domain.instruments import load_definition, parse_definition
from reflect.resources import asset_path

SHIPPED = sorted(asset_path("instruments").glob("*.json"))
VALID = json.loads(asset_path("instruments", "proqol5.json").read_text(encoding="utf-8"))


def test_every_shipped_definition_loads_and_carries_no_item_wording():
    assert {p.stem for p in SHIPPED} >= {"proqol5", "who5", "stss", "cbi"}
    for path in SHIPPED:
        definition = load_definition(path)
        assert definition.item_text is None, f"{path.name} must ship scoring keys only"
        assert (
            definition.citation
            and definition.licence
            and definition.attribution
            and definition.caveats
        )
        raw = json.loads(path.read_text(encoding="utf-8"))
        assert "item_text" not in raw


def test_proqol_subscales_cover_each_item_once():
    definition = parse_definition(VALID, "proqol5.json")
    items = sorted(i for s in definition.subscales for i in s.items)
    assert items == list(range(1, 31))


def mutate(data, path, value):
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


_DELETE = object()

BROKEN = [
    (("id",), _DELETE, "id", "missing"),
    (("id",), "Pro QOL", "id", "lower-case"),
    (("items",), "30", "items", "whole number"),
    (("items",), 0, "items", "from 1 to 500"),
    (("response_scale", "max"), 1, "response_scale.max", "greater than"),
    (
        ("response_scale", "labels", "9"),
        "Sometimes",
        "response_scale.labels.9",
        "outside the scale",
    ),
    (("reverse_items",), [1, 31], "reverse_items[1]", "1 to 30"),
    (("reverse_items",), [4, 4], "reverse_items", "twice"),
    (("subscales",), [], "subscales", "at least one"),
    (("subscales", 0, "items"), [], "subscales[0].items", "at least one"),
    (("subscales", 1, "id"), "compassion_satisfaction", "subscales[1].id", "used twice"),
    (("subscales", 0, "method"), "median", "subscales[0].method", "sum, mean"),
    (("subscales", 0, "higher_is"), "up", "subscales[0].higher_is", "better"),
    (("subscales", 0, "bands", 1, "min"), 20, "subscales[0].bands[1]", "overlapping"),
    (
        ("subscales", 0, "bands", 0, "notice"),
        "yes",
        "subscales[0].bands[0].notice",
        "true or false",
    ),
    (("subscales", 0, "transform"), {"multiply": 0}, "subscales[0].transform.multiply", "not be 0"),
    (("subscales", 0, "transform"), {"power": 2}, "subscales[0].transform", "multiply"),
    (("item_text",), ["Only one"], "item_text", "30 items"),
    (("caveats",), "one string", "caveats", "list"),
    (("citation",), "  ", "citation", "empty"),
    (("format",), "something-else/2", "format", "reflect-instrument/1"),
]


@pytest.mark.parametrize("path, value, field, problem", BROKEN)
def test_malformed_definitions_name_the_field(path, value, field, problem):
    data = mutate(copy.deepcopy(VALID), path, value)
    with pytest.raises(ContentError) as caught:
        parse_definition(data, "org.json")
    assert caught.value.source == "org.json"
    assert caught.value.field == field
    assert problem in caught.value.problem
    assert str(caught.value).startswith("org.json: ")


def paths_in(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_in(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths_in(item, (*prefix, index))


ALL_PATHS = [p for p in paths_in(VALID) if p]
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-1000, 1000)
    | st.floats(allow_nan=True)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(ALL_PATHS), st.one_of(st.just(_DELETE), JSON_VALUES)),
        min_size=1,
        max_size=3,
    )
)
def test_fuzzed_definitions_load_or_fail_with_a_content_error(mutations):
    data = copy.deepcopy(VALID)
    for path, value in mutations:
        try:
            mutate(data, path, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path's parent
    try:
        definition = parse_definition(data, "fuzz.json")
    except ContentError as exc:
        assert exc.source == "fuzz.json"
        assert exc.field and exc.problem
    else:
        assert definition.item_count >= 1
        for subscale in definition.subscales:
            assert all(1 <= i <= definition.item_count for i in subscale.items)


@settings(max_examples=200, deadline=None)
@given(st.one_of(JSON_VALUES, st.text(max_size=30)))
def test_arbitrary_top_level_values_are_rejected_cleanly(value):
    with pytest.raises(ContentError):
        parse_definition(value, "junk.json")


def test_toml_and_broken_files(tmp_path):
    toml = tmp_path / "mini.toml"
    toml.write_text(
        'id = "mini"\nname = "Mini scale"\nitems = 2\ntime_frame = "today"\n'
        'citation = "Example 2024"\nlicence = "Ours"\nattribution = "Our team"\n'
        'item_text = ["First own-words item", "Second own-words item"]\n'
        "[response_scale]\nmin = 0\nmax = 3\n"
        '[[subscales]]\nid = "all"\nitems = [1, 2]\nmethod = "mean"\n',
        encoding="utf-8",
    )
    definition = load_definition(toml)
    assert definition.item_text == ("First own-words item", "Second own-words item")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ContentError, match="broken.json: line 1: is not valid JSON"):
        load_definition(broken)
    with pytest.raises(ContentError, match="cannot be read"):
        load_definition(tmp_path / "absent.json")
