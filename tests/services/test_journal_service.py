"""Journal use cases on a real encrypted session."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from reflect.domain.errors import ValidationError
from reflect.domain.journal import JournalFilter
from reflect.domain.reflection import FollowUp


@pytest.fixture
def journal(session):
    return session.journal


def test_session_exposes_the_journal_with_templates(session):
    assert session.journal is session.journal
    assert session.journal.templates.default.id == "trauma_informed"


def test_new_reflection_defaults(journal):
    fresh = journal.new_reflection()
    assert fresh.template_id == "trauma_informed"
    assert abs((datetime.now() - fresh.occurred_at).total_seconds()) < 5
    assert journal.new_reflection("gibbs").template_id == "gibbs"
    assert journal.new_reflection("unknown").template_id == "trauma_informed"


def test_save_tidies_and_clears_the_draft(journal):
    r = journal.new_reflection("quick")
    r.tags = [" Night ", "night", "#court", ""]
    r.feelings = ["Tired", "tired "]
    r.setting = "  Drop-in  Centre "
    r.answers = {"what_happened": "Walked the route", "keep": ""}
    r.follow_ups = [FollowUp("  Email the team  "), FollowUp("   ")]
    journal.save_draft(r)
    saved = journal.save(r)
    assert saved.tags == ["night", "court"]
    assert saved.feelings == ["tired"]
    assert saved.setting == "drop-in centre"
    assert saved.answers == {"what_happened": "Walked the route"}
    assert [f.text for f in saved.follow_ups] == ["Email the team"]
    assert journal.load_draft() is None
    assert "drop-in centre" in journal.setting_choices()
    assert journal.setting_choices()[:7] == [
        "outreach",
        "shelter",
        "clinic",
        "court",
        "hotline",
        "phone",
        "other",
    ]


@pytest.mark.parametrize(
    ("answers", "intensity", "message"),
    [
        ({"safe_environment.rating": 6}, None, "ratings go from 1 to 5"),
        ({"stage_of_change": "denial"}, None, "pick one of the offered"),
        ({}, 11, "from 0 to 10"),
    ],
)
def test_invalid_values_are_refused_with_a_message(journal, answers, intensity, message):
    r = journal.new_reflection()
    r.answers, r.intensity = answers, intensity
    with pytest.raises(ValidationError, match=message):
        journal.save(r)
    assert journal.count() == 0


def test_edit_delete_and_undo(journal):
    r = journal.new_reflection()
    r.answers = {"what_happened": "first version", "stage_of_change": "contemplation"}
    r.follow_ups = [FollowUp("call back", due=date(2026, 5, 1))]
    saved = journal.save(r)
    saved.answers["what_happened"] = "second version"
    edited = journal.save(saved)
    assert edited.id == saved.id and journal.count() == 1
    assert journal.get(saved.id).stage_of_change == "contemplation"
    assert [s.id for s in journal.search(JournalFilter(query="second"))] == [saved.id]

    deleted = journal.delete(saved.id)
    assert journal.get(saved.id) is None and journal.search(JournalFilter(query="second")) == []
    assert journal.open_follow_ups() == []
    restored = journal.undo_delete(deleted)
    assert restored.id == saved.id
    assert restored.answers == edited.answers
    assert [f.text for f in journal.open_follow_ups()] == ["call back"]
    assert [s.id for s in journal.search(JournalFilter(query="second"))] == [saved.id]


def test_undo_after_the_id_was_reused_gets_a_new_id(journal):
    first = journal.save(journal.new_reflection())
    deleted = journal.delete(first.id)
    other = journal.save(journal.new_reflection())  # SQLite may hand out the freed id again
    restored = journal.undo_delete(deleted)
    assert journal.count() == 2
    assert restored.id != other.id


def test_follow_ups_mark_done_and_reopen(journal):
    r = journal.new_reflection()
    r.follow_ups = [FollowUp("book supervision"), FollowUp("rest day", due=date(2026, 1, 2))]
    journal.save(r)
    rest, book = journal.open_follow_ups()
    assert rest.text == "rest day"
    journal.mark_follow_up_done(rest.id)
    assert [f.text for f in journal.open_follow_ups()] == ["book supervision"]
    assert journal.follow_up(rest.id).done_at is not None
    journal.reopen_follow_up(rest.id)
    assert len(journal.open_follow_ups()) == 2


def test_draft_survives_closing_the_session(profile_service, profile):
    from tests.conftest import PASSPHRASE

    session = profile_service.unlock(profile, PASSPHRASE)
    r = session.journal.new_reflection()
    r.answers = {"what_happened": "half-written thought"}
    session.journal.save_draft(r)
    session.close()
    again = profile_service.unlock(profile, PASSPHRASE)
    try:
        draft = again.journal.load_draft()
        assert draft is not None
        assert draft.reflection.answers["what_happened"] == "half-written thought"
        again.journal.discard_draft()
        assert again.journal.load_draft() is None
    finally:
        again.close()


def test_reflection_of_a_removed_template_stays_editable(journal):
    r = journal.new_reflection()
    r.template_id = "gone_template"
    r.answers = {"my_notes": "text"}
    saved = journal.save(r)
    template = journal.template_for(saved)
    assert template.id == "gone_template"
    assert [f.id for f in template.fields() if f.type == "text"] == ["my_notes"]


def test_organisation_template_folder_is_read(paths, profile_service, profile):
    import json

    from tests.conftest import PASSPHRASE

    paths.templates_dir.mkdir()
    (paths.templates_dir / "court_support.json").write_text(
        json.dumps(
            {
                "id": "court_support",
                "name": "Court support",
                "sections": [
                    {
                        "title": "Court",
                        "fields": [{"id": "notes", "type": "text", "label": "Notes"}],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    session = profile_service.unlock(profile, PASSPHRASE)
    try:
        assert "court_support" in session.journal.templates
    finally:
        session.close()


def test_saving_a_reflection_deleted_meanwhile_writes_it_back(journal):
    saved = journal.save(journal.new_reflection())
    open_in_editor = journal.get(saved.id)
    journal.delete(saved.id)
    open_in_editor.answers = {"what_happened": "edited after the delete"}
    again = journal.save(open_in_editor)
    assert again.id == saved.id
    assert journal.get(saved.id).answers == {"what_happened": "edited after the delete"}


def test_follow_ups_know_when_their_reflection_happened(journal):
    r = journal.new_reflection()
    r.occurred_at = datetime(2026, 2, 3, 16, 0)
    r.follow_ups = [FollowUp("write it down")]
    saved = journal.save(r)
    items = journal.open_follow_ups()
    assert journal.reflection_dates(items) == {saved.id: datetime(2026, 2, 3, 16, 0)}
    assert journal.reflection_dates([]) == {}


def test_a_draft_remembers_the_reflection_as_the_editor_loaded_it(session):
    from dataclasses import replace

    from reflect.domain.reflection import Reflection

    saved = session.journal.save(
        Reflection("trauma_informed", datetime(2026, 12, 1, 9), tags=["a"])
    )
    edited = replace(saved, answers={"what_happened": "typed"})
    session.journal.save_draft(edited, saved)
    draft = session.journal.load_draft()
    assert draft.base == saved and draft.reflection.answers == {"what_happened": "typed"}
    assert session.journal.stored_change(draft.base, draft.reflection) is None
    session.journal.rename_tag("a", "b")
    change = session.journal.stored_change(draft.base, draft.reflection)
    assert change.changed_elsewhere == ["tags"] and not change.conflicts
    assert change.mine_first.tags == ["b"]
    assert change.mine_first.answers == {"what_happened": "typed"}
    # A draft kept before drafts remembered this simply has no base.
    session.journal.save_draft(edited)
    assert session.journal.load_draft().base is None
