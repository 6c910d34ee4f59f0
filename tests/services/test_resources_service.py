from __future__ import annotations

import copy
import json

import pytest

from reflect.domain.crisis_lines import HelpContact
from reflect.domain.errors import ContentError, ValidationError
from reflect.domain.my_plan import MyPlan, PlanPerson
from reflect.resources import asset_path
from reflect.services.resources import parse_about_content, shipped_about_content
from tests.conftest import PASSPHRASE


def test_plan_and_contacts_survive_lock_and_unlock(session, profile_service, profile):
    resources = session.resources
    resources.save_plan(MyPlan(what_helps=[" a walk "], people=[PlanPerson("Sam", "555 0100")]))
    resources.save_help_contact(HelpContact(name="My EAP", phone="1-800-555-0199"))
    session.close()
    again = profile_service.unlock(profile, PASSPHRASE)
    try:
        plan = again.resources.load_plan()
        assert plan.what_helps == ["a walk"] and plan.people[0].name == "Sam"
        assert [c.name for c in again.resources.help_contacts()] == ["My EAP"]
    finally:
        again.close()


def test_plan_is_not_readable_in_the_database_file(session, paths):
    session.resources.save_plan(MyPlan(boundaries=["canary-boundary-7731"]))
    session.close()
    for path in paths.data_dir.rglob("*"):
        if path.is_file():
            assert b"canary-boundary-7731" not in path.read_bytes(), path


def test_invalid_contact_and_plan_raise_human_errors(session):
    with pytest.raises(ValidationError):
        session.resources.save_help_contact(HelpContact(name=""))
    with pytest.raises(ValidationError):
        session.resources.save_plan(MyPlan(people=[PlanPerson("", "555")]))
    assert session.resources.help_contacts() == []


def test_edit_and_delete_contact(session):
    saved = session.resources.save_help_contact(
        HelpContact(name="Clinic", phone="555 0101", kind="local")
    )
    saved.hours = "Mon-Fri 9-5"
    session.resources.save_help_contact(saved)
    assert session.resources.help_contacts()[0].hours == "Mon-Fri 9-5"
    session.resources.delete_help_contact(saved.id)
    assert session.resources.help_contacts() == []


def test_suggestions_accept_plain_category_scores(session):
    result = session.resources.suggestions({"spiritual": 3.0, "work": 1.0}, limit=4)
    assert result[0].category == "spiritual" and result[0].reason


def test_about_content_every_fact_cited():
    sections = shipped_about_content()
    ids = {s.id for s in sections}
    assert {
        "proqol",
        "who5",
        "stss",
        "cbi",
        "warning-signs",
        "abc",
        "exercises",
        "supervision",
        "crisis-lines",
    } <= ids
    for section in sections:
        for fact in section.facts:
            assert fact.citations


def test_about_content_rejects_uncited_fact():
    data = json.loads(asset_path("resources", "about_content.json").read_text(encoding="utf-8"))
    broken = copy.deepcopy(data)
    broken["sections"][1]["facts"][0]["citations"] = []
    with pytest.raises(
        ContentError, match=r"about_content.json: sections\[1\].facts\[0\].citations"
    ):
        parse_about_content(broken, "about_content.json")


def test_suggestions_follow_the_latest_checkin_snapshot():
    from datetime import datetime
    from types import SimpleNamespace

    from reflect.services.resources import ResourcesService, snapshot_from_scored

    scored = SimpleNamespace(
        checkin=SimpleNamespace(taken_at=datetime(2026, 11, 3, 19, 0), helping={"connection": 0}),
        scores=SimpleNamespace(categories={"work": 3.25, "physical": None, "emotional": 1.0}),
        baseline=SimpleNamespace(categories={"work": 1.5, "emotional": None}),
    )
    snapshot = snapshot_from_scored(scored)
    assert snapshot.category_scores == {"work": 3.25, "emotional": 1.0}
    assert snapshot.baseline == {"work": 1.5}
    service = ResourcesService(plans=None, contacts=None, latest_checkin=lambda: snapshot)
    result = service.suggestions_for_latest(limit=5)
    assert result[0].category == "work"
    assert result[0].reason == "Work was higher than your usual in your latest check-in (3 Nov)."
    assert ResourcesService(None, None).suggestions_for_latest(limit=3)[0].category is None


def test_latest_checkin_with_real_session_has_none_then_some(session):
    assert session.resources.latest_checkin() is None


def test_suggestions_follow_a_real_recorded_checkin(session):
    from datetime import datetime, timedelta

    definition = session.checkins.definition
    quiet = {item.id: 0 for item in definition.items}
    start = datetime(2026, 10, 1, 18, 0)
    for week in range(4):
        session.checkins.record(
            quiet | {i.id: 1 for i in definition.items_in("work")},
            taken_at=start + timedelta(weeks=week),
        )
    heavy = quiet | {i.id: 4 for i in definition.items_in("relational")}
    heavy |= {i.id: 3 for i in definition.items_in("work")}
    session.checkins.record(heavy, helping={"connection": 0}, taken_at=start + timedelta(weeks=5))
    snapshot = session.resources.latest_checkin()
    assert snapshot.taken_at == start + timedelta(weeks=5)
    result = session.resources.suggestions_for_latest(limit=6)
    assert [s.category for s in result[:4]] == ["relational", "relational", "work", "work"]
    assert "higher than your usual" in result[0].reason
