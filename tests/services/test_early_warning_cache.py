from __future__ import annotations

from datetime import datetime, timedelta


def test_notices_are_cached_until_the_database_changes(session, monkeypatch):
    service = session.early_warning
    calls = []
    original = session.checkins.recent_scored

    def counting(limit):
        calls.append(limit)
        return original(limit)

    monkeypatch.setattr(session.checkins, "recent_scored", counting)
    first = service.all_notices()
    assert service.all_notices() == first
    assert len(calls) == 1
    items = {item.id: 4 for item in session.checkins.definition.items}
    session.checkins.record(items, taken_at=datetime.now() - timedelta(hours=1))
    service.all_notices()
    assert len(calls) == 2
