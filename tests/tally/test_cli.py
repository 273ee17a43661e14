"""``python -m consult.tally``: the recount contract other tools rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from consult.tally.rctab import load_csv_case

REPO = Path(__file__).resolve().parents[2]
VECTORS = Path(
    os.environ.get("CONSULT_RCTAB_VECTORS")
    or REPO.parent / "shared" / "data" / "rctab" / "_vectors"
)

NATIVE = {
    "method": "irv",
    "seats": 1,
    "candidates": ["A", "B", "C"],
    "options": {"overvoteRule": "alwaysSkipToNextRank"},
    "ballots": [
        {"ranking": ["A", "B", "C"], "count": 4},
        {"ranking": ["B", "C"], "count": 3},
        {"ranking": ["C", "B"], "count": 2},
        {"ranking": [["A", "B"], [], "C"]},
    ],
}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "consult.tally", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )


def test_native_file_prints_the_json_contract(tmp_path):
    path = tmp_path / "poll.json"
    path.write_text(json.dumps(NATIVE), encoding="utf-8")
    done = run(str(path))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["method"] == "irv" and out["winners"] == ["B"]
    first = out["rounds"][0]
    assert first == first | {
        "round": 1,
        "threshold": "6",
        "tally": {"A": "4", "B": "3", "C": "3"},
        "decisions": [["eliminated", "C"]],
    }
    assert set(first["explanation"]) == {"en", "zh_Hans", "zh_Hant"}
    assert out["rounds"][1]["tally"] == {"A": "4", "B": "5"}
    assert out["rounds"][1]["inactive"] == {"exhaustedChoices": "1"}


def test_standard_input_and_the_same_result(tmp_path):
    done = run("-", stdin=json.dumps(NATIVE))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["winners"] == ["B"]


def test_rctab_vector_is_recounted():
    done = run(str(VECTORS / "test_set_multi_winner_fractional_threshold.json"))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    vector = json.loads(
        (VECTORS / "test_set_multi_winner_fractional_threshold.json").read_text(encoding="utf-8")
    )
    assert out["winners"] == vector["winners"]
    assert [r["tally"] for r in out["rounds"]] == [r["tally"] for r in vector["expected_rounds"]]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Round 2", "eliminated: C", "Winners: B"]),
        ("zh_Hans", ["第 2 轮次", "淘汰: C", "当选: B", "票数相同"]),
        ("zh_Hant", ["第 2 輪次", "淘汰: C", "當選: B", "票數相同"]),
    ],
)
def test_explain_prints_a_table(lang, words):
    done = run("-", "--explain", lang, stdin=json.dumps(NATIVE))
    assert done.returncode == 0, done.stderr
    for word in words:
        assert word in done.stdout
    assert not done.stdout.lstrip().startswith("{")


def bad(payload) -> str:
    return payload if isinstance(payload, str) else json.dumps(payload)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ('{"method": "irv", "candidates": ["A"', "error: malformed JSON at line 1"),
        ({"method": "dice", "candidates": ["A"], "ballots": []}, "error: unknown method 'dice'"),
        (
            {
                "method": "irv",
                "candidates": ["A", "B"],
                "ballots": [{"ranking": ["A"]}, {"ranking": ["B"]}, {"ranking": ["Q"]}],
            },
            "error: ballot 3: unknown candidate 'Q'",
        ),
        (
            {
                "method": "irv",
                "candidates": [f"C{i}" for i in range(11)],
                "options": {"maxRankingsAllowed": 10},
                "ballots": [{"ranking": ["C0"]}] * 16 + [{"ranking": [f"C{i}" for i in range(11)]}],
            },
            "error: ballot 17: ranking has 11 choices, the maximum is 10",
        ),
        (
            {
                "method": "plurality",
                "candidates": ["A"],
                "ballots": [{"marks": ["A"], "count": -1}],
            },
            "error: ballot 1: 'count' must be a whole number of at least 0",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line(payload, message):
    done = run("-", stdin=bad(payload))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith(message)


def test_max_ranking_enforcement_case_is_rejected(tmp_path):
    case = load_csv_case(
        VECTORS.resolve().parent / "max_ranking_enforcement" / "max_ranking_enforcement_config.json"
    )
    path = tmp_path / "max_ranking_enforcement.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    done = run(str(path))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "error: ballot 1: ranking has 4 choices, the maximum is 3\n"


def test_missing_file_and_bad_language():
    done = run("/nonexistent/election.json")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("error: cannot read /nonexistent/election.json")
    done = run("-", "--explain", "fr", stdin=json.dumps(NATIVE))
    assert done.returncode == 2 and done.stdout == ""
