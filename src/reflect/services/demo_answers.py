"""Answers for each shipped template, composed from the demo word banks (all fictional)."""

from __future__ import annotations

import random
from typing import Any

from reflect.services import demo_text as words


def clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def template_answers(
    rng: random.Random, template_id: str, load: float, heavy: bool
) -> dict[str, Any]:
    """Answers for one template's fields; ratings drop and reactions darken as load rises."""
    situation = words.pick(rng, words.SITUATIONS)
    if template_id == "trauma_informed":
        answers: dict[str, Any] = {"what_happened": situation + "."}
        for area in (
            "safe_environment",
            "communicating_with_care",
            "active_listening",
            "appropriate_action",
        ):
            answers[f"{area}.rating"] = clamp(4.4 - 1.8 * load + rng.gauss(0, 0.7), 1, 5)
            if rng.random() < 0.4:
                answers[f"{area}.note"] = words.pick(rng, words.NOTES)
        answers["stage_of_change"] = rng.choices(
            ["precontemplation", "contemplation", "preparation", "action", "maintenance"],
            weights=[3, 4, 3, 2, 1],
        )[0]
        if rng.random() < 0.3:
            answers["not_ready"] = True
            answers["not_ready_steps"] = rng.sample(
                ["validated", "reassured_choice", "offered_later", "spoke_options"],
                rng.randint(2, 4),
            )
            answers["not_ready_note"] = words.pick(rng, words.NOT_READY)
        answers["my_reaction"] = words.reaction(rng, heavy) + "."
        answers["body_check"] = words.pick(rng, words.BODY) + "."
        answers["approach_trauma_informed"] = rng.choices(
            ["yes", "partly", "no", "unsure"], weights=[6 - 3 * load, 3, 0.3, 1]
        )[0]
        answers["do_differently"] = words.pick(rng, words.CHANGE) + "."
    elif template_id == "quick":
        answers = {
            "what_happened": situation + ". " + words.reaction(rng, heavy) + ".",
            "keep": words.pick(rng, words.KEEP) + ".",
            "change": words.pick(rng, words.CHANGE) + ".",
        }
    elif template_id == "gibbs":
        answers = {
            "description": situation + ".",
            "feelings": words.reaction(rng, heavy) + ".",
            "evaluation": words.pick(rng, words.KEEP) + " went well.",
            "analysis": words.pick(rng, words.ANALYSIS) + ".",
            "conclusion": words.pick(rng, words.LEARNING) + ".",
            "action_plan": words.pick(rng, words.CHANGE) + ".",
        }
    elif template_id == "what_so_what_now_what":
        answers = {
            "what": situation + ".",
            "so_what": words.reaction(rng, heavy) + ". " + words.pick(rng, words.LEARNING) + ".",
            "now_what": words.pick(rng, words.CHANGE) + ".",
        }
    else:
        answers = {"text": words.pick(rng, words.FREE)}
    return answers
