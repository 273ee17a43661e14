"""How fast consult.tally counts, and how it compares with pyrankvote on the same ballots.

Run from the repository root:  python benchmarks/tally.py [--ballots N]

* The 2013 Minneapolis mayor RCTab vector (80,101 ballots, 35 candidates, 33 rounds), timed from
  reading the JSON file to the explained result, and checked against RCTab's winner.
* One million synthetic ranked ballots (8 candidates, seeded, most voters ranking 1 to 3),
  loaded from JSON in the native form (``{"ranking": [...]}`` per ballot), counted by IRV and
  by 3-seat STV. Timed after loading, in two steps: "group" turns the loaded ballots into the
  engine's input (for us: checked and grouped into distinct ballots; for pyrankvote: its
  ``Ballot`` objects), "count" counts that input (for us with the three-language
  explanations). The ratios compare the count step alone and the two steps together.
* The same million ballots as a published ballot list, each with a ``receipt`` code, counted
  by IRV: receipts are ignored and must keep the fast grouping (compare its group time with the
  IRV row's) and give the same result.
* pyrankvote (a development-only dependency) counts the same ballots in the same run: the whole
  million when a 100,000-ballot trial says that takes under ``--pyrankvote-budget`` seconds
  (default 180), else a 100,000-ballot sample, and the table says which.

Every step is run three times and the best time is kept (``--repeat``), with the cyclic garbage
collector paused during each run, for both libraries alike: this machine is shared, and the
best of a few runs is the least disturbed one.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from consult.tally import count  # noqa: E402
from consult.tally.inputs import parse  # noqa: E402
from consult.tally.rctab import load_vector  # noqa: E402

CANDIDATES = [f"Candidate {c}" for c in "ABCDEFGH"]
WEIGHTS = [30, 24, 18, 12, 7, 4, 3, 2]
LENGTHS = [(1, 30), (2, 30), (3, 25), (4, 6), (5, 4), (6, 2), (7, 2), (8, 1)]


def vectors_dir() -> Path:
    override = os.environ.get("CONSULT_RCTAB_VECTORS")
    return Path(override) if override else REPO.parent / "shared" / "data" / "rctab" / "_vectors"


def synthetic(n: int, seed: int = 20131105) -> list[dict]:
    """``n`` seeded native ballots: weighted first choices, most voters ranking 1 to 3."""
    rng = random.Random(seed)
    lengths = rng.choices([k for k, _ in LENGTHS], [w for _, w in LENGTHS], k=n)
    out = []
    for length in lengths:
        pool = list(range(8))
        weights = list(WEIGHTS)
        ranking = []
        for _ in range(length):
            pick = rng.choices(range(len(pool)), weights)[0]
            ranking.append(CANDIDATES[pool.pop(pick)])
            weights.pop(pick)
        out.append({"ranking": ranking})
    return json.loads(json.dumps(out))


REPEAT = 3


def timed(fn, repeat: int | None = None):
    """(value, best time of ``repeat`` runs), the collector paused during each run."""
    best = None
    for _ in range(repeat or REPEAT):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            value = fn()
            seconds = time.perf_counter() - start
        finally:
            gc.enable()
        best = seconds if best is None else min(best, seconds)
    return value, best


def ours(ballots, method, seats):
    """(winners, rounds, group seconds, count seconds, distinct ballots)."""
    data = {"method": method, "seats": seats, "candidates": CANDIDATES, "ballots": ballots}
    election, group = timed(lambda: parse(data))
    result, seconds = timed(lambda: count(election))
    return result.winners, len(result.rounds), group, seconds, len(election.ballots)


def theirs(ballots, seats):
    """(winners, load seconds, count seconds) for pyrankvote."""
    import pyrankvote

    cands = {name: pyrankvote.Candidate(name) for name in CANDIDATES}

    def load():
        return [
            pyrankvote.Ballot(ranked_candidates=[cands[n] for n in b["ranking"]]) for b in ballots
        ]

    loaded, load_seconds = timed(load)
    people = list(cands.values())
    if seats == 1:
        result, seconds = timed(lambda: pyrankvote.instant_runoff_voting(people, loaded))
    else:
        result, seconds = timed(
            lambda: pyrankvote.single_transferable_vote(people, loaded, number_of_seats=seats)
        )
    return [c.name for c in result.get_winners()], load_seconds, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description="Time consult.tally against pyrankvote.")
    parser.add_argument("--ballots", type=int, default=1_000_000)
    parser.add_argument("--pyrankvote-budget", type=float, default=180.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    global REPEAT
    REPEAT = max(1, args.repeat)
    rows = []

    path = vectors_dir() / "2013_minneapolis_mayor.json"
    expected = json.loads(path.read_text(encoding="utf-8"))["winners"]
    result, seconds = timed(lambda: count(load_vector(path)))
    assert result.winners == expected, result.winners
    rows.append(
        (
            "2013 Minneapolis mayor, from the JSON file",
            "80,101",
            str(len(result.rounds)),
            "-",
            f"{seconds:.3f}",
            "-",
            "-",
            "-",
            "-",
            "all 33 rounds and the winner match RCTab",
        )
    )

    rankings, made = timed(lambda: synthetic(args.ballots), repeat=1)
    print(f"made {len(rankings):,} synthetic ballots in {made:.1f} s", file=sys.stderr)
    sample = rankings[: min(100_000, len(rankings))]
    for method, seats, label in (("irv", 1, "IRV"), ("stv", 3, "STV, 3 seats")):
        winners, rounds, group, seconds, distinct = ours(rankings, method, seats)
        their_winners, their_load, their_count = theirs(sample, seats)
        estimate = REPEAT * (their_load + their_count) * len(rankings) / len(sample)
        if len(sample) < len(rankings) and estimate <= args.pyrankvote_budget:
            their_winners, their_load, their_count = theirs(rankings, seats)
            n_theirs = len(rankings)
        else:
            n_theirs = len(sample)
        if n_theirs == len(rankings):
            base_group, base_count, same = group, seconds, winners
            note = f"pyrankvote on the same {n_theirs:,}"
        else:
            same, _, base_group, base_count, _ = ours(sample, method, seats)
            note = f"pyrankvote on the first {n_theirs:,} only; ratios against ours on those"
        agree = "same winners" if sorted(same) == sorted(their_winners) else "winners differ"
        rows.append(
            (
                f"synthetic, {label}",
                f"{len(rankings):,}",
                str(rounds),
                f"{group:.3f}",
                f"{seconds:.3f}",
                f"{their_load:.3f}",
                f"{their_count:.3f}",
                f"{their_count / base_count:.1f}x",
                f"{(their_load + their_count) / (base_group + base_count):.1f}x",
                f"{note}; {agree}; {distinct:,} distinct ballots",
            )
        )

    receipted = [dict(b, receipt=f"{i * 7919 % 1_000_003:07d}") for i, b in enumerate(rankings)]
    winners, rounds, group, seconds, distinct = ours(receipted, "irv", 1)
    plain = count({"method": "irv", "candidates": CANDIDATES, "ballots": rankings})
    same = "same result as without" if winners == plain.winners else "RESULT DIFFERS"
    rows.append(
        (
            "synthetic, IRV, every ballot with a receipt",
            f"{len(receipted):,}",
            str(rounds),
            f"{group:.3f}",
            f"{seconds:.3f}",
            "-",
            "-",
            "-",
            "-",
            f"{same}; {distinct:,} distinct ballots",
        )
    )

    header = (
        "case",
        "ballots",
        "rounds",
        "ours group s",
        "ours count s",
        "pyrankvote load s",
        "pyrankvote count s",
        "ratio count",
        "ratio group+count",
        "note",
    )
    table = [header, *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for i, row in enumerate(table):
        print("| " + " | ".join(cell.ljust(widths[j]) for j, cell in enumerate(row)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return 0


if __name__ == "__main__":
    sys.exit(main())
