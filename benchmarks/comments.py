"""Comments at scale: a proposal with 2,000 comments in nested threads on SQLite.

For the proposal page (signed out in English, Simplified and Traditional Chinese; signed in
as a resident, with the buttons), and the thread's API, prints the median time of 20
requests through the test client and the number of SQL queries, each rendered afresh
(process cache emptied before every request) and from the cache; then the median time of
posting a comment (the confirming POST: written, counted, audited, answered author told).

Run: .venv/bin/python benchmarks/comments.py [--comments 2000]
Target: the page under 200 ms afresh with the same queries as a page with 10 comments;
posting under 30 ms.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event  # noqa: E402

from benchmarks.comments_data import PASSWORD, discussion, open_proposal, residents  # noqa: E402
from benchmarks.load import print_table  # noqa: E402

REPEAT = 20


def measure(app, client, path, fresh, headers=None):
    from consult.core.cache import clear_process_cache
    from consult.extensions import db

    with app.app_context():
        engine = db.engine
    seen, times, counts = [], [], []

    def count(*args):
        seen.append(1)

    event.listen(engine, "before_cursor_execute", count)
    try:
        for _ in range(REPEAT):
            if fresh:
                clear_process_cache()
            seen.clear()
            start = time.perf_counter()
            response = client.get(path, headers=headers or {})
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (path, response.status_code)
            counts.append(len(seen))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return statistics.median(times), max(counts)


def signed_in_client(app, email):
    client = app.test_client()
    app.config["WTF_CSRF_ENABLED"] = False
    client.post("/account/sign-in", data={"email": email, "password": PASSWORD})
    return client


def posting(app, client, proposal_id, count=30):
    """Median ms of the confirming POST of a comment, alternately a reply."""
    times = []
    for n in range(count):
        data = {"body": f"第{n}条：我同意**夜间开放**。", "language": "zh-Hans", "step": "confirm"}
        path = f"/comments/proposal/{proposal_id}/new"
        if n % 2:
            path = f"/comments/{n}/reply"  # the author of comment n is told
        start = time.perf_counter()
        response = client.post(path, data=data)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 302, (path, response.status_code)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=2000)
    args = parser.parse_args()
    from benchmarks.proposals_data import migrated_app

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        app = migrated_app(f"sqlite:///{folder / 'comments.sqlite3'}")
        app.config.update(QUEUE_PATH=str(folder / "queue.sqlite3"), MAIL_OUTBOX=str(folder / "outbox"))  # fmt: skip
        started = time.perf_counter()
        residents(app, 12)
        small, big = open_proposal(app, "停车位少"), open_proposal(app, "小区停车位不足怎么办")
        discussion(app, small, 10)
        made = discussion(app, big, args.comments)
        built = time.perf_counter() - started
        reader = app.test_client()
        resident = signed_in_client(app, "r3@example.org")
        english, simplified = {"Accept-Language": "en"}, {"Accept-Language": "zh-CN"}
        traditional = {"Accept-Language": "zh-TW"}
        pages = [
            (f"/proposals/{small} (10 comments)", reader, f"/proposals/{small}", english),
            ("… 2,000 comments, English", reader, f"/proposals/{big}", english),
            ("… Simplified Chinese", reader, f"/proposals/{big}", simplified),
            ("… Traditional Chinese", reader, f"/proposals/{big}", traditional),
            ("… most liked first", reader, f"/proposals/{big}?comments=liked", english),
            ("… signed in (buttons)", resident, f"/proposals/{big}", english),
            ("API: the thread, first 50", reader, f"/api/v1/proposals/{big}/comments", english),
            ("API: 200 a page", reader, f"/api/v1/proposals/{big}/comments?per_page=200", english),
        ]
        rows = []
        for label, client, path, headers in pages:
            fresh_ms, fresh_queries = measure(app, client, path, True, headers)
            cached_ms, cached_queries = measure(app, client, path, False, headers)
            verdict = "ok" if fresh_ms < 200 else "over 200 ms"
            rows.append((label, f"{fresh_ms:.1f} ms", fresh_queries, f"{cached_ms:.1f} ms",
                         cached_queries, verdict))  # fmt: skip
        post_ms = posting(app, resident, big)
        rows.append(("POST a comment (resident)", f"{post_ms:.1f} ms", "-", "-", "-",
                     "ok" if post_ms < 30 else "over 30 ms"))  # fmt: skip
    print_table(
        f"Comments on SQLite: {made['comments']} comments ({made['translations']} translated, "
        f"replies up to {made['deepest']} deep; built in {built:.1f} s); median of {REPEAT} "
        "requests. Target: < 200 ms afresh with as many queries as with 10; posting < 30 ms.",
        rows,
        ("page", "afresh", "queries", "cached", "queries", "verdict"),
    )


if __name__ == "__main__":
    main()
