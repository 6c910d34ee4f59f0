from __future__ import annotations

from datetime import datetime

from reflect.domain.crisis_lines import HelpContact
from reflect.domain.my_plan import MyPlan, PlanPerson
from reflect.storage.help_contact_repository import HelpContactRepository
from reflect.storage.plan_repository import PlanRepository


def test_empty_plan_loads_empty(db):
    plan = PlanRepository(db).load()
    assert plan.is_empty and plan.updated_at is None


def test_plan_round_trip(db):
    repo = PlanRepository(db)
    plan = MyPlan(
        warning_signs=["snapping at home", "skipping lunch"],
        what_helps=["evening walk"],
        people=[PlanPerson("Alex (colleague)", "text 555 0100", "after late shifts")],
        boundaries=["no work phone on Sundays"],
    )
    repo.save(plan, now=datetime(2026, 11, 20, 9, 30))
    loaded = repo.load()
    assert loaded.warning_signs == ["snapping at home", "skipping lunch"]
    assert loaded.people == [PlanPerson("Alex (colleague)", "text 555 0100", "after late shifts")]
    assert loaded.boundaries == ["no work phone on Sundays"]
    assert loaded.updated_at == datetime(2026, 11, 20, 9, 30)
    loaded.what_helps = []
    repo.save(loaded)
    assert repo.load().what_helps == []


def test_help_contacts_round_trip(db):
    repo = HelpContactRepository(db)
    eap = repo.add(HelpContact(name="My EAP", phone="1-800-555-0199", hours="24/7", kind="eap"))
    local = repo.add(HelpContact(name="Drop-in centre", notes="Tue and Thu", kind="local"))
    assert eap.id and local.id and eap.id != local.id
    eap.notes = "ask for the trauma-informed counsellor"
    repo.update(eap)
    assert [c.name for c in repo.list()] == ["My EAP", "Drop-in centre"]
    assert repo.list()[0].notes == "ask for the trauma-informed counsellor"
    repo.delete(local.id)
    assert [c.id for c in repo.list()] == [eap.id]
