"""A discussion under load: gunicorn (2 workers), wrk (16 connections), signed out, SQLite.

A proposal with 100 comments in nested threads, a third translated. Prints the rate of the
proposal page in English and in Chinese (each reader's language, the thread drawn once per
language and then served from the cache) and of the thread's API, beside the /healthz rate
of the same run, and of a proposal page without comments for comparison. Targets: the page
at least 1/4 of /healthz, the API at least 1/6, no error.

Run: .venv/bin/python benchmarks/comments_load.py [--seconds 20]
"""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.comments_data import discussion, open_proposal, residents  # noqa: E402
from benchmarks.load import Server, print_table, wrk  # noqa: E402
from benchmarks.proposals_data import migrated_app  # noqa: E402

TARGETS = {"page": 1 / 4, "api": 1 / 6}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--comments", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        url = f"sqlite:///{folder / 'comments.sqlite3'}"
        app = migrated_app(url)
        residents(app, 12)
        quiet = open_proposal(app, "还没有评论的提案")
        proposal = open_proposal(app, "小区停车位不足怎么办")
        made = discussion(app, proposal, args.comments)
        runs = [
            ("/healthz", "/healthz", (), None),
            ("a proposal without comments", f"/proposals/{quiet}", ("Accept-Language: en",), None),
            ("proposal page, English", f"/proposals/{proposal}", ("Accept-Language: en",), "page"),
            (
                "proposal page, 简体中文",
                f"/proposals/{proposal}",
                ("Accept-Language: zh-CN",),
                "page",
            ),
            ("thread API", f"/api/v1/proposals/{proposal}/comments", (), "api"),
        ]
        with Server(url, folder / "instance") as server:
            results = [
                (label, path, target, wrk(server.url + path, args.seconds, headers=headers))
                for label, path, headers, target in runs
            ]
    ceiling = results[0][3]["rate"]
    rows = []
    for label, path, target, result in results:
        ratio = result["rate"] / ceiling
        errors = result["non_2xx"] + result["socket_errors"]
        verdict = ""
        if target:
            wanted = TARGETS[target]
            verdict = "ok" if ratio >= wanted and not errors else f"below 1/{round(1 / wanted)}"
        rows.append((label, path, f"{result['rate']:.0f}/s", f"{ratio:.3f}", result["median"],
                     errors, verdict))  # fmt: skip
    print_table(
        f"Comments under load: a proposal with {made['comments']} comments "
        f"({made['translations']} translated), gunicorn 2 workers, wrk 16 connections, "
        f"{args.seconds} s each, signed out, SQLite. Targets: the page at least 1/4 of "
        "/healthz, the thread API at least 1/6, no error.",
        rows,
        ("run", "path", "rate", "of /healthz", "median", "errors", "verdict"),
    )


if __name__ == "__main__":
    main()
