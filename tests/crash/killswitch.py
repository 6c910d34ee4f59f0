"""Run a Reflect operation in a forked child and SIGKILL it just before its Nth disk step.

A "step" is each call the operation makes to a function that changes what is on disk or
makes it durable: ``os.replace``/``rename``/``unlink``/``remove``/``rmdir``/``fsync``,
``shutil.copy*``/``rmtree`` and the commit of an outermost ``Database.atomic()`` block (the
kill comes just before the commit, as a crash inside the transaction would). The wrappers
exist only in the child, which the test forks: nothing in Reflect knows about them.

A fork is used rather than a new interpreter so each kill costs milliseconds, not a second
of imports; the parent must hold no open database when it forks (it never does here).
The child reports each step on a pipe before taking it, so the parent knows where it died.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

# REFLECT_CRASH_SLOW=1: kill before every step, fsyncs included (minutes instead of seconds).
EVERY_STEP = os.environ.get("REFLECT_CRASH_SLOW") == "1"
_OS_STEPS = ("replace", "rename", "link", "unlink", "remove", "rmdir", "fsync")
_SHUTIL_STEPS = ("copy", "copy2", "copyfile", "copytree", "rmtree", "move")
# One step each, whatever they call inside (rmtree is not: each file it removes is a step).
_OPAQUE_STEPS = ("copy", "copy2", "copyfile", "copytree", "move")


@dataclass(frozen=True)
class Outcome:
    killed: bool  # the child died by SIGKILL at the step asked for
    steps: list[str]  # the steps it reported (the last one is where it died)
    error: str = ""  # an exception the operation raised instead (with its traceback)
    noops: frozenset[int] = frozenset()  # steps that changed nothing (removing a missing file)


def _install(kill_at: int | None, report: Callable[[str], None]) -> None:
    count = 0

    def step(name: str) -> None:
        nonlocal count
        count += 1
        report(f"{count} {name}")
        if kill_at is not None and count == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    inside_copy = False

    def wrap(module: Any, name: str) -> None:
        original = getattr(module, name)
        opaque = name in _OPAQUE_STEPS

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            nonlocal inside_copy
            if inside_copy:  # copy2 calls copyfile: killed before either, nothing changed
                return original(*args, **kwargs)
            target = args[0] if args else ""
            step(f"{module.__name__}.{name}({os.path.basename(str(target))})")
            inside_copy = opaque
            try:
                return original(*args, **kwargs)
            except (FileNotFoundError, FileExistsError):
                report(f"noop {count}")  # removing what was not there changed nothing
                raise
            finally:
                inside_copy = False

        setattr(module, name, wrapper)

    for name in _OS_STEPS:
        wrap(os, name)
    for name in _SHUTIL_STEPS:
        wrap(shutil, name)

    original_atomic = sqlite_utils.Database.atomic

    @contextlib.contextmanager
    def atomic(self: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
        outermost = not self.conn.in_transaction
        with original_atomic(self) as db:
            yield db
            if outermost:
                step("commit")

    sqlite_utils.Database.atomic = atomic  # type: ignore[method-assign]


def run_killed(operation: Callable[[], object], kill_at: int | None) -> Outcome:
    """Fork; the child runs ``operation`` and is killed just before step ``kill_at``
    (None: never). Returns when the child is gone."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read_end)
        code = 0
        try:
            _install(kill_at, lambda line: os.write(write_end, (line + "\n").encode()))
            operation()
        except BaseException:  # noqa: BLE001 - reported to the parent as text
            text = traceback.format_exc().replace("\n", "\\n")
            os.write(write_end, f"ERROR {text}\n".encode())
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    chunks = []
    with os.fdopen(read_end, "rb") as pipe:
        for chunk in iter(lambda: pipe.read(65536), b""):
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    lines = b"".join(chunks).decode(errors="replace").splitlines()
    errors = [line[6:].replace("\\n", "\n") for line in lines if line.startswith("ERROR ")]
    steps = [line for line in lines if not line.startswith(("ERROR ", "noop "))]
    noops = {int(line.split()[1]) for line in lines if line.startswith("noop ")}
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    return Outcome(killed, steps, "\n".join(errors), frozenset(noops))


def count_steps(operation: Callable[[], object]) -> Outcome:
    """The steps ``operation`` takes when nothing kills it (it must succeed)."""
    outcome = run_killed(operation, None)
    assert not outcome.killed and not outcome.error, outcome.error
    return outcome


def kill_at_every_step(
    prepare: Callable[[], None],
    operation: Callable[[], object],
    check: Callable[[Outcome], None],
    *,
    sample: int | None = None,
) -> int:
    """Run ``operation`` once to count its steps, then for each step N: ``prepare()`` a fresh
    copy of the starting state, kill the operation just before step N and ``check`` what is
    left. ``sample``: only that many steps, spread evenly, first and last included (for
    operations with hundreds of commits). Returns how many steps were tried."""
    prepare()
    counted = count_steps(operation)
    steps = counted.steps
    assert steps, "the operation took no disk step at all: the harness would test nothing"
    check(counted)  # not killed: the operation's result must pass too
    numbers = list(range(1, len(steps) + 1))
    if not EVERY_STEP:
        # A SIGKILL loses nothing the kernel holds: killed just before an fsync, the disk
        # reads as it did just after the step before it (already tried). Power loss, where
        # fsync matters, is beyond a kill; REFLECT_CRASH_SLOW=1 still kills at every step.
        # Likewise just after a step that changed nothing (removing a file not there).
        numbers = [
            n for n in numbers if ".fsync(" not in steps[n - 1] and n - 1 not in counted.noops
        ]
    if sample is not None and sample < len(numbers):
        numbers = sorted(
            {numbers[round(i * (len(numbers) - 1) / (sample - 1))] for i in range(sample)}
        )
    for n in numbers:
        prepare()
        outcome = run_killed(operation, n)
        assert outcome.killed, f"step {n} ({steps[n - 1]}) was not reached: {outcome.error}"
        try:
            check(outcome)
        except AssertionError as exc:
            raise AssertionError(f"killed before step {outcome.steps[-1]}: {exc}") from exc
    return len(numbers)


def run_killed_after(operation: Callable[[], object], seconds: float) -> Outcome:
    """Fork; SIGKILL the child running ``operation`` after ``seconds`` (for work whose
    dangerous moment is inside one long step, like a transaction of 10,000 rows)."""
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            operation()
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return Outcome(False, [], "" if os.WEXITSTATUS(status) == 0 else "failed")
        time.sleep(0.005)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    return Outcome(killed, [])
