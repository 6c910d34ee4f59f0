"""`reflect score` and `reflect instruments`: JSON out, no profile needed, clear errors."""

from __future__ import annotations

import json

from reflect.cli import main
from reflect.resources import asset_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_score_prints_subscales_and_bands_as_json_without_a_profile(capsys, tmp_path):
    answers = ",".join(["3"] * 30)
    code, out, _ = run(
        capsys, "score", "proqol5", "--answers", answers, "--data-dir", str(tmp_path)
    )
    assert code == 0
    data = json.loads(out)
    assert data["instrument"] == "proqol5"
    assert [(s["id"], s["score"], s["band"]) for s in data["subscales"]] == [
        ("compassion_satisfaction", 30, "moderate"),
        ("burnout", 30, "moderate"),
        ("secondary_traumatic_stress", 30, "moderate"),
    ]
    assert data["caveats"] and "Stamm" in data["citation"]
    assert not (tmp_path / "profiles").exists()  # nothing was created


def test_score_accepts_run_together_digits_and_reports_mistakes(capsys, tmp_path):
    code, out, _ = run(capsys, "score", "WHO5", "--answers", "55555", "--data-dir", str(tmp_path))
    assert code == 0 and json.loads(out)["subscales"][0]["score"] == 100
    code, _, err = run(capsys, "score", "who5", "--answers", "5,5", "--data-dir", str(tmp_path))
    assert code == 2 and "5 items; 2 answers" in err
    code, _, err = run(capsys, "score", "maslach", "--answers", "1", "--data-dir", str(tmp_path))
    assert code == 2 and "Known instruments: cbi, proqol5, stss, who5" in err


def test_score_with_a_definition_file(capsys, tmp_path):
    path = tmp_path / "mine.json"
    data = json.loads(asset_path("instruments", "who5.json").read_text(encoding="utf-8"))
    data["id"] = "mine"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(capsys, "score", "mine", "--answers", "1 1 1 1 1", "--definition", str(path))
    assert code == 0 and json.loads(out)["subscales"][0]["band"] == "very_low"


def test_score_save_stores_the_result_in_the_profile(capsys, paths, profile, monkeypatch):
    from tests.conftest import PASSPHRASE

    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    code, out, _ = run(
        capsys, "score", "who5", "--answers", "33333", "--save", "--data-dir", str(paths.data_dir)
    )
    assert code == 0 and json.loads(out)["saved_id"] == 1


def test_instruments_lists_shipped_definitions(capsys, tmp_path):
    code, out, _ = run(capsys, "instruments", "--data-dir", str(tmp_path))
    assert code == 0
    assert "proqol5" in out and "ProQOL 5" in out and "shipped" in out
    code, out, _ = run(capsys, "instruments", "--json", "--data-dir", str(tmp_path))
    rows = json.loads(out)
    assert [r["id"] for r in rows] == ["cbi", "proqol5", "stss", "who5"]
    proqol = rows[1]
    assert proqol["items"] == 30 and proqol["scale"] == [1, 5] and proqol["source"] == "shipped"
    assert proqol["subscales"][1]["range"] == [10, 50]


def test_instruments_import(capsys, tmp_path):
    path = tmp_path / "org.json"
    data = json.loads(asset_path("instruments", "who5.json").read_text(encoding="utf-8"))
    data["item_text"] = [f"Own words {n}" for n in range(5)]
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(
        capsys, "instruments", "--json", "--import", str(path), "--data-dir", str(tmp_path / "d")
    )
    assert code == 0 and "Imported WHO-5" in err
    who5 = [r for r in json.loads(out) if r["id"] == "who5"][0]
    assert who5["source"] == "imported" and who5["item_text"] is True


def test_top_level_data_dir_is_honoured(capsys, tmp_path):
    path = tmp_path / "org.json"
    data = json.loads(asset_path("instruments", "who5.json").read_text(encoding="utf-8"))
    data["id"] = "orgwho"
    path.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "data"
    code, out, _ = run(capsys, "--data-dir", str(target), "instruments", "--import", str(path))
    assert code == 0 and "orgwho" in out
    assert (target / "instruments" / "orgwho.json").exists()
    assert oct((target).stat().st_mode & 0o777) == oct(0o700)


def test_score_adds_a_support_object_only_when_a_result_needs_it(capsys, tmp_path):
    code, out, _ = run(capsys, "score", "stss", "--answers", "5" * 17, "--data-dir", str(tmp_path))
    data = json.loads(out)
    assert code == 0 and data["subscales"][0]["band"]  # existing fields unchanged
    support = data["support"]
    assert support["reasons"] == ["notice_band"] and "total" in support["subscales"]
    assert support["help_lines_command"] == "reflect help-lines"
    assert all(support[key] for key in ("messages", "coping", "plan", "help_lines"))
    assert "diagnosis" in support["messages"][0]
    code, out, _ = run(capsys, "score", "stss", "--answers", "1" * 17, "--data-dir", str(tmp_path))
    assert "support" not in json.loads(out)


def test_a_who5_answer_of_0_or_1_asks_for_a_closer_look(capsys, tmp_path):
    code, out, _ = run(capsys, "score", "who5", "--answers", "55505", "--data-dir", str(tmp_path))
    support = json.loads(out)["support"]
    assert support["reasons"] == ["low_single_answer"] and support["low_items"] == [4]
    code, out, _ = run(capsys, "score", "who5", "--answers", "55525", "--data-dir", str(tmp_path))
    assert "support" not in json.loads(out)
