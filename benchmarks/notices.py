"""The notice board at scale: the demo community plus 2,000 notices with their English
translations on SQLite.

For the board (first page, filtered, last page), the archive, a notice, its print page, the
feeds and the API, prints the median time of 30 requests through the test client and the
number of SQL queries.

Run: .venv/bin/python benchmarks/notices.py [--notices 2000]
Target: every page under 100 ms, with a number of queries that does not grow with the board.
"""

import argparse
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.load import print_table  # noqa: E402
from benchmarks.proposals import measure  # noqa: E402
from benchmarks.proposals_data import migrated_app  # noqa: E402


def build(app, count):
    """The demo community, then ``count`` notices (a tenth archived, a few pinned)."""
    from consult.cli import seed_demo
    from consult.extensions import db
    from consult.multilingual.models import HUMAN, new_translation
    from consult.notices import clock
    from consult.notices.models import Notice, NoticeCategory
    from consult.residents.models import Building

    with app.app_context():
        list(seed_demo())
        categories = [c.id for c in db.session.query(NoticeCategory)]
        buildings = [b.id for b in db.session.query(Building)]
        author = db.session.query(Notice).first().author_id
        now, rng = clock.now(), random.Random(17)
        for number in range(count):
            published = now - timedelta(hours=number + 2)
            archived = number % 10 == 9
            building = rng.choice(buildings) if number % 3 == 0 else None
            notice = Notice(
                title=f"第{number}号通知", body=f"通知内容 **{number}**。\n\n- 一\n- 二",
                language="zh-Hans", revision=1, category_id=rng.choice(categories),
                scope="building" if building else "community", building_id=building,
                pinned=number % 400 == 0, publish_at=published, announced_at=published,
                expires_at=published + timedelta(minutes=30) if archived else None,
                coming_languages=[], author_id=author, edited_at=published,
            )  # fmt: skip
            db.session.add(notice)
            db.session.flush()
            db.session.add(new_translation(
                "notice", notice.id, "en", texts={"title": f"Notice {number}",
                "body": f"Notice text **{number}**.\n\n- one\n- two"},
                method=HUMAN, revision=1, translator_id=author,
            ))  # fmt: skip
        db.session.commit()
        some = db.session.query(Notice.id).filter(Notice.expires_at.is_(None)).first()[0]
        return some


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = migrated_app(f"sqlite:///{Path(folder) / 'notices.sqlite3'}")
        started = time.perf_counter()
        notice_id = build(app, args.notices)
        built = time.perf_counter() - started
        client = app.test_client()
        english, chinese = {"Accept-Language": "en"}, {"Accept-Language": "zh-CN"}
        last = (args.notices * 9 // 10 + 19) // 20
        pages = [
            ("/notices", english),
            ("/notices?category=safety&scope=community", chinese),
            (f"/notices?page={last}", english),
            ("/notices/archive", {"Accept-Language": "zh-TW"}),
            (f"/notices/{notice_id}", english),
            (f"/notices/{notice_id}/print", chinese),
            ("/notices/feeds/en.atom", english),
            ("/notices/feeds/zh-Hans/events.atom", chinese),
            ("/api/v1/notices", english),
        ]
        rows = []
        for path, headers in pages:
            ms, queries = measure(app, client, path, True, headers)
            rows.append((path, f"{ms:.1f} ms", queries, "ok" if ms < 100 else "over 100 ms"))
    print_table(
        f"Notices on SQLite: {args.notices} notices with translations (built in {built:.1f} s);"
        " median of 30 requests. Target: < 100 ms.",
        rows,
        ("page", "median", "queries", "verdict"),
    )


if __name__ == "__main__":
    main()
