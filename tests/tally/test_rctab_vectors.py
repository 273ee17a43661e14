"""Every RCTab case in shared/data/rctab/_vectors is reproduced exactly.

Numbers are compared as the exact strings the vectors hold: RCTab writes a ``BigDecimal`` with
its scale (``"6"`` for whole ballots, ``"6.0000"`` once a fractional ballot value touched the
sum) and the vectors leave out inactive buckets that are zero; the engine does the same.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from consult.tally import TallyError, count
from consult.tally.rctab import load_csv_case, load_vector, vector_to_native


def vectors_dir() -> Path:
    override = os.environ.get("CONSULT_RCTAB_VECTORS")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2].parent / "shared" / "data" / "rctab" / "_vectors"


def rctab_dir() -> Path:
    return vectors_dir().resolve().parent


VECTORS = sorted(vectors_dir().glob("*.json"))


def test_the_vectors_are_there():
    names = {p.stem for p in VECTORS}
    assert len(VECTORS) >= 20, f"RCTab vectors not found in {vectors_dir()}"
    assert {"2013_minneapolis_mayor", "test_set_multi_winner_fractional_threshold"} <= names


@pytest.mark.parametrize("path", VECTORS, ids=[p.stem for p in VECTORS])
def test_vector_is_reproduced_exactly(path: Path):
    vector = json.loads(path.read_text(encoding="utf-8"))
    result = count(load_vector(path))
    out = result.to_dict()
    assert out["winners"] == vector["winners"]
    assert len(out["rounds"]) == len(vector["expected_rounds"])
    for got, expected in zip(out["rounds"], vector["expected_rounds"], strict=True):
        where = f"round {expected['round']}"
        assert got["round"] == expected["round"]
        assert got["threshold"] == expected["threshold"], where
        assert got["tally"] == expected["tally"], where
        assert got["inactive"] == expected["inactive"], where
        assert got["decisions"] == expected["decisions"], where


@pytest.mark.parametrize("path", VECTORS, ids=[p.stem for p in VECTORS])
def test_active_plus_inactive_is_all_ballots(path: Path):
    result = count(load_vector(path), explain=False)
    total = len(json.loads(path.read_text(encoding="utf-8"))["ballots"])
    assert result.total_ballots == total
    for rnd in result.rounds:
        residual = rnd.residual_surplus or 0
        assert rnd.active() + rnd.inactive_total() + residual == total, rnd.number


def test_residual_and_final_round_surplus_are_reported():
    path = vectors_dir() / "test_set_multi_winner_fractional_threshold.json"
    rounds = count(load_vector(path)).to_dict()["rounds"]
    # RCTab's report: residual surplus 0.0003 from round 3 on, 0.0008 in the last round.
    assert [r["residualSurplus"] for r in rounds] == [
        "0",
        "0",
        "0.0003",
        "0.0003",
        "0.0003",
        "0.0008",
    ]
    assert rounds[-1]["inactive"]["finalRoundSurplus"] == "5.8741"
    assert rounds[1]["transfers"]["Candidate C Name"] == {
        "Candidate E Name": "0.6559",
        "Candidate F Name": "0.0937",
        "residualSurplus": "0.0003",
    }


def test_portland_lists_the_write_in_label_from_its_config():
    path = vectors_dir() / "2015_portland_mayor.json"
    first = count(load_vector(path)).to_dict()["rounds"][0]
    assert first["tally"]["Undeclared Write-ins"] == "0"
    assert first["decisions"] == [
        ["eliminated", "Undeclared Write-ins"],
        ["eliminated", "Strimling, Ethan K."],
    ]
    assert [d["reason"] for d in first["details"]] == ["batch", "batch"]


def test_max_ranking_enforcement_is_rejected():
    case = load_csv_case(
        rctab_dir() / "max_ranking_enforcement" / "max_ranking_enforcement_config.json"
    )
    with pytest.raises(TallyError, match=r"^ballot 1: ranking has 4 choices, the maximum is 3$"):
        count(vector_to_native(case))


def test_generic_csv_case_matches_its_vector():
    case = load_csv_case(rctab_dir() / "generic_csv_test" / "generic_csv_test_config.json")
    from_csv = count(vector_to_native(case, write_in_label=True)).to_dict()
    from_vector = count(load_vector(vectors_dir() / "generic_csv_test.json")).to_dict()
    assert from_csv["rounds"] == from_vector["rounds"]
    assert from_csv["winners"] == ["Cucumber"]


def test_tie_broken_by_candidate_order_is_logged():
    path = vectors_dir() / "tiebreak_use_permutation_in_config_test.json"
    rounds = count(load_vector(path)).to_dict()["rounds"]
    tie = rounds[1]["ties"][0]
    assert tie["method"] == "candidate_order"
    assert tie["selected"] == "George Gervin"
    assert sorted(tie["tied"]) == ["George Gervin", "Yinka Dare"]
    final = rounds[2]["ties"][0]
    assert (final["kind"], final["selected"]) == ("election", "Mookie Blaylock")
    assert "order of candidates" in rounds[2]["explanation"]["en"]
