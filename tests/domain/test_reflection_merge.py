"""The three-way merge behind the stale-edit check: a part changed on one side only takes
that side; only a part both sides changed differently is a conflict."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from reflect.domain.reflection import FollowUp, Reflection
from reflect.domain.reflection_merge import content, merge

BASE = Reflection(
    "trauma_informed",
    datetime(2026, 12, 1, 9, 0),
    setting="outreach",
    tags=["nights", "court"],
    intensity=5,
    feelings=["tired"],
    answers={"what_happened": "first", "my_reaction": "calm"},
    follow_ups=[FollowUp("call back", id=3)],
    id=7,
)

words = st.lists(st.sampled_from(["nights", "court", "hotel", "night shift", "bus"]), unique=True)
answers = st.dictionaries(
    st.sampled_from(["what_happened", "my_reaction", "body_check"]), st.text(min_size=1)
)
versions = st.builds(
    lambda tags, said, intensity: replace(BASE, tags=tags, answers=said, intensity=intensity),
    words,
    answers,
    st.one_of(st.none(), st.integers(0, 10)),
)


@given(versions)
def test_a_side_that_changed_nothing_gives_way_to_the_other(other):
    kept_theirs = merge(BASE, BASE, other)
    assert not kept_theirs.conflicts
    assert content(kept_theirs.mine_first) == content(other)
    kept_mine = merge(BASE, other, BASE)
    assert not kept_mine.conflicts and not kept_mine.changed_elsewhere
    assert content(kept_mine.mine_first) == content(other)


@given(versions, versions)
def test_conflicts_are_exactly_the_parts_both_sides_changed_differently(mine, theirs):
    result = merge(BASE, mine, theirs)
    for part in result.conflicts:
        key = part.removeprefix("answer:")
        if part.startswith("answer:"):
            values = [r.answers.get(key) for r in (BASE, mine, theirs)]
        else:
            values = [getattr(r, key) for r in (BASE, mine, theirs)]
        assert len(set(map(repr, values))) == 3
    # Choosing the stored side for every conflict never loses a change made elsewhere.
    for key, value in theirs.answers.items():
        if value != BASE.answers.get(key):
            assert result.theirs_first.answers.get(key) == value


def test_a_renamed_tag_and_a_tag_added_here_both_survive():
    theirs = replace(BASE, tags=["night shift", "court"])
    mine = replace(BASE, tags=["nights", "court", "hotel"])
    result = merge(BASE, mine, theirs)
    assert result.mine_first.tags == ["night shift", "court", "hotel"]
    assert result.changed_elsewhere == ["tags"] and not result.conflicts


def test_the_same_answer_changed_on_both_sides_is_a_conflict_with_both_choices():
    theirs = replace(BASE, answers={**BASE.answers, "what_happened": "stored"})
    mine = replace(BASE, answers={**BASE.answers, "what_happened": "mine", "my_reaction": "x"})
    result = merge(BASE, mine, theirs)
    assert result.conflicts == ["answer:what_happened"]
    assert result.mine_first.answers == {"what_happened": "mine", "my_reaction": "x"}
    assert result.theirs_first.answers == {"what_happened": "stored", "my_reaction": "x"}


def test_ticking_a_follow_up_done_is_not_a_change_to_merge():
    done = replace(BASE, follow_ups=[replace(BASE.follow_ups[0], done_at=datetime(2026, 12, 2))])
    assert content(done) == content(BASE)
