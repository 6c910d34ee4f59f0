"""Word lists for the identity guard's name rule (data, kept apart from the logic).

All comparisons are lower-case. Lists lean towards what front-line providers write about:
services, practice vocabulary and publications that are capitalised but identify nobody.
"""

from __future__ import annotations

PARTICLES = {
    "de",
    "da",
    "del",
    "della",
    "van",
    "von",
    "der",
    "den",
    "la",
    "le",
    "di",
    "du",
    "bin",
    "al",
}
TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "mister", "madam", "madame", "mme", "mlle"}
BARE_TITLES = {"mr", "mrs", "ms", "mx", "dr", "miss", "mister", "madame", "mme", "mlle"}
NON_PERSON_WORDS = {
    "hospital",
    "centre",
    "center",
    "clinic",
    "shelter",
    "house",
    "services",
    "service",
    "department",
    "police",
    "university",
    "college",
    "school",
    "church",
    "mosque",
    "temple",
    "hotel",
    "motel",
    "inn",
    "mall",
    "park",
    "station",
    "airport",
    "court",
    "courthouse",
    "street",
    "avenue",
    "road",
    "library",
    "society",
    "association",
    "foundation",
    "program",
    "programme",
    "project",
    "network",
    "coalition",
    "ministry",
    "office",
    "unit",
    "ward",
    "hotline",
    "helpline",
    "line",
    "bank",
    "market",
    "store",
    "restaurant",
    "cafe",
    "café",
}
# Organisations, publications and instruments are written in title case too.
_ORGANISATION_WORDS = """
    institute index scale inventory toolkit health therapy organization organisation books
    press journal review reviews database news lifeline psychology psychiatry medicine nursing
    nurse work practice quality stress trauma crisis support care safety abuse council agency
    authority board commission committee company group team supervision copyright wellbeing
    well-being survey report guide manual module course training workshop conference
"""
NON_PERSON_WORDS |= set(_ORGANISATION_WORDS.split())

# Phrases that look like names but are practice vocabulary, services or places in the app.
KNOWN_PHRASES = {
    "safe environment",
    "communicating with care",
    "active listening",
    "appropriate action",
    "stage of change",
    "stages of change",
    "human trafficking hotline",
    "crisis text line",
    "kids help phone",
    "national helpline",
    "get help now",
    "trauma informed",
    "trauma-informed practice",
    "free write",
    "gibbs cycle",
    "so what",
    "now what",
    "emergency room",
    "family court",
    "youth court",
    "criminal court",
    "child protective services",
    "children's aid",
    "social services",
    "legal aid",
    "victim services",
    "salvation army",
    "covenant house",
    "red cross",
    "harm reduction",
    "public health",
    "new year",
    "new years",
    "first nations",
    "north america",
    "united states",
    "new york",
    "los angeles",
    "san francisco",
    "new brunswick",
    "nova scotia",
    "british columbia",
    "prince edward island",
    "quebec city",
    "mental health",
    "good friday",
    "boxing day",
    "labour day",
    "labor day",
    "canada day",
    "thanksgiving day",
    "christmas eve",
    "christmas day",
    "mother's day",
    "father's day",
}

# Capitalised words that are almost never part of a person's name: pronouns, function words,
# common sentence openers, days, months and service words. Lower-case comparisons.
_NOT_NAME_TEXT = """
    i i'm i've i'd i'll me my we us our you your he him his she her they them their it its a
    an the this that these those there here then than and but or nor so yet for of to in on
    at by with from into onto about after before during while when where why how what which
    who whom whose if unless because although though as since until also just only still
    even not no yes ok okay maybe perhaps today tonight tomorrow yesterday later earlier now
    soon again some any all both each every many much more most few several other another
    such same own one two three four five six seven eight nine ten first second third next
    last am is are was were be been being do does did done have has had having can could
    will would shall should may might must let lets let's went go goes going got get gets
    getting came come comes coming felt feel feeling feels said say says told tell asked ask
    saw see seen met meet took take gave give made make tried try think thought knew know
    wanted want needed need left stayed called walked talked spoke listened noticed realised
    realized found kept held sat stood waited worked helped started stopped finished decided
    agreed shared offered really very quite rather too well good great bad hard tough heavy
    long short tired calm overall afterwards afterward anyway however therefore meanwhile
    otherwise instead finally luckily sadly honestly hopefully thankfully unfortunately
    fortunately clearly monday tuesday wednesday thursday friday saturday sunday january
    february march april june july august september october november december morning
    afternoon evening night shift outreach shelter clinic court hotline phone other hospital
    police office team supervisor client clients person people staff worker workers note
    notes action plan description feelings evaluation analysis conclusion please thanks
    thank sorry hello hi dear english french spanish canadian american
"""
NOT_NAME_WORDS = frozenset(_NOT_NAME_TEXT.split()) | {"copyright", "senior", "junior"}
