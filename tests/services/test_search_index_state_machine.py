"""Random sequences of everything that changes reflections, through the services; after
every step each distinctive word finds exactly the reflections holding it (a naive scan
says which), no deleted reflection is found, and FTS5 agrees its index matches the text.

The steps: save a new reflection with its word in one searchable part (free text, a
feeling, a follow-up, a tag, the setting), edit one (its word replaced), delete one, undo a
delete, save an editor's copy of a reflection deleted meanwhile, rename or merge tags,
import jrnl entries (the bulk path, which drops and re-makes the insert trigger), keep a
draft (never searchable), and lock and unlock again (a writer's unlock repairs the index).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from reflect.domain.reflection import FollowUp, Reflection
from reflect.paths import AppPaths
from reflect.services.importing import import_file
from reflect.services.profiles import ProfileService
from tests.conftest import PASSPHRASE
from tests.services.search_agreement import ALPHABETS, assert_search_agrees, word

PARTS = ("text", "feeling", "follow_up", "tag", "setting")
START = datetime(2026, 1, 1, 9)


def _reflection(when: datetime, part: str, w: str) -> Reflection:
    reflection = Reflection("free_write", when, answers={"text": "an ordinary day"})
    if part == "text":
        reflection.answers = {"text": f"walked past the {w} again"}
    elif part == "feeling":
        reflection.feelings = [w]
    elif part == "follow_up":
        reflection.follow_ups = [FollowUp(f"ask about {w}")]
    elif part == "tag":
        reflection.tags = [w, "shift"]
    else:
        reflection.setting = w
    return reflection


class SearchAgreesWithReflections(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="reflect-indexcheck-"))
        self.service = ProfileService(AppPaths(self.folder).ensure(), fast_kdf=True, writer=True)
        self.info = self.service.create(PASSPHRASE, "Index")
        self.session = self.service.unlock(self.info, PASSPHRASE)
        self.words: list[str] = []
        self.deleted: list[Reflection] = []
        self.tags: list[str] = []
        self.typed_upper = False

    def _word(self, alphabet: str) -> str:
        made = word(len(self.words), alphabet)
        self.words.append(made)
        return made

    def _when(self) -> datetime:
        return START + timedelta(hours=len(self.words))

    def _ids(self) -> list[int]:
        return sorted(r.id for r in self.session.journal.all_reflections())

    @rule(part=st.sampled_from(PARTS), alphabet=st.sampled_from(ALPHABETS))
    def save_new(self, part, alphabet):
        w = self._word(alphabet)
        self.session.journal.save(_reflection(self._when(), part, w))
        if part == "tag":
            self.tags.append(w)

    @precondition(lambda self: self.session.journal.count() > 0)
    @rule(pick=st.integers(0, 10**6), alphabet=st.sampled_from(ALPHABETS))
    def edit(self, pick, alphabet):
        ids = self._ids()
        stored = self.session.journal.get(ids[pick % len(ids)])
        w = self._word(alphabet)
        self.session.journal.save(replace(stored, answers={"text": f"now about {w}"}))

    @precondition(lambda self: self.session.journal.count() > 0)
    @rule(pick=st.integers(0, 10**6))
    def delete(self, pick):
        ids = self._ids()
        gone = self.session.journal.delete(ids[pick % len(ids)])
        assert gone is not None
        self.deleted.append(gone)

    @precondition(lambda self: self.deleted)
    @rule()
    def undo_delete(self):
        self.session.journal.undo_delete(self.deleted.pop())

    @precondition(lambda self: self.deleted)
    @rule(alphabet=st.sampled_from(ALPHABETS))
    def save_a_copy_deleted_meanwhile(self, alphabet):
        # The editor still had it open: saving writes it back under its old id.
        copy = self.deleted.pop()
        w = self._word(alphabet)
        self.session.journal.save(replace(copy, answers={"text": f"kept {w}"}))

    @precondition(lambda self: self.tags)
    @rule(pick=st.integers(0, 10**6), merge=st.booleans(), alphabet=st.sampled_from(ALPHABETS))
    def rename_or_merge_tag(self, pick, merge, alphabet):
        old = self.tags[pick % len(self.tags)]
        into = self.tags[(pick + 1) % len(self.tags)] if merge else self._word(alphabet)
        self.session.journal.merge_tags([old], into)
        self.tags = [t for t in self.tags if t != old]
        if into not in self.tags:
            self.tags.append(into)

    @rule(count=st.integers(1, 4), alphabet=st.sampled_from(ALPHABETS))
    def import_jrnl(self, count, alphabet):
        entries = []
        for _ in range(count):
            when = self._when()
            w = self._word(alphabet)
            entries.append(
                {
                    "date": when.date().isoformat(),
                    "time": when.strftime("%H:%M"),
                    "title": f"imported {w}",
                    "body": "",
                    "tags": [],
                }
            )
        path = self.folder / f"jrnl-{len(self.words)}.json"
        path.write_text(json.dumps({"entries": entries}), encoding="utf-8")
        import_file(self.session, path)

    @rule(alphabet=st.sampled_from(ALPHABETS))
    def keep_a_draft(self, alphabet):
        w = self._word(alphabet)
        self.session.journal.save_draft(_reflection(self._when(), "text", w))

    @rule()
    def lock_and_unlock(self):
        self.session.close()
        self.session = self.service.unlock(self.info, PASSPHRASE)
        assert self.session.search_index_repaired == []  # nothing had gone out of step

    @rule(upper=st.booleans())
    def type_queries(self, upper):
        self.typed_upper = upper

    @invariant()
    def search_agrees(self):
        typed = (lambda w: w.upper()) if self.typed_upper else (lambda w: w)
        assert_search_agrees(self.session, self.words, typed)

    def teardown(self):
        self.session.close()
        shutil.rmtree(self.folder, ignore_errors=True)


SearchAgreesWithReflections.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_search_agrees_with_reflections = SearchAgreesWithReflections.TestCase
