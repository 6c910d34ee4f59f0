"""Scripts for the guided exercises: paced breathing, 5-4-3-2-1 grounding, tense and release.

Pure data and timing; the widgets only draw and tick. Wording is Reflect's own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Phase:
    kind: str  # "in", "hold", "out", "tense", "release"
    prompt: str
    counts: int  # length in counts (seconds at the default pace)


@dataclass(frozen=True)
class BreathingPattern:
    id: str
    label: str
    phases: tuple[Phase, ...]


BREATHING_PATTERNS: tuple[BreathingPattern, ...] = (
    BreathingPattern(
        "box",
        "Box breathing 4-4-4-4",
        (
            Phase("in", "Breathe in", 4),
            Phase("hold", "Hold gently", 4),
            Phase("out", "Breathe out", 4),
            Phase("hold", "Rest", 4),
        ),
    ),
    BreathingPattern(
        "long-out",
        "Longer out-breath 4-6",
        (Phase("in", "Breathe in", 4), Phase("out", "Breathe out slowly", 6)),
    ),
    BreathingPattern(
        "even",
        "Even breathing 3-3 (shorter, no holding)",
        (Phase("in", "Breathe in", 3), Phase("out", "Breathe out", 3)),
    ),
)
DEFAULT_ROUNDS = 4
# Pace: milliseconds per count. The default is one second; people can slow down or speed up.
DEFAULT_COUNT_MS = 1000
MIN_COUNT_MS, MAX_COUNT_MS = 600, 1600

BREATH_ALTERNATIVE_NOTE = (
    "If paying attention to your breathing makes you feel worse, stop and try Tense and "
    "release or 5-4-3-2-1 grounding instead. Both work without focusing on the breath."
)


def pattern(pattern_id: str) -> BreathingPattern:
    for candidate in BREATHING_PATTERNS:
        if candidate.id == pattern_id:
            return candidate
    raise KeyError(pattern_id)


def breathing_phases(pattern_id: str, rounds: int) -> list[Phase]:
    return list(pattern(pattern_id).phases) * max(1, rounds)


@dataclass(frozen=True)
class GroundingStep:
    count: int
    sense: str
    prompt: str


GROUNDING_STEPS: tuple[GroundingStep, ...] = (
    GroundingStep(
        5, "see", "Look around slowly. Find five things you can see, and name each one to yourself."
    ),
    GroundingStep(
        4,
        "touch",
        "Notice four things you can feel: your feet on the floor, the chair, fabric, air.",
    ),
    GroundingStep(
        3, "hear", "Listen for three sounds, near or far. No need to like them, just notice."
    ),
    GroundingStep(
        2, "smell", "Find two things you can smell. If nothing comes, recall two smells you like."
    ),
    GroundingStep(
        1, "taste", "Notice one thing you can taste, or take a sip of water and notice that."
    ),
)
GROUNDING_CLOSING = (
    "You are here, in this room, now. Take a moment before you go back to what you were doing."
)


@dataclass(frozen=True)
class MuscleGroup:
    name: str
    tense: str
    release: str


MUSCLE_GROUPS: tuple[MuscleGroup, ...] = (
    MuscleGroup(
        "Hands", "Make tight fists with both hands.", "Open your hands and let the fingers go soft."
    ),
    MuscleGroup(
        "Arms",
        "Bend your arms and press your elbows to your sides.",
        "Let your arms drop and hang heavy.",
    ),
    MuscleGroup(
        "Shoulders", "Lift your shoulders up towards your ears.", "Let them fall. Notice the space."
    ),
    MuscleGroup(
        "Face", "Scrunch your eyes, nose and mouth together.", "Let your forehead and jaw loosen."
    ),
    MuscleGroup("Stomach", "Tighten your stomach as if bracing.", "Let it go and feel it soften."),
    MuscleGroup(
        "Legs", "Press your knees together and straighten your legs.", "Let your legs rest, heavy."
    ),
    MuscleGroup(
        "Feet",
        "Curl your toes and press your feet into the floor.",
        "Uncurl your toes and let your feet rest.",
    ),
)
DEFAULT_TENSE_SECONDS = 5
DEFAULT_RELEASE_SECONDS = 10
MUSCLE_NOTE = (
    "Tense firmly but not painfully. Skip any part that is injured or sore, and breathe however "
    "feels natural: there is no need to pay attention to your breath."
)


def muscle_phases(
    tense_seconds: int = DEFAULT_TENSE_SECONDS, release_seconds: int = DEFAULT_RELEASE_SECONDS
) -> list[Phase]:
    phases: list[Phase] = []
    for group in MUSCLE_GROUPS:
        phases.append(Phase("tense", f"{group.name}: {group.tense}", tense_seconds))
        phases.append(Phase("release", f"{group.name}: {group.release}", release_seconds))
    return phases
