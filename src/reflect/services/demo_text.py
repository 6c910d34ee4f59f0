"""Words for the demo profile: short, invented, first-person sentences about the provider.

Everything here is fiction written for Reflect. Reflections are about the writer's own
practice and reactions, never about an identifiable person: no names, places or dates of
birth, and people met are only "the person", "a young woman", "a caller".
"""

from __future__ import annotations

import random

SITUATIONS = (
    "An outreach round that ran late; the person I met wanted to talk about housing options",
    "A first meeting at the drop-in; they were wary and watched the door",
    "Court support in the morning, a long wait and a short hearing",
    "A hotline call that came in near the end of the shift",
    "A follow-up visit at the shelter; things had moved on since last week",
    "A clinic appointment I accompanied; the waiting room was loud",
    "A phone check-in that got cut off twice",
    "A case conference where the plan changed at the last minute",
    "A quiet evening at the shelter, mostly paperwork and one long talk",
    "A referral that finally came through after weeks of calls",
    "A night outreach shift in the cold with a new colleague",
    "A meeting where the person decided not to go ahead, for now",
)
REACTIONS_HEAVY = (
    "I felt the weight of it on the way home and could not switch off",
    "I noticed I was tense and short with my colleague afterwards",
    "Part of me went numb, which tells me I am tired",
    "I kept replaying one moment and wondering if I missed something",
    "I felt helpless about the waiting lists and angry at the system",
    "My shoulders were up by my ears for most of the afternoon",
)
REACTIONS_LIGHT = (
    "I felt steady and present most of the time",
    "There was a moment of real connection and I left with some energy",
    "Tired, but the good kind of tired",
    "I felt calm and could leave it at work when I went home",
    "Some sadness, and also respect for how they keep going",
    "I noticed a flicker of worry, named it, and let it pass",
)
BODY = (
    "Tight jaw and a knot in my stomach",
    "Heavy eyes, a dull headache",
    "Shoulders and neck, mostly",
    "Nothing much, breathing was easy",
    "Restless legs on the bus home",
    "A lump in my throat when they said thank you",
)
KEEP = (
    "Slowing down and letting silences be",
    "Asking what they wanted from today before offering anything",
    "Checking in with my colleague before leaving",
    "Saying clearly what I can and cannot do",
    "Taking the five-minute walk between visits",
    "Writing the reflection before going home",
)
CHANGE = (
    "Offer information verbally rather than on paper",
    "Book a debrief sooner after a heavy call",
    "Eat something before a long court day",
    "Say no to the extra shift this week",
    "Ask about their preferred way to be contacted",
    "Leave more time between appointments",
)
ANALYSIS = (
    "I was running on little sleep, so I rushed the start",
    "The setting made it hard to feel safe; next time I would ask for a quieter room",
    "I think I was carrying the previous call into this one",
    "Having a clear plan with my colleague made the difference",
    "Their pace was slower than mine and I adjusted, which helped",
)
LEARNING = (
    "Small choices offered early build trust",
    "My own state shapes the conversation more than I think",
    "Not every contact needs an outcome; being there counts",
    "I need to protect my lunch break",
    "Asking for help early is part of doing this well",
)
FREE = (
    "Long week. I want to remember that I am allowed to rest without earning it.",
    "Supervision today helped: I am not the only one feeling stretched by the new rota.",
    "Walked by the river after work and felt my breathing slow down.",
    "Noticed I have been avoiding the news. That is probably fine for now.",
    "A good team day. We laughed at lunch for the first time in a while.",
    "I keep thinking about the waiting lists. Writing it down so I can put it aside.",
)
NOTES = (
    "Offered options and checked they felt comfortable",
    "Could have slowed down more at the start",
    "Stayed with what they said rather than my agenda",
    "Explained each step before doing it",
    "Clear about limits; referred on when needed",
)
NOT_READY = (
    "I said the door stays open and left a way to reach us",
    "I kept it light and did not push; next time I will ask how they prefer to be contacted",
)
CHECKIN_NOTES = (
    "Heavy week at work.",
    "Slept badly after the late shifts.",
    "A calmer week; time outside helped.",
    "Team felt supportive.",
    "",
    "",
    "",
)
HELPED = (
    "Walks after work",
    "Talking with a colleague",
    "Cooking a proper meal",
    "Switching my phone off in the evening",
    "Supervision",
    "",
    "",
)
FOLLOW_UPS = (
    "Ask the team about covering the late shift",
    "Book a supervision slot",
    "Look up the updated referral form",
    "Check the shelter's intake hours",
    "Take a full lunch break on Thursday",
    "Update my plan with what helped this month",
    "Share the interpreter contact with the team",
)
TAGS = (
    "night-shift",
    "court-day",
    "team",
    "supervision",
    "long-day",
    "good-day",
    "training",
    "new-referral",
    "waiting-lists",
)
FEELINGS_HEAVY = ("drained", "tense", "sad", "frustrated", "numb", "worried", "irritable")
FEELINGS_LIGHT = ("calm", "hopeful", "tired", "grateful", "steady", "proud", "relieved")


def pick(rng: random.Random, bank: tuple[str, ...]) -> str:
    return rng.choice(bank)


def reaction(rng: random.Random, heavy: bool) -> str:
    return pick(rng, REACTIONS_HEAVY if heavy else REACTIONS_LIGHT)


def feelings(rng: random.Random, heavy: bool) -> list[str]:
    bank = FEELINGS_HEAVY if heavy else FEELINGS_LIGHT
    return rng.sample(bank, rng.randint(1, 3))
