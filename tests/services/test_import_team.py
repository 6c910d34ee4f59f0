"""The coordinator's tables travel through an archive: an action keeps pointing at the
assessment it came from, even when the receiving profile's ids differ, and a second import
writes nothing."""

from __future__ import annotations

from datetime import date, datetime

from reflect.domain.org_assessment import ActionItem
from reflect.services.export import export_profile
from reflect.services.importing import import_file
from tests.conftest import PASSPHRASE

ARCHIVE_PASS = "archive passphrase for tests"


def _assess(session, answer, day):
    count = session.team.assessment_definition().item_count
    return session.team.record_assessment([answer] * count, taken_at=datetime(2026, 1, day))


def test_actions_keep_their_assessment_across_an_import(profile_service, session, tmp_path):
    assessment = _assess(session, 1, 10)
    session.team.save_action(
        ActionItem(
            "workload",
            "Rotate heavy cases",
            "Team lead",
            date(2026, 2, 1),
            date(2026, 3, 1),
            assessment_id=assessment.id,
        )
    )
    archive = export_profile(session, "archive", tmp_path / "a", archive_passphrase=ARCHIVE_PASS)

    other = profile_service.unlock(profile_service.create(PASSPHRASE, "Other"), PASSPHRASE)
    try:
        # The receiving profile already has assessments, so the ids differ.
        own = [_assess(other, 3, 1), _assess(other, 4, 2)]
        report = import_file(other, archive.path, ARCHIVE_PASS)
        assert report.written["team_assessments"] == 1 and report.written["team_actions"] == 1
        imported = next(a for a in other.team.assessments() if a.id not in {o.id for o in own})
        (action,) = other.team.actions()
        assert action.assessment_id == imported.id
        again = import_file(other, archive.path, ARCHIVE_PASS)
        assert sum(again.written.values()) == 0
    finally:
        other.close()


def test_markdown_export_holds_the_assessment_and_action_plan(session, tmp_path):
    _assess(session, 1, 10)
    session.team.save_action(
        ActionItem(
            "workload", "Rotate heavy cases", "Team lead", date(2026, 2, 1), date(2026, 3, 1)
        )
    )
    markdown = export_profile(session, "markdown", tmp_path / "e.md", plain_ok=True)
    text = markdown.path.read_text(encoding="utf-8")
    assert "# Team self-assessments" in text and "# Team action plan" in text
    assert "Rotate heavy cases" in text and "Workload and scheduling: gap" in text


def test_exposure_tables_pass_the_row_checks_and_round_trip(profile_service, session, tmp_path):
    """Every archive holds the exposure tables (empty or not): without a row validator for
    them, every archive import was refused as 'cannot be checked by this version'."""
    from reflect.domain.exposure import Break

    session.exposure.log_shift(day=date(2026, 1, 8), hours=6.5, disclosures=1)
    session.exposure.log_shift(
        day=date(2026, 1, 9), critical=True, outline="a hard call", self_checks=True
    )
    session.exposure.add_breaks([Break(date(2026, 1, 3), date(2026, 1, 4), "leave")])
    session.exposure.record_after_work(3, "a walk home")
    archive = export_profile(session, "archive", tmp_path / "a", archive_passphrase=ARCHIVE_PASS)
    other = profile_service.unlock(profile_service.create(PASSPHRASE, "Other"), PASSPHRASE)
    try:
        report = import_file(other, archive.path, ARCHIVE_PASS)
        assert report.written["shift_logs"] == 2 and report.written["breaks"] == 1
        assert report.written["shift_self_checks"] == 2
        assert report.written["after_work_checks"] == 1
        assert sum(import_file(other, archive.path, ARCHIVE_PASS).written.values()) == 0
    finally:
        other.close()
