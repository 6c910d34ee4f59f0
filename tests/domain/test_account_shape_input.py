"""An organisation's account shape is hostile input: whatever it holds, it either becomes a
shape every export can write (UTF-8, short texts) or is refused with a ContentError."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.domain.errors import ContentError
from reflect.domain.reflective_account import parse_account_shape


def _shape(**changes):
    section = {"id": "what", "heading": "What happened", "guidance": "In general terms."}
    section.update(changes.pop("section", {}))
    shape = {"id": "org", "name": "Our shape", "sections": [section]}
    shape.update(changes)
    return shape


@pytest.mark.parametrize(
    "shape",
    [
        _shape(name="Bad \ud800 name"),  # a lone surrogate cannot be written as UTF-8
        _shape(section={"heading": "x" * 5000}),
        _shape(description="y" * 50_000),
        _shape(section={"guidance": "line\x00break"}),
        _shape(activity_kinds=["Peer \udfff learning"]),
    ],
)
def test_unwritable_or_oversized_texts_are_refused(shape):
    with pytest.raises(ContentError):
        parse_account_shape(shape, "org.json")


TEXT = st.text(max_size=300)


@settings(max_examples=200, deadline=None)
@given(
    name=TEXT,
    description=TEXT,
    heading=TEXT,
    guidance=TEXT,
    kinds=st.lists(TEXT, max_size=3),
)
def test_any_shape_is_refused_or_writable(name, description, heading, guidance, kinds):
    data = _shape(
        name=name,
        description=description,
        activity_kinds=kinds,
        section={"heading": heading, "guidance": guidance},
    )
    try:
        shape = parse_account_shape(data, "org.json")
    except ContentError:
        return
    texts = [shape.name, shape.description, *shape.activity_kinds]
    texts += [t for s in shape.sections for t in (s.heading, s.guidance)]
    for text in texts:
        text.encode("utf-8")  # never raises for an accepted shape
        assert len(text) <= 2000
