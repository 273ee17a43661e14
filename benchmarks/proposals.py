"""Proposals at scale: 10,000 proposals with their translations on SQLite.

For the listing (first page, last page, filtered and sorted), a proposal page (in the reader's
language and side by side) and the API, prints the median time of 30 requests through the
test client and the number of SQL queries, each rendered afresh (process cache emptied before
every request) and from the cache. Also the translation desk's queue (translator signed in).

Run: .venv/bin/python benchmarks/proposals.py [--proposals 10000]
Target: every page under 50 ms rendered afresh, with a constant number of queries.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event  # noqa: E402

from benchmarks.load import print_table  # noqa: E402
from benchmarks.proposals_data import PASSWORD, build, migrated_app  # noqa: E402

REPEAT = 30


def measure(app, client, path, fresh, headers):
    from consult.core.cache import clear_process_cache
    from consult.extensions import db

    counts, times, seen = [], [], []
    with app.app_context():
        engine = db.engine

    def count(*args):
        seen.append(1)

    event.listen(engine, "before_cursor_execute", count)
    try:
        for _ in range(REPEAT):
            if fresh:
                clear_process_cache()
            seen.clear()
            start = time.perf_counter()
            response = client.get(path, headers=headers)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (path, response.status_code)
            counts.append(len(seen))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return statistics.median(times), max(counts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proposals", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'proposals.sqlite3'}"
        app = migrated_app(url)
        started = time.perf_counter()
        made = build(app, args.proposals)
        built = time.perf_counter() - started
        client = app.test_client()
        english = {"Accept-Language": "en"}
        last = (args.proposals + 19) // 20
        pages = [
            ("/proposals", english),
            (f"/proposals?page={last}", english),
            ("/proposals?state=answered&sort=supported", english),
            ("/proposals?language=en&category=2&page=3", {"Accept-Language": "zh-CN"}),
            (f"/proposals/{made['answered']}", english),
            (f"/proposals/{made['answered']}?show=both", {"Accept-Language": "zh-TW"}),
            ("/api/v1/proposals", english),
            (f"/api/v1/proposals/{made['answered']}", english),
        ]
        rows = []
        for path, headers in pages:
            fresh_ms, fresh_queries = measure(app, client, path, True, headers)
            cached_ms, cached_queries = measure(app, client, path, False, headers)
            verdict = "ok" if fresh_ms < 50 else "over 50 ms"
            rows.append((path, f"{fresh_ms:.1f} ms", fresh_queries, f"{cached_ms:.1f} ms",
                         cached_queries, verdict))  # fmt: skip
        desk = app.test_client()
        app.config["WTF_CSRF_ENABLED"] = False  # signing in by the test client
        desk.post(
            "/account/sign-in", data={"email": "translator@example.org", "password": PASSWORD}
        )
        app.config["WTF_CSRF_ENABLED"] = True
        desk_ms, desk_queries = measure(app, desk, "/desk", True, english)
        rows.append(("/desk (translator)", f"{desk_ms:.1f} ms", desk_queries, "-", "-", ""))
    print_table(
        f"Proposals on SQLite: {made['count']} proposals, {made['translations']} translations "
        f"(built in {built:.1f} s); median of {REPEAT} requests. Target: < 50 ms rendered "
        "afresh, the same number of queries on every page.",
        rows,
        ("page", "afresh", "queries", "cached", "queries", "verdict"),
    )


if __name__ == "__main__":
    main()
