from __future__ import annotations

import json

import pytest

from reflect.cli import main


@pytest.mark.parametrize("country", ["CA", "US"])
def test_help_lines_json_starts_with_911_then_988(capsys, country):
    assert main(["help-lines", "--country", country, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["country"] == country
    assert data["lines"][0]["channels"][0]["value"] == "911"
    assert "988" in [c["value"] for c in data["lines"][1]["channels"]]
    assert data["last_verified"] and "emergency services" in data["disclosure"]


def test_help_lines_text(capsys):
    assert main(["help-lines"]) == 0
    out = capsys.readouterr().out
    assert out.index("Call 911") < out.index("Call 988") < out.index("1-833-900-1010")
