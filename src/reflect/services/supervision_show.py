"""Everything a profile holds as a supervisor, as one JSON-ready document (``reflect
supervision show --json``). Fields may be added, never renamed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reflect.domain.supervision_messages import Packet
from reflect.services.debrief_view import Bar, SharedCard

if TYPE_CHECKING:
    from datetime import date

    from reflect.domain.supervision import Supervisee
    from reflect.services.session import Session
    from reflect.services.supervision import SupervisionService


def packet_items(packet: Packet) -> list[dict[str, Any]]:
    return [
        {
            "kind": c.kind,
            "title": c.title,
            "subtitle": c.subtitle,
            "lines": [[a, b] for a, b in c.lines],
            "bars": [
                {"label": b.label, "value": b.value, "maximum": b.maximum, "text": b.text}
                for b in c.bars
            ],
        }
        for c in packet.cards
    ]


def supervision_record(session: Session, supervisee: str | None = None) -> dict[str, Any]:
    service = session.supervision
    recipient, print_ = service.my_key()
    today = service.today()
    people = [service.find_supervisee(supervisee)] if supervisee else service.supervisees()
    result = [_supervisee_record(service, person, today) for person in people]
    names = {p.id: p.name for p in service.supervisees()}
    return {
        "role": session.settings.get("role"),
        "key": {
            "recipient": recipient,
            "fingerprint": print_,
            "signing_fingerprint": service.my_signing_fingerprint(),
        },
        "supervisees": result,
        "hours": _hours_records(service, names),
        "hours_totals": service.log.hours_totals(),
        "ratings": _rating_records(service, names),
        "hot_debriefs": _hot_debrief_records(service),
    }


def _supervisee_record(
    service: SupervisionService, person: Supervisee, today: date
) -> dict[str, Any]:
    pid = int(person.id or 0)
    agreement = service.agreement(pid)
    packets = [_packet_record(service, row, packet) for row, packet in service.packets(pid)]
    return {
        "id": pid,
        "name": person.name,
        "recipient": person.recipient,
        "fingerprint": person.fingerprint,
        # The signing key first seen from this person (None until a signed packet came).
        "signing_fingerprint": service.signing_fingerprint_of(person.recipient) or None,
        "agreement": {
            "frequency": agreement.frequency,
            "aims": agreement.aims,
            "confidentiality": agreement.confidentiality,
            "records": agreement.records,
            "review_on": agreement.review_on.isoformat() if agreement.review_on else None,
            "review_due": agreement.review_due(today),
        },
        "packets": packets,
    }


def _packet_record(service: SupervisionService, row: Any, packet: Packet) -> dict[str, Any]:
    notes = service.notes(packet.packet_id)
    return {
        "packet_id": packet.packet_id,
        "title": packet.title,
        "scheduled_for": packet.scheduled_for.isoformat(timespec="minutes")
        if packet.scheduled_for
        else None,
        "created_at": row["created_at"],
        "received_at": row["received_at"],
        "held_at": row["held_at"],
        "signed": row["signed"],
        "signature": row["signature"],  # "checked", "unsigned" or "not_checked_here"
        "topics": list(packet.topics),
        "items": packet_items(packet),
        "provider_notes": [{"step": s, "text": t} for s, t in packet.notes],
        "provider_actions": [
            {
                "text": a.text,
                "owner": a.owner,
                "due": a.due.isoformat() if a.due else None,
                "done": a.done,
            }
            for a in packet.actions
        ],
        "provider_rating": packet.rating or None,
        "supervisor_notes": [
            {"step": step, "text": text, "shared": shared} for step, (text, shared) in notes.items()
        ],
        "agreed_actions": service.actions(packet.packet_id),
        "replies_sent": service.replies_sent(packet.packet_id),
    }


def _hours_records(service: SupervisionService, names: dict[Any, str]) -> list[dict[str, Any]]:
    return [
        {
            "id": e.id,
            "date": e.held_on.isoformat(),
            "minutes": e.minutes,
            "kind": e.kind,
            "format": e.format,
            "supervisee": names.get(e.supervisee_id, "") if e.supervisee_id else "",
            "note": e.note,
        }
        for e in service.log.hours()
    ]


def _rating_records(service: SupervisionService, names: dict[Any, str]) -> list[dict[str, Any]]:
    return [
        {
            "date": r.rated_on.isoformat(),
            "role": r.role,
            "supervisee": names.get(r.supervisee_id, "") if r.supervisee_id else "",
            "scores": r.scores,
            "comment": r.comment,
        }
        for r in service.log.ratings()
    ]


def _hot_debrief_records(service: SupervisionService) -> list[dict[str, Any]]:
    return [
        {
            "id": h.id,
            "held_at": h.held_at.isoformat(timespec="minutes"),
            "answers": h.answers,
            "themes": h.themes,
            "actions": h.actions,
            "checks": [
                {"label": label, "due": due.isoformat(), "done": done}
                for label, due, done in h.checks()
            ],
        }
        for h in service.log.hot_debriefs()
    ]


def packet_cards(packet: Packet) -> tuple[SharedCard, ...]:
    """A packet's items as the cards debrief mode draws, so both sides see the same thing."""
    return tuple(
        SharedCard(
            c.kind,
            str(index),
            c.title,
            c.subtitle,
            c.lines,
            tuple(Bar(b.label, b.value, b.maximum, b.text) for b in c.bars),
        )
        for index, c in enumerate(packet.cards)
    )
