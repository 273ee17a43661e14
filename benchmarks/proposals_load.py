"""Proposals under load: gunicorn (2 workers), wrk (16 connections), signed out, SQLite.

10,000 proposals with their translations. Prints the rate of the listing (first page, a
filtered page), a proposal page (in the reader's language and side by side) and the API
list beside the /healthz rate of the same run; the target is at least one sixth of the
/healthz rate for the listing and a proposal page.

Run: .venv/bin/python benchmarks/proposals_load.py [--seconds 10]
"""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.load import Server, print_table, wrk  # noqa: E402
from benchmarks.proposals_data import build, migrated_app  # noqa: E402

TARGET = 1 / 6


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--proposals", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        url = f"sqlite:///{folder / 'proposals.sqlite3'}"
        made = build(migrated_app(url), args.proposals)
        answered = made["answered"]
        with Server(url, folder / "instance") as server:
            pages = [
                "/healthz",
                "/proposals",
                "/proposals?state=open&sort=supported&page=7",
                f"/proposals/{answered}",
                f"/proposals/{answered}?show=both",
                "/api/v1/proposals",
            ]
            results = [(path, wrk(server.url + path, args.seconds)) for path in pages]
    ceiling = results[0][1]["rate"]
    rows = []
    for path, result in results:
        ratio = result["rate"] / ceiling
        judged = path.startswith("/proposals")
        verdict = ("ok" if ratio >= TARGET else "below 1/6") if judged else ""
        rows.append((path, f"{result['rate']:.0f}/s", f"{ratio:.3f}", result["median"],
                     result["non_2xx"] + result["socket_errors"], verdict))  # fmt: skip
    print_table(
        f"Proposals under load: {made['count']} proposals and {made['translations']} "
        f"translations, gunicorn 2 workers, wrk 16 connections, {args.seconds} s each, signed "
        "out, SQLite. Target: the listing and a proposal page at least 1/6 of /healthz.",
        rows,
        ("page", "rate", "of /healthz", "median", "errors", "verdict"),
    )


if __name__ == "__main__":
    main()
