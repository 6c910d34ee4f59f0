"""Smoke-test an installed Reflect: a wheel in a fresh virtual environment, or the bundle.

    python packaging/smoke_test.py PATH/TO/reflect [--expect-version X.Y.Z]

Runs the given launcher from an empty temporary folder (so nothing from a source checkout
can help it) with a throw-away data folder and XDG_DATA_HOME, and checks that it prints
its version with SQLCipher's and Qt's, scores a questionnaire, lists help lines, installs
and removes its desktop entry, and opens the lock screen offscreen and quits cleanly.
Exits 1 with the failing step's output if anything is wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import time
from pathlib import Path


def _run(launcher: str, args: list[str], cwd: Path, env: dict[str, str]) -> tuple[str, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [launcher, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=180
    )
    took = time.perf_counter() - started
    shown = " ".join(args) or "(no arguments)"
    if result.returncode != 0 or "Traceback" in result.stderr:
        raise SystemExit(
            f"FAIL  reflect {shown}: exit {result.returncode}\n"
            f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
        )
    print(f"ok    reflect {shown}  ({took * 1000:.0f} ms)", flush=True)
    return result.stdout, result.stderr


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(f"FAIL  {message}")


def smoke(launcher: str, expect_version: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="reflect-smoke-") as folder:
        root = Path(folder)
        cwd = root / "elsewhere"
        cwd.mkdir()
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("REFLECT_", "PYTHON", "VIRTUAL_ENV"))
        }
        env.update(
            QT_QPA_PLATFORM="offscreen",
            REFLECT_DATA_DIR=str(root / "data"),
            XDG_DATA_HOME=str(root / "xdg"),
            HOME=str(root / "home"),
        )

        out, _ = _run(launcher, ["--version"], cwd, env)
        lines = out.splitlines()
        _check(lines[0].startswith("reflect "), f"--version printed {out!r}")
        if expect_version:
            _check(lines[0] == f"reflect {expect_version}", f"expected {expect_version}: {out}")
        _check(any(line.startswith("SQLCipher 4.") for line in lines), "no SQLCipher 4")
        _check(any(line.startswith("Qt 6.") for line in lines), "no Qt 6")

        out, _ = _run(launcher, ["score", "who5", "--answers", "3 2 4 3 2"], cwd, env)
        score = json.loads(out)
        _check(score["subscales"][0]["score"] == 56, f"WHO-5 3 2 4 3 2 scored {out}")

        out, _ = _run(launcher, ["help-lines", "--json"], cwd, env)
        _check(len(json.loads(out)["lines"]) > 0, "no help lines listed")

        out, _ = _run(launcher, ["--install-desktop-entry"], cwd, env)
        entry = root / "xdg" / "applications" / "org.reflectapp.Reflect.desktop"
        _check(entry.is_file(), "the desktop entry was not written")
        _check(
            (root / "xdg/icons/hicolor/256x256/apps/org.reflectapp.Reflect.png").is_file(),
            "the 256 px icon was not installed",
        )
        _run(launcher, ["--uninstall-desktop-entry"], cwd, env)
        _check(not entry.exists(), "the desktop entry was not removed")

        # An encrypted profile made and searched by the installed program: the key derivation
        # (Argon2id through cryptography), SQLCipher, sqlite-utils, the migrations and the
        # schema preload thread all run from the wheel or the bundle, not the checkout.
        out, _ = _run(launcher, ["demo", "--years", "1", "--team", "0", "--json"], cwd, env)
        _check(json.loads(out)["profile"] == "demo", f"reflect demo printed {out!r}")
        keyed = {**env, "REFLECT_PASSPHRASE": "demo-passphrase"}
        out, _ = _run(launcher, ["search", "the", "--profile", "demo", "--json"], cwd, keyed)
        _check(json.loads(out)["total"] > 0, f"a search of the demo profile found nothing: {out}")
        out, _ = _run(launcher, ["check", "--profile", "demo", "--json"], cwd, keyed)
        _check(json.loads(out)["ok"] is True, f"reflect check of the demo profile: {out}")

        _, err = _run(launcher, [], cwd, {**env, "REFLECT_EXIT_AFTER_SHOW": "1"})
        _check("shown LockScreen (icon)" in err, f"the lock screen did not appear: {err!r}")
        _check((root / "data").is_dir(), "the data folder was not created")
    internal = Path(launcher).parent / "_internal"
    if internal.is_dir():  # a PyInstaller bundle: data files its import analysis cannot see
        for needed in (
            "spellchecker/resources/en.json.gz",
            "spellchecker/resources/fr.json.gz",
            "reflect/assets/icons/reflect-256.png",
        ):
            _check((internal / needed).is_file(), f"the bundle lacks {needed}")
        print("ok    bundle carries the spell-checker word lists and Reflect's assets")
    print("Smoke test passed.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("launcher", help="the reflect executable to test")
    parser.add_argument("--expect-version")
    args = parser.parse_args()
    launcher = str(Path(args.launcher).absolute())
    smoke(launcher, args.expect_version)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
