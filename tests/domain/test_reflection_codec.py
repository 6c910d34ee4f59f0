"""Reflections survive the trip to a JSON-able dict and back (drafts, exports)."""

from __future__ import annotations

import json
from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from reflect.domain.reflection import FollowUp, Reflection
from reflect.domain.reflection_codec import reflection_from_dict, reflection_to_dict

answers = st.dictionaries(
    st.text(min_size=1, max_size=20),
    st.one_of(
        st.text(max_size=50),
        st.integers(1, 5),
        st.booleans(),
        st.lists(st.text(max_size=10), max_size=3),
    ),
    max_size=6,
)
when = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda d: d.replace(microsecond=0)
)


@given(
    answers=answers,
    occurred=when,
    tags=st.lists(st.text(min_size=1, max_size=10), max_size=4),
    intensity=st.one_of(st.none(), st.integers(0, 10)),
    due=st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))),
)
def test_round_trip(answers, occurred, tags, intensity, due):
    original = Reflection(
        "quick", occurred, setting="court", tags=tags, intensity=intensity, feelings=["calm"],
        answers=answers, follow_ups=[FollowUp("call back", due=due, id=3, reflection_id=9)], id=9,
    )  # fmt: skip
    data = json.loads(json.dumps(reflection_to_dict(original)))
    assert reflection_from_dict(data) == original
