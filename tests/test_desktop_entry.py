"""Per-user desktop integration: files land under $XDG_DATA_HOME and leave again."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reflect import __version__, desktop_entry
from reflect.cli import main
from reflect.desktop_entry import APP_ID
from reflect.resources import asset_path


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_install_writes_entry_icons_and_metainfo_under_xdg_data_home(data_home, capsys):
    assert main(["--install-desktop-entry"]) == 0
    written = desktop_entry.installed_files()
    assert all(path.is_file() for path in written)
    assert all(data_home in path.parents for path in written)
    entry = _entry(data_home / "applications" / f"{APP_ID}.desktop")
    assert entry["Icon"] == APP_ID
    assert entry["Type"] == "Application"
    launcher = entry["Exec"].split(" ")[0]
    assert Path(launcher).is_absolute() and Path(launcher).exists()
    png = data_home / "icons/hicolor/48x48/apps" / f"{APP_ID}.png"
    assert png.read_bytes() == asset_path("icons", "reflect-48.png").read_bytes()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert str(data_home / "applications") in capsys.readouterr().out


def test_install_remembers_the_data_folder(data_home, tmp_path):
    folder = tmp_path / "my data"
    assert main(["--data-dir", str(folder), "--install-desktop-entry"]) == 0
    entry = _entry(data_home / "applications" / f"{APP_ID}.desktop")
    assert entry["Exec"].endswith(f'--data-dir "{folder.resolve()}"')


def test_uninstall_removes_exactly_what_install_wrote(data_home, capsys):
    (data_home / "applications").mkdir(parents=True)
    other = data_home / "applications" / "someone-else.desktop"
    other.write_text("[Desktop Entry]\n")
    main(["--install-desktop-entry"])
    assert main(["--uninstall-desktop-entry"]) == 0
    assert not any(path.exists() for path in desktop_entry.installed_files())
    assert other.exists()
    capsys.readouterr()
    assert main(["--uninstall-desktop-entry"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


def test_a_relative_xdg_data_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop_entry.xdg_data_home() == tmp_path / ".local" / "share"


def test_the_two_flags_take_no_command(data_home):
    with pytest.raises(SystemExit) as exit_info:
        main(["--install-desktop-entry", "help-lines"])
    assert exit_info.value.code == 2
    assert not (data_home / "applications").exists()


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        ("/usr/bin/reflect", "/usr/bin/reflect"),
        ("/home/a b/reflect", '"/home/a b/reflect"'),
        ('/tmp/say "hi"', '"/tmp/say \\\\"hi\\\\""'),
        ("/tmp/$HOME", '"/tmp/\\\\$HOME"'),
        ("/tmp/100%", "/tmp/100%%"),
    ],
)
def test_exec_arguments_are_quoted_per_the_specification(argument, expected):
    assert desktop_entry._exec_argument(argument) == expected


def test_metainfo_names_the_current_release():
    text = asset_path("desktop", f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    releases = re.findall(r'<release version="([^"]+)"', text)
    assert releases and releases[0] == __version__, "add a <release> for the new version"


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_metainfo_passes_appstream_validation():
    path = asset_path("desktop", f"{APP_ID}.metainfo.xml")
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--explain", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
