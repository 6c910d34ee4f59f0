"""`reflect search`'s quick path against the full path for odd input: the data folder, the
--profile value, the passphrase and how often it is tried, the shipped templates.
The harness (tests/cli/search_attacks.py) runs each search on two identical copies."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from reflect.cli import main
from tests.cli.search_attacks import (
    PASSPHRASE,
    PROFILE,
    both_ways,
    folder_of,
    outcome,
    prompts_answered,
)

pytestmark = pytest.mark.timeout(120)  # a FIFO read by mistake would block for ever


def _data_dir_replaced(by):
    def make(data_dir: str) -> None:
        away = os.path.join(os.path.dirname(data_dir), "away")
        shutil.move(data_dir, away)
        by(data_dir, away)

    return make


def _templates(by):
    return lambda data_dir: by(os.path.join(data_dir, "templates"))


DATA_DIRS = {
    "a symlink to the data folder": _data_dir_replaced(lambda d, away: os.symlink(away, d)),
    "a dangling symlink": _data_dir_replaced(lambda d, _a: os.symlink("/nonexistent", d)),
    "a file": _data_dir_replaced(lambda d, _a: open(d, "w").close()),
    "a symlink loop": _data_dir_replaced(lambda d, _a: os.symlink(d, d)),
    "a FIFO": _data_dir_replaced(lambda d, _a: os.mkfifo(d)),
    "with templates a file": _templates(lambda t: open(t, "w").close()),
    "with templates an empty folder": _templates(os.mkdir),
    "with templates a dangling symlink": _templates(lambda t: os.symlink("/nonexistent", t)),
    "with templates a symlink loop": _templates(lambda t: os.symlink(t, t)),
    "with templates a FIFO": _templates(os.mkfifo),
}


@pytest.mark.parametrize("make", DATA_DIRS.values(), ids=DATA_DIRS.keys())
def test_a_strange_data_folder_is_read_as_the_full_path_reads_it(
    make, attack_base, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    both_ways(attack_base, tmp_path, capsys, make)


PROFILE_OPTIONS = [
    "..",
    ".",
    ".hidden",
    "",
    "QUICK",
    f"{PROFILE}/",
    f"../profiles/{PROFILE}",
    f"{PROFILE}/.",
    "/",
    "profiles",
    "nobody",
]


@pytest.mark.parametrize("value", PROFILE_OPTIONS)
def test_an_odd_profile_option_chooses_as_the_full_path_chooses(
    value, attack_base, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)

    def hidden_copy(data_dir: str) -> None:
        shutil.copytree(folder_of(data_dir), os.path.join(data_dir, "profiles", ".hidden"))

    quick = both_ways(
        attack_base, tmp_path, capsys, hidden_copy, argv=("search", "noon", "--profile", value)
    )
    assert quick[3] == (0 if value == PROFILE else 1)


def test_an_absolute_profile_option_is_left_to_the_full_path(
    attack_base, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    absolute = os.path.join(str(tmp_path), "elsewhere")
    shutil.copytree(folder_of(attack_base), absolute)
    quick = both_ways(
        attack_base, tmp_path, capsys, lambda _d: None, ("search", "noon", "--profile", absolute)
    )
    assert quick[3] == 1


def _passphrase_file(kind: str, path: str) -> None:
    if kind == "a FIFO":
        os.mkfifo(path)
    elif kind == "a folder":
        os.mkdir(path)
    elif kind == "a dangling symlink":
        os.symlink("/nonexistent/passphrase", path)
    elif kind == "a device":
        os.symlink("/dev/zero", path)
    elif kind != "missing":
        data = {
            "huge": PASSPHRASE.encode() + b"\n" + b"x" * 10_000,
            "not UTF-8": b"\xff\xfe\xfa",
            "empty": b"",
            "the right one with a BOM and CRLF": b"\xef\xbb\xbf" + PASSPHRASE.encode() + b"\r\n",
            "a wrong one": b"not the passphrase at all\n",
        }[kind]
        with open(path, "wb") as handle:
            handle.write(data)


PASSPHRASE_FILES = [
    "a FIFO",
    "a folder",
    "a dangling symlink",
    "a device",
    "missing",
    "huge",
    "not UTF-8",
    "empty",
    "the right one with a BOM and CRLF",
    "a wrong one",
]


@pytest.mark.parametrize("kind", PASSPHRASE_FILES)
def test_an_odd_passphrase_file_is_read_as_the_full_path_reads_it(
    kind, attack_base, tmp_path, capsys, monkeypatch
):
    monkeypatch.delenv("REFLECT_PASSPHRASE", raising=False)
    path = str(tmp_path / "passphrase")
    _passphrase_file(kind, path)
    argv = ("search", "noon", "--passphrase-file", path)
    both_ways(attack_base, tmp_path, capsys, lambda _d: None, argv)


@pytest.mark.parametrize("typed", ["", "not the passphrase at all", PASSPHRASE])
def test_a_typed_passphrase_is_asked_for_once_whatever_it_is(
    typed, attack_base, tmp_path, capsys, monkeypatch
):
    """A person typing at the prompt is asked once, as on the full path: even an empty
    answer (a slip of the Enter key) is the answer, not a reason to ask again."""
    monkeypatch.delenv("REFLECT_PASSPHRASE", raising=False)
    asked = prompts_answered(monkeypatch, typed)
    both_ways(attack_base, tmp_path, capsys, lambda _d: None)
    assert len(asked) == 2  # once for each of the two runs


def _failures(data_dir: str) -> int:
    path = os.path.join(folder_of(data_dir), "unlock-attempts.json")
    if not os.path.exists(path):
        return 0
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)["failures"]


def test_wrong_passphrases_in_a_row_are_counted_and_slowed_as_on_the_full_path(
    attack_base, tmp_path, capsys, monkeypatch
):
    from reflect.storage.throttle import UnlockThrottle

    now = [1_000_000.0]
    monkeypatch.setattr(UnlockThrottle.__init__, "__defaults__", (lambda: now[0], None))
    tries = ["wrong one", "wrong two", "wrong three", PASSPHRASE, "+5", "wrong four"]
    tries += [PASSPHRASE, "+5", PASSPHRASE]
    seen = {}
    for way in ("quick", "full"):
        data_dir = str(tmp_path / way / "data")
        shutil.copytree(attack_base, data_dir, symlinks=True)
        now[0], seen[way] = 1_000_000.0, []
        for attempt in tries:
            if attempt == "+5":  # the wait is over
                now[0] += 5
                continue
            monkeypatch.setenv("REFLECT_PASSPHRASE", attempt)
            result = outcome(["search", "noon"], data_dir, capsys, full=way == "full")
            seen[way].append((result[:3], _failures(data_dir)))
    assert seen["quick"] == seen["full"]
    counts = [failures for _result, failures in seen["quick"]]
    assert counts == [1, 2, 3, 3, 4, 4, 0]
    assert "wait 2 s" in seen["quick"][3][0][2]  # the right passphrase, too early: refused
    assert "wait 4 s" in seen["quick"][5][0][2] and seen["quick"][5][0][1] == ""
    assert "noon" in seen["quick"][6][0][1]


def _quick_template(**changes) -> bytes:
    from reflect.resources import asset_path

    template = json.loads(asset_path("templates", "quick.json").read_text(encoding="utf-8"))
    template.update(changes)
    return json.dumps(template).encode()


SHIPPED = {
    "a hidden .json": (".json", lambda: _quick_template(name="Hidden name")),
    "a file of only id and name": ("evil.json", lambda: b'{"id": "quick", "name": "Evil"}'),
    "a name that is a number": ("zz.json", lambda: _quick_template(name=5)),
    "a later file with the same id": ("zz.json", lambda: _quick_template(name="Later")),
    "an unknown key": ("zz.json", lambda: _quick_template(name="Odd", extra=1)),
    "a TOML file": ("zz.toml", lambda: b'id = "quick"\nname = "Toml"\n'),
    "nested deeply": ("zz.json", lambda: b"[" * 5000 + b"]" * 5000),
    "not UTF-8": ("zz.json", lambda: b'{"id": "\xff"}'),
    "a folder": ("zz.json", None),
    "a name with spaces around": ("quick.json", lambda: _quick_template(name="  Spaced  ")),
    "a name that is blank": ("quick.json", lambda: _quick_template(name="   ")),
    "an id not allowed": ("Zz.json", lambda: _quick_template(id="Zz")),
    "no sections": ("quick.json", lambda: b'{"id": "quick", "name": "Quick"}'),
    "none at all": ("", None),
}


@pytest.mark.parametrize("name, content", SHIPPED.values(), ids=SHIPPED.keys())
def test_a_hostile_shipped_template_file_is_read_as_the_full_path_reads_it(
    name, content, attack_base, tmp_path, capsys, monkeypatch
):
    from reflect import resources

    real = resources.assets_folder()
    assets = tmp_path / "assets"
    assets.mkdir()
    for entry in os.listdir(real):
        if entry != "templates":
            os.symlink(os.path.join(real, entry), assets / entry)
    shutil.copytree(os.path.join(real, "templates"), assets / "templates")
    if not name:
        shutil.rmtree(assets / "templates")
        (assets / "templates").mkdir()
    elif content is None:
        (assets / "templates" / name).mkdir()
    else:
        (assets / "templates" / name).write_bytes(content())
    monkeypatch.setattr(resources, "assets_folder", lambda: str(assets))
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    both_ways(attack_base, tmp_path, capsys, lambda _d: None)


def test_the_quick_template_check_uses_the_loaders_rules():
    from reflect.domain import content_fields, template_names, templates

    assert template_names.TEMPLATE_KEYS == templates._TEMPLATE_KEYS
    assert template_names.TEMPLATE_ID.pattern == content_fields._TEMPLATE_ID.pattern


def _loosened(data_dir: str) -> None:
    for where, _dirs, files in os.walk(data_dir):
        os.chmod(where, 0o755)
        for name in files:
            os.chmod(os.path.join(where, name), 0o644)


@pytest.mark.parametrize("kind", ["missing", "a folder", "the right one with a BOM and CRLF"])
def test_a_loosened_data_folder_is_made_private_again_as_on_the_full_path(
    kind, attack_base, tmp_path, capsys, monkeypatch
):
    """Every command makes the data folder private again, even one that then fails to read
    its passphrase: the files left behind are compared, modes included."""
    monkeypatch.delenv("REFLECT_PASSPHRASE", raising=False)
    path = str(tmp_path / "passphrase")
    _passphrase_file(kind, path)
    both_ways(
        attack_base, tmp_path, capsys, _loosened, ("search", "noon", "--passphrase-file", path)
    )


ODD_SEARCHES = {
    "the largest limit": ["--limit", str(2**63 - 1)],
    "a negative limit": ["--limit=-5"],
    "a quote left open": ['"noon'],
    "only FTS operators": ["AND OR NOT"],
    "a column filter": ["body:noon"],
    "a NUL in the query": ["no\x00on"],
    "a lone surrogate-free odd text": ["\u202enoon"],
    "a year 1 to 9999 range": ["--from", "0001-01-01", "--to", "9999-12-31"],
}


@pytest.mark.parametrize("words", ODD_SEARCHES.values(), ids=ODD_SEARCHES.keys())
def test_an_odd_search_prints_what_the_full_path_prints(
    words, attack_base, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    both_ways(attack_base, tmp_path, capsys, lambda _d: None, ("search", *words))


@pytest.mark.parametrize("limit", ["9" * 30, str(2**63), str(-(2**63)), "x", "1.5"])
def test_a_limit_sqlite_cannot_hold_is_refused_with_what_a_limit_is(limit, capsys):
    with pytest.raises(SystemExit):
        main(["search", "--limit", limit])
    assert "the limit is a whole number (0 = all)" in capsys.readouterr().err
