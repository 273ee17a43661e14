"""Publishing a 50,000-ballot ranked poll, the random rewrite included, on SQLite and
PostgreSQL.

Each run makes a fresh database with 50,000 voters, opens an instant-runoff poll over five
options, writes 50,000 voter records and ballots straight into the tables (casting them one
by one is poll_casting.py's subject), moves the closing time into the past and times the
queue's closing job step by step: recording the closing (the poll row locked), rewriting
both tables in random order with the storage scrubbed (VACUUM FULL on PostgreSQL, a WAL
checkpoint on SQLite), then the canonical ballot list, its SHA-256, the count and its
explanation in three languages, stored and audited.

Run: .venv/bin/python benchmarks/poll_publish.py [--ballots 50000] [--kinds sqlite postgresql]
Target: under 5 s in all.
"""

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from benchmarks import polls_setup  # noqa: E402
from benchmarks.load import print_table  # noqa: E402
from consult.core.models import utcnow  # noqa: E402
from consult.extensions import db  # noqa: E402
from consult.polls import closing  # noqa: E402
from consult.polls.models import (  # noqa: E402
    Poll,
    PollBallot,
    PollElectorate,
    PollResult,
    PollVoter,
    random_id,
)
from consult.polls.paper import paper_ticks  # noqa: E402
from consult.polls.receipts import new_receipt  # noqa: E402

PROFILES = [((0, 1, 3), 30), ((2, 0), 22), ((1, 0, 2), 20), ((3, 1, 2), 15), ((4, 3), 8), ((4,), 5)]


def fill(poll, count):
    """``count`` voter records and ballots, written directly."""
    rng = random.Random(50)
    names = poll.option_names()
    residents = db.session.scalars(
        select(PollElectorate.resident_id).where(PollElectorate.poll_id == poll.id).limit(count)
    ).all()
    db.session.execute(
        insert(PollVoter),
        [{"id": random_id(), "poll_id": poll.id, "resident_id": r, "channel": "online"}
         for r in residents],
    )  # fmt: skip
    profiles, weights = zip(*PROFILES, strict=True)
    receipts = set()
    while len(receipts) < len(residents):
        receipts.add(new_receipt())
    ballots = []
    for receipt in receipts:
        ranking = [names[i] for i in rng.choices(profiles, weights)[0]]
        choices = json.dumps({"ranking": ranking}, ensure_ascii=False, separators=(",", ":"))
        ballots.append(
            {"id": random_id(), "poll_id": poll.id, "receipt": receipt, "choices": choices}
        )
    db.session.execute(insert(PollBallot), ballots)
    poll.closes_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    return len(residents)


def run(kind, count):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with polls_setup.database(kind, folder) as url:
            app = polls_setup.make_app(url, folder)
            polls_setup.migrate(app)
            with app.app_context():
                committee = polls_setup.register_voters(count)
                poll = polls_setup.open_poll(committee)
                filled = fill(poll, count)
                poll_id = poll.id
                db.session.remove()
                steps = {}
                start = time.perf_counter()
                closing.record_closing(poll_id)
                steps["close"] = time.perf_counter() - start
                closing.rewrite_in_random_order(poll_id)
                steps["rewrite"] = time.perf_counter() - start - steps["close"]
                poll = db.session.get(Poll, poll_id)
                closing.record_ballot_list(poll_id, publish_now=paper_ticks(poll) == 0)
                total = time.perf_counter() - start
                steps["count"] = total - steps["close"] - steps["rewrite"]
                stored = db.session.get(PollResult, poll_id)
                assert stored is not None and stored.ballots == filled, "not published"
                winners = stored.result["winners"]
                rounds = len(stored.result["rounds"])
                db.session.remove()
                db.engine.dispose()
    return {"kind": kind, "ballots": filled, "total": total, "winners": winners,
            "rounds": rounds, **steps}  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=50_000)
    parser.add_argument("--kinds", nargs="+", default=["sqlite", "postgresql"])
    args = parser.parse_args()
    rows = []
    for kind in args.kinds:
        r = run(kind, args.ballots)
        rows.append((kind, r["ballots"], f"{r['close']:.2f} s", f"{r['rewrite']:.2f} s",
                     f"{r['count']:.2f} s", f"{r['total']:.2f} s", r["rounds"],
                     "ok" if r["total"] < 5 else "FAIL"))  # fmt: skip
    print_table(
        f"Publishing a {args.ballots}-ballot ranked (IRV) poll. Target: under 5 s in all.",
        rows,
        (
            "database",
            "ballots",
            "closing",
            "rewrite + scrub",
            "list, hash, count, store",
            "total",
            "rounds",
            "verdict",
        ),  # fmt: skip
    )


if __name__ == "__main__":
    main()
