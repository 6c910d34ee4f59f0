"""Issue 13 item 6: a bad file in templates/ or instruments/ is skipped, never fatal.

Each hostile file is dropped into the organisation folders of a data folder that also holds
a profile; commands that load templates or instruments must still work, name the file, and
never show a traceback. Generated definitions and templates (hypothesis) either load or fail
with one ContentError, and an instrument that loads always scores to finite numbers.
"""

from __future__ import annotations

import copy
import json
import math
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.faults.input_helpers import PASSPHRASE, assert_one_clean_line, run

from reflect.domain.content_files import MAX_CONTENT_BYTES, load_content_file
from reflect.domain.errors import ContentError
from reflect.domain.instrument_scoring import score
from reflect.domain.instruments import load_definition
from reflect.domain.templates import load_template_file, load_templates
from reflect.paths import AppPaths
from reflect.resources import asset_path
from reflect.services.profiles import ProfileService

INSTRUMENT = json.loads(asset_path("instruments", "who5.json").read_text(encoding="utf-8"))
TEMPLATE = json.loads(asset_path("templates", "quick.json").read_text(encoding="utf-8"))


def _with_multiply(value: float) -> str:
    data = copy.deepcopy(INSTRUMENT)
    data["id"] = "x"
    data["subscales"][0]["transform"] = {"multiply": value}
    return json.dumps(data)


HOSTILE: dict[str, str | bytes | None] = {
    "deep": "[" * 100_000 + "]" * 100_000,
    "deep_object": '{"a":' * 100_000 + "1" + "}" * 100_000,
    "digits": '{"id": "x", "items": ' + "9" * 5000 + "}",
    "surrogate": '{"id": "x", "name": "\\ud800"}',
    "multiply": _with_multiply(1e308),
    "infinity": '{"id": "x", "items": 1e999}',
    "nan": '{"id": "x", "items": NaN}',
    "huge": " " * (MAX_CONTENT_BYTES + 10) + "{}",
    "not_utf8": b"\xff\xfe{\x00",
    "empty": "",
    "fifo": None,
    "folder": None,
    "device_link": None,
}


def _plant(folder, case: str, name: str = "x.json") -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if case in ("fifo", "device_link") and not hasattr(os, "mkfifo"):
        pytest.skip("FIFOs and /dev/zero are POSIX only")
    if case == "fifo":
        os.mkfifo(path)
    elif case == "folder":
        path.mkdir()
    elif case == "device_link":
        path.symlink_to("/dev/zero")
    else:
        body = HOSTILE[case]
        assert body is not None
        path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    return name


@pytest.fixture(scope="module")
def shared_data(tmp_path_factory):
    paths = AppPaths(tmp_path_factory.mktemp("faults-content") / "data").ensure()
    ProfileService(paths, fast_kdf=True).create(PASSPHRASE, "Content")
    return paths


@pytest.fixture
def data(shared_data, monkeypatch):
    """The module's data folder, with empty organisation folders for each test."""
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    yield shared_data
    for folder in (shared_data.templates_dir, shared_data.instruments_dir):
        if folder.exists():
            for entry in folder.iterdir():
                if entry.is_dir() and not entry.is_symlink():
                    entry.rmdir()
                else:
                    entry.unlink()


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_bad_instrument_file_is_skipped_and_named(data, capsys, case):
    name = _plant(data.instruments_dir, case)
    code, out, err = run(["--data-dir", str(data.data_dir), "instruments"], capsys)
    assert code == 0
    assert "who5" in out
    if case != "folder":  # a folder is not a candidate file at all
        line = assert_one_clean_line(err)
        assert line.startswith(f"warning: skipped an imported file: {name}: "), line
    else:
        assert err == ""
    code, out, err = run(
        ["--data-dir", str(data.data_dir), "score", "who5", "--answers", "3,3,3,3,3"], capsys
    )
    assert code == 0 and "Traceback" not in err


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_bad_template_file_never_blocks_a_profile(data, capsys, case):
    _plant(data.templates_dir, case)
    code, _, err = run(["--data-dir", str(data.data_dir), "search", "anything"], capsys)
    assert code == 0, err
    assert "Traceback" not in err
    library = load_templates(asset_path("templates"), data.templates_dir)
    assert "quick" in library
    if case != "folder":
        (problem,) = library.problems
        assert problem.source == "x.json" and len(str(problem)) < 600


@pytest.mark.parametrize("case", sorted(set(HOSTILE) - {"folder"}))
def test_importing_a_bad_definition_is_refused_with_one_line(data, capsys, tmp_path, case):
    name = _plant(tmp_path / "incoming", case)
    before = (
        sorted(p.name for p in data.instruments_dir.glob("*"))
        if data.instruments_dir.exists()
        else []
    )
    code, _, err = run(
        [
            "--data-dir",
            str(data.data_dir),
            "instruments",
            "--import",
            str(tmp_path / "incoming" / name),
        ],
        capsys,
    )
    assert code == 2
    assert name in assert_one_clean_line(err)
    after = (
        sorted(p.name for p in data.instruments_dir.glob("*"))
        if data.instruments_dir.exists()
        else []
    )
    assert after == before


def test_a_toml_date_is_refused_not_written(data, capsys, tmp_path):
    source = tmp_path / "mine.toml"
    source.write_text(
        'id = "mine"\nname = "Mine"\nitems = 2\ntime_frame = "today"\nreleased = 2024-01-01\n'
        'citation = "Us"\nlicence = "Ours"\nattribution = "Us"\n'
        "[response_scale]\nmin = 0\nmax = 3\n"
        '[[subscales]]\nid = "all"\nitems = [1, 2]\n',
        encoding="utf-8",
    )
    code, _, err = run(
        ["--data-dir", str(data.data_dir), "instruments", "--import", str(source)], capsys
    )
    assert code == 2
    line = assert_one_clean_line(err)
    assert "mine.toml: released:" in line and "date" in line
    assert not list(data.instruments_dir.glob("*.json"))


def test_the_shipped_content_is_inside_every_limit():
    for folder in ("templates", "instruments", "resources", "checkin"):
        for path in asset_path(folder).glob("*.json"):
            load_content_file(path)


# --- generated documents ------------------------------------------------------------------

hostile_values = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1e308, -1e308, 1e-308, 0, -1, 10**6, 2**63, True, None, "", " "]),
    st.text(max_size=20),
    st.sampled_from(["\ud800", "a\udfffb", "x" * 5000]),
    st.integers(min_value=20, max_value=300).map(lambda n: [[]] * 1 if n < 0 else _nested(n)),
    st.lists(st.integers(-5, 50), max_size=5),
    st.dictionaries(st.text(max_size=5), st.integers(-5, 5), max_size=3),
)


def _nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value[:4]):
            yield from _paths(child, (*prefix, index))


def _replace(document, path, new):
    if not path:
        return new
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return document


def _mutated(base, picks, values):
    document = copy.deepcopy(base)
    for pick, value in zip(picks, values, strict=True):
        paths = list(_paths(document))
        document = _replace(document, paths[pick % len(paths)], value)
    return document


@settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    picks=st.lists(st.integers(min_value=0), min_size=1, max_size=3),
    values=st.lists(hostile_values, min_size=3, max_size=3),
)
def test_generated_instrument_files_load_and_score_finitely_or_fail_cleanly(
    tmp_path, picks, values
):
    document = _mutated(INSTRUMENT, picks, values[: len(picks)])
    path = tmp_path / "who5.json"
    path.write_text(json.dumps(document, ensure_ascii=True), encoding="utf-8")
    try:
        definition = load_definition(path)
    except ContentError as exc:
        assert exc.source == "who5.json" and len(str(exc)) < 600
        return
    for answer in (definition.scale.minimum, definition.scale.maximum):
        result = score(definition, [answer] * definition.item_count)
        for value in result.as_dict().get("subscales", []):
            assert math.isfinite(value["score"])
        json.dumps(result.as_dict(), allow_nan=False)


@settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    picks=st.lists(st.integers(min_value=0), min_size=1, max_size=3),
    values=st.lists(hostile_values, min_size=3, max_size=3),
)
def test_generated_template_files_load_or_fail_cleanly(tmp_path, picks, values):
    document = _mutated(TEMPLATE, picks, values[: len(picks)])
    path = tmp_path / "quick.json"
    path.write_text(json.dumps(document, ensure_ascii=True), encoding="utf-8")
    try:
        template = load_template_file(path, builtin=False)
    except ContentError as exc:
        assert exc.source == "quick.json" and len(str(exc)) < 600
        return
    for field in template.fields():
        field.label.encode("utf-8")  # what the screen and the Markdown export will do
