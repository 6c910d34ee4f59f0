"""Words for the kinds of records and the settings a person may read about in an import or a
backup summary: "follow-up actions", not ``follow_ups``.

Each is a ``Term``: the interface translates it inside the message that quotes it, and the
command line prints the English. A table or setting Reflect does not know (an archive from a
newer version) is shown by its own name.
"""

from __future__ import annotations

from reflect.domain.message import Term

KINDS: dict[str, str] = {
    "reflections": "reflections",
    "follow_ups": "follow-up actions",
    "checkins": "check-ins",
    "instrument_results": "questionnaire results",
    "debriefs": "debriefs",
    "plan": "plan sections",
    "help_contacts": "own help contacts",
    "settings": "settings",
    "dismissed_notices": "dismissed notices",
    "drafts": "drafts",
    "shift_logs": "logged shifts",
    "breaks": "breaks",
    "shift_self_checks": "self-checks after a shift",
    "after_work_checks": "after-work checks",
    "hot_debriefs": "hot debriefs",
    "supervisors": "supervisors",
    "supervisees": "supervisees",
    "sent_packets": "supervision packets sent",
    "received_packets": "supervision packets received",
    "sent_replies": "supervision replies sent",
    "supervision_replies": "supervision replies received",
    "supervision_actions": "supervision actions",
    "supervision_agreements": "supervision agreements",
    "supervision_hours": "supervision hours",
    "supervision_notes": "supervision notes",
    "session_ratings": "session ratings",
    "signing_pins": "signing keys of supervisors and supervisees",
    "team_actions": "team actions",
    "team_assessments": "team self-assessments",
    "team_contributions": "team contributions",
}

SETTINGS: dict[str, str] = {
    "auto_lock_minutes": "Lock after inactivity",
    "backup_enabled": "Daily encrypted backup",
    "on_this_day": "A year ago today",
    "team_min_group": "Smallest group for team figures",
    "country": "Country for help lines",
    "language": "Language",
    "theme": "Theme",
    "reminder_enabled": "Post-shift reminder",
    "reminder_time": "Reminder time",
    "reminder_days": "Reminder days",
    "role": "Role",
    "spell_check": "Spell checking",
    "spelling_words": "Words added to the spelling dictionary",
}


def kind(table: str) -> str:
    """The words for a table's records, translated by the interface."""
    words = KINDS.get(table)
    return Term(words) if words else table.replace("_", " ")


def setting(key: str) -> str:
    """The words for a setting, translated by the interface; unknown keys as they are."""
    words = SETTINGS.get(key)
    return Term(words) if words else key
