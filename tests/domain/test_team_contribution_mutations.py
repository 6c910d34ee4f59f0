"""A real contribution with one value swapped for anything at all: read correctly or refused
with a ContributionError, never another exception (random JSON rarely gets past the top-level
checks, so these mutations reach the month and questionnaire readers)."""

from __future__ import annotations

import contextlib
import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.domain.team_contribution import ContributionError, parse_contribution
from reflect.services.demo_team import demo_contributions

BASE = demo_contributions(1, date(2026, 3, 1), seed=3)[0].to_json()

anything = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats()
    | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


PATHS = [p for p in _paths(BASE) if p]


def _replace(node, path, value):
    node = json.loads(json.dumps(node))
    target = node
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return node


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PATHS), anything)
def test_one_swapped_value_is_read_or_refused(path, value):
    text = json.dumps(_replace(BASE, path, value), allow_nan=True)
    with contextlib.suppress(ContributionError):
        parse_contribution(text.encode("utf-8"), "mutated.json")


def test_a_huge_number_is_refused_in_plain_words():
    text = json.dumps(BASE).replace('"months"', '"n": ' + "9" * 5000 + ', "months"', 1)
    try:
        parse_contribution(text.encode("utf-8"), "big.json")
    except ContributionError as exc:
        message = str(exc)
    assert "too many digits" in message and "sys." not in message
