"""Reflective accounts: drafts from reflections, shapes as data, and the identity-guard rule."""

from __future__ import annotations

import contextlib
import json
import stat
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.domain.errors import ContentError, ValidationError
from reflect.domain.reflection import Reflection
from reflect.domain.reflective_account import parse_account_shape
from reflect.resources import asset_path
from reflect.services.accounts import account_markdown, finding_key, load_account_shapes

CANARY = "CANARY-never-shared-4411"


def _wsnw(session, when, what, so_what, now_what):
    return session.journal.save(
        Reflection(
            "what_so_what_now_what",
            when,
            answers={"what": what, "so_what": so_what, "now_what": now_what},
        )
    )


def test_shipped_shapes_are_valid_and_cover_the_four_parts():
    library = load_account_shapes(asset_path("accounts"))
    assert not library.problems
    shape = library.shapes["reflective_account"]
    assert [s.id for s in shape.sections] == [
        "what_happened", "learned", "practice_change", "standards",
    ]  # fmt: skip
    assert shape.sections[-1].is_standards


def test_a_draft_gathers_the_chosen_reflections_only_oldest_first(session):
    a = _wsnw(
        session,
        datetime(2026, 3, 2, 9),
        "Night outreach went slowly.",
        "Pace matters.",
        "Slow down.",
    )
    b = _wsnw(session, datetime(2026, 3, 1, 9), "A hard intake.", "I rushed.", "Ask first.")
    _wsnw(session, datetime(2026, 3, 3, 9), CANARY, CANARY, CANARY)
    account = session.accounts.draft([a.id, b.id], "reflective_account")
    assert account.texts["what_happened"] == "A hard intake.\n\nNight outreach went slowly."
    assert account.texts["practice_change"] == "Ask first.\n\nSlow down."
    assert account.when == date(2026, 3, 2)
    text = account_markdown(account)
    assert CANARY not in text and "## What I learned" in text


def test_export_is_refused_until_each_finding_is_confirmed(session, tmp_path):
    r = _wsnw(session, datetime(2026, 3, 2, 9), "I called Maria Lopez at 555-123-4567.", "x", "y")
    account = session.accounts.draft([r.id], "reflective_account")
    out = tmp_path / "account.md"
    data = account_markdown(account).encode()
    found = session.accounts.unconfirmed(account, set())
    assert {f.finding.kind for f in found} >= {"phone"}
    with pytest.raises(ValidationError):
        session.accounts.export(account, out, data, set())
    assert not out.exists()
    session.accounts.export(account, out, data, {finding_key(f) for f in found})
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    account.texts["what_happened"] = "I called a person I support."
    assert session.accounts.unconfirmed(account, set()) == []


def test_an_organisation_shape_is_added_and_a_bad_one_is_skipped(tmp_path):
    good = {
        "id": "nmc_style",
        "name": "Our account",
        "sections": [{"id": "what", "heading": "What", "fill_from": ["what"]}],
    }
    (tmp_path / "good.json").write_text(json.dumps(good), encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 100_000, encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"id": "Bad Id", "name": "x", "sections": []}')
    library = load_account_shapes(asset_path("accounts"), tmp_path)
    assert "nmc_style" in library.shapes
    assert sorted(p.source for p in library.problems) == ["bad.json", "deep.json"]


@settings(max_examples=150, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
        max_leaves=20,
    )
)
def test_any_json_value_is_a_shape_or_a_content_error(data):
    with contextlib.suppress(ContentError):  # anything else (a crash) fails the test
        parse_account_shape(data, "x.json")
