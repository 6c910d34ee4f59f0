"""Malformed content files fail with a ContentError naming the file, never a crash."""

from __future__ import annotations

import copy
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.domain.coping import parse_coping_library
from reflect.domain.crisis_lines import parse_crisis_directory
from reflect.domain.errors import ContentError
from reflect.resources import asset_path
from reflect.services.resources import parse_about_content

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)

PARSERS = {
    "coping.json": parse_coping_library,
    "crisis_lines.json": parse_crisis_directory,
    "about_content.json": parse_about_content,
}
SHIPPED = {
    name: json.loads(asset_path("resources", name).read_text(encoding="utf-8")) for name in PARSERS
}


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value[:3]):
            yield from _paths(child, (*prefix, index))


def _replace(document, path, new):
    if not path:
        return new
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return document


@settings(max_examples=300, deadline=None)
@given(
    name=st.sampled_from(sorted(PARSERS)),
    pick=st.integers(min_value=0),
    new=json_values,
)
def test_replacing_any_field_with_junk_never_crashes(name, pick, new):
    original = SHIPPED[name]
    paths = list(_paths(original))
    path = paths[pick % len(paths)]
    document = _replace(copy.deepcopy(original), path, new)
    try:
        PARSERS[name](document, name)
    except ContentError as exc:
        assert str(exc).startswith(f"{name}: ")
