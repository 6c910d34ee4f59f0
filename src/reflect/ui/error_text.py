"""Messages from the domain, storage and services layers in the person's language.

Those layers cannot import the interface (import-linter contracts), so their errors and
progress notes are English sentences. The sentences are keys of the French catalogue; a
sentence that carries values (a file name, a number of seconds) is matched against its
English template here, and the template is translated with the values put back. An
unknown sentence, and every sentence in English, is shown exactly as it came.
"""

from __future__ import annotations

import re
import string
from functools import cache

from reflect.domain.errors import ReflectError
from reflect.domain.message import Message, Term
from reflect.ui.i18n import current_language, tr

# Problems with the answers typed for a questionnaire. Their values (what the person typed,
# the questionnaire's short name, item numbers) are shown as they came: a typed answer that
# happens to be an English word of the interface is still the person's own text.
ANSWER_PROBLEMS: tuple[str, ...] = (
    "Answer {index} ('{part}') is not a whole number.",
    "{name} has {expected} items; {given} answers were given.",
    "Answers must be numbers from {low} to {high}; check item {items}.",
    "Answers must be numbers from {low} to {high}; check items {items}.",
)

# Issue 13 (storage): the writer lock, damaged profiles, restore checks, full or read-only
# disks, export targets. Listed first: each is more specific than the looser ones below.
TRUST_TEMPLATES: tuple[str, ...] = (
    "This profile's database is damaged: {what}. Nothing was written. Bring back the "
    "latest backup with: reflect restore {path}",
    "This profile's database is damaged: {what}. Nothing was written. No backup was found"
    " in the profile's backups folder; if you keep one elsewhere, bring it back with "
    "'reflect restore FILE'.",
    "The disk is full: Reflect could not write in {path}. Nothing was changed; free some "
    "space and try again.",
    "Reflect cannot write in {path}: the folder is read-only or belongs to another user. "
    "Nothing was changed.",
    "Reflect cannot write in {path}: the folder or file is read-only or belongs to "
    "another user. Nothing was changed.",
    "Reflect could not use {path}: {error}. Nothing was changed.",
    "A database file in {path} is damaged (SQLite reports '{error}'). Nothing was "
    "written; run 'reflect check'.",
    "No backup was written: the copy failed its integrity check, so the profile's "
    "database is damaged ({error}). Run 'reflect check'; the latest good backup can be "
    "brought back with 'reflect restore'.",
    "{name} is not a Reflect backup: it is empty or cut short ({size} bytes). Nothing was changed.",
    "{name} is not a Reflect backup: it is empty or cut short ({size} byte). Nothing was changed.",
    "{name} does not open with this profile's key: it is damaged, belongs to another "
    "profile, or was written before a passphrase change and its .key.json file is not "
    "beside it. Nothing was changed.",
    "{name} is not a Reflect backup: tables are missing ({tables}). Nothing was changed.",
    "{name} has no known schema version; it is not a Reflect backup. Nothing was changed.",
    "{name} holds no reflections, check-ins or anything else: restoring it would empty "
    "the profile. Nothing was changed (on the command line, --allow-empty restores it "
    "anyway).",
    "Cannot read {name}: {error}. Nothing was changed.",
    "{path} is inside a Reflect profile folder; writing there could destroy the profile. "
    "Choose a file elsewhere. Nothing was written.",
    "{path} already exists. Add --force to replace it, or choose another name. Nothing "
    "was written.",
    "vault.json is damaged: the wrapped key has the wrong size (nonce {nonce} bytes, "
    "sealed key {sealed} bytes).",
)

# English templates of messages that carry values. Each {name} matches any text; more
# specific templates come first, since a later, looser one could also match.
TEMPLATES: tuple[str, ...] = (
    *TRUST_TEMPLATES,
    # passphrase, vault and throttling
    "Several passphrases in a row did not match. Please wait {seconds} s before the next "
    "try; this slows down anyone guessing.",
    "Please use at least {count} characters. A few unrelated words are easier to remember "
    "than symbols and much harder to guess.",
    "Please use a passphrase of at least {count} characters.",
    "An archive needs its own passphrase of at least {count} characters (it may differ from "
    "the profile's).",
    "There is no profile called '{profile}'.",
    "Cannot read this profile's vault.json: {error}",
    "Unknown key derivation '{name}' in vault.json.",
    "{source} asks for key-derivation setting {name} = {value}, outside what Reflect writes "
    "({low} to {high}); refusing to use it.",
    "{source} is damaged: {name} must be a whole number.",
    "{source} has an invalid salt.",
    "vault.json asks for key-derivation settings below the safe minimum (memory {memory} "
    "KiB, {passes} passes); refusing to use them.",
    "vault.json is damaged: {error}",
    "This profile was saved by a newer version of Reflect ({versions}). Please update "
    "Reflect; nothing was changed.",
    # databases and backups
    "{name} is an unencrypted SQLite file, not a Reflect backup; it was not used.",
    "{name} is an unencrypted SQLite file. Reflect only opens encrypted profiles and has "
    "not touched it.",
    "No database found at {path}.",
    "The integrity check failed for {name}: {problems}",
    "There is no backup file at {path}.",
    "{path} is a folder; give a file name for the backup.",
    "{path} is a folder; give a file name for the export.",
    "The folder {path} does not exist.",
    "There is no file at {path}.",
    # archives, export and import
    "{name} is not a Reflect archive this version can read (format {format}).",
    "{name} is not a readable Reflect archive ({error}).",
    "{name} is not a Reflect archive.",
    "{name}: the manifest is too large.",
    "{name}: the manifest has no key settings.",
    "{name} is damaged and cannot be read ({error}).",
    "{file}: table {table}, row {row}, field {field}: {problem}. Nothing was imported.",
    "{file}: table {table} cannot be checked by this version of Reflect. Nothing was imported.",
    "{name} is not a regular file. Nothing was imported.",
    "{name} holds {count} files; a Reflect archive holds two.",
    "{name} holds a file with an unsafe name; nothing was read.",
    "{name} uses a compression Reflect does not write.",
    "{name} declares a file larger than 4 GB; nothing was read.",
    "{name} would expand {ratio} times; Reflect archives are not compressed, so it was "
    "refused before expanding.",
    "{name} is damaged (the database is longer than declared).",
    "Unknown export format '{name}'. Choose one of: {choices}.",
    "{name} is neither a Reflect archive nor a jrnl JSON export (made with 'jrnl --format "
    "json'). Nothing was imported.",
    "{name} is larger than 200 MB; is it really a jrnl export?",
    "{name} is not UTF-8 text; nothing was imported.",
    "{name} is not valid JSON (line {line}, column {column}: {error}); nothing was imported.",
    "{name} is nested too deeply to be a jrnl export.",
    "Skipped table {name}: this version of Reflect does not have it.",
    "Cannot read {path}: {error}",
    # My plan
    "A person in “{section}” has no name; add one or clear it.",
    "The entry for {name} is very long; please shorten it.",
    "“{section}” holds at most {count} people.",
    "“{section}” holds at most {count} entries; please combine some.",
    "An entry in “{section}” is longer than {count} characters; short lines are easier to "
    "read on a hard day.",
    # progress notes
    "{count} reflections…",
    *ANSWER_PROBLEMS,
)


@cache
def _pattern(template: str) -> re.Pattern[str]:
    parts = []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            parts.append(f"(?P<{name}>.+?)")
    return re.compile("".join(parts), re.DOTALL)


def match_template(text: str) -> tuple[str, dict[str, str]] | None:
    """(English template, values) of a message that carries values, or None."""
    for template in TEMPLATES:
        found = _pattern(template).fullmatch(text)
        if found:
            return template, found.groupdict()
    return None


def message_in_language(message: BaseException | str) -> str:
    """An error or progress message in the interface language (as it came in English)."""
    carried = _carried(message)
    text = str(carried)
    if current_language() == "en" or not text:
        return text
    if isinstance(carried, Message) and carried.values:
        return tr(carried.template).format(**{k: _value(v) for k, v in carried.values.items()})
    translated = tr(text)
    if translated != text:
        return translated
    found = match_template(text)
    if found is None:
        return text
    template, values = found
    if template in ANSWER_PROBLEMS:
        return tr(template).format(**values)
    # Values may be English words from a fixed list (a section of My plan); tr() leaves
    # file names and numbers as they are.
    return tr(template).format(**{name: tr(value) for name, value in values.items()})


def _carried(message: BaseException | str) -> object:
    """The Message an error carries (ReflectError.message), or the text itself."""
    if isinstance(message, ReflectError):
        return message.message
    if isinstance(message, BaseException):
        return str(message)
    return message


def _value(value: object) -> object:
    # A value is shown as it came (file names, numbers, what a person typed) unless it is a
    # fixed interface word (Term) or a message of its own (the reason inside another).
    if isinstance(value, Term):
        return tr(value)
    if isinstance(value, (Message, ReflectError)):
        return message_in_language(value)
    return value
