"""Resident register at scale: import, dry run and the register page on SQLite.

Generates a seeded CSV of 20,000 residents in 8,000 households and measures, each on a
fresh SQLite file database:

- importing it (check + write + commit), as `flask residents import` does;
- a dry run of it (check + count, nothing written);
- importing it again (nothing changes);
- the committee's register page (test client, signed in): median time of 30 requests and
  the number of SQL queries, unfiltered, filtered, and searching by name.

Run: .venv/bin/python benchmarks/register.py [--residents 20000 --households 8000]
Targets: import < 20 s, dry run < 10 s, page < 100 ms with a constant number of queries.
"""

import argparse
import csv
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event  # noqa: E402

from consult import create_app  # noqa: E402
from consult.extensions import db  # noqa: E402
from consult.residents import importer  # noqa: E402
from consult.residents.csvformat import COLUMNS  # noqa: E402

PASSWORD = "benchmark passphrase 2026"
SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"]
GIVEN = ["芳", "伟", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "婷"]
FOREIGN = [
    ("Anna", "Smith", "GB", "en"), ("Jean", "Dupont", "FR", "fr;en"),
    ("Hans", "Müller", "DE", "de;en"), ("Марина", "Иванова", "RU", "ru"),
    ("김", "민준", "KR", "ko"), ("山田", "花子", "JP", "ja"),
    ("Kwame", "Osei", "GH", "en"), ("Maria", "Silva", "BR", "pt"),
]  # fmt: skip


def make_csv(residents, households, seed=2026):
    rng = random.Random(seed)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    # Every household gets at least one resident; the rest are spread at random.
    members = list(range(households)) + [
        rng.randrange(households) for _ in range(residents - households)
    ]
    members.sort()
    for number, household in enumerate(members):
        building = household // 100
        code = f"H{household:05d}"
        if rng.random() < 0.3:
            first, last, nationality, languages = rng.choice(FOREIGN)
            full_name = f"{first} {last} {number}"
            latin = ""
        else:
            full_name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN) + str(number)
            latin, nationality, languages = f"Name {number}", "CN", "zh"
        birth = f"{rng.randint(1940, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        writer.writerow([
            code, str(building), str(household % 4 + 1), str(household % 100 + 101),
            f"Grid {building // 10 + 1}", full_name, latin, rng.choice("FMX"), birth,
            nationality, languages, f"138{number:08d}", f"person{number}@example.org",
        ])  # fmt: skip
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def fresh_app(folder, name):
    url = f"sqlite:///{folder / name}"
    app = create_app("testing", overrides={"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.create_all()
    return app


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def import_file(data, dry_run=False):
    checked, counts = importer.import_register(data, dry_run=dry_run)
    assert checked.ok, checked.problems[:5]
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    return counts


def measure_page(app, url, runs=30):
    from consult.accounts.services import create_user

    with app.app_context():
        if not db.session.execute(db.text("SELECT 1 FROM users LIMIT 1")).first():
            create_user("committee@example.org", "Committee", PASSWORD, role="committee")
            db.session.commit()
    client = app.test_client()
    response = client.post(
        "/account/sign-in", data={"email": "committee@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302, response.status_code
    client.get(url)  # warm the caches
    queries = []
    with app.app_context():
        engine = db.engine

    def count(*args):
        queries.append(1)

    event.listen(engine, "before_cursor_execute", count)
    times = []
    for _ in range(runs):
        queries.clear()
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200
    event.remove(engine, "before_cursor_execute", count)
    return statistics.median(times), max(times), len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=20_000)
    parser.add_argument("--households", type=int, default=8_000)
    args = parser.parse_args()
    data = make_csv(args.residents, args.households)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        app = fresh_app(folder, "import.sqlite3")
        with app.app_context():
            seconds, counts = timed(lambda: import_file(data))
            rows.append(("import (fresh database)", f"{seconds:.2f} s", "< 20 s",
                         f"{counts['residents_created']} residents, {counts['households_created']} households"))  # fmt: skip
            seconds, counts = timed(lambda: import_file(data))
            rows.append(("re-import (nothing changes)", f"{seconds:.2f} s", "",
                         f"{counts['residents_unchanged']} unchanged"))  # fmt: skip
        dry = fresh_app(folder, "dry.sqlite3")
        with dry.app_context():
            seconds, counts = timed(lambda: import_file(data, dry_run=True))
            rows.append(("dry run (fresh database)", f"{seconds:.2f} s", "< 10 s",
                         f"would create {counts['residents_created']} residents"))  # fmt: skip
            # A hostile header (issue 9): 100,000 columns, refused at once, in CPU time.
            wide = (",".join([*COLUMNS, *(f"x{n}" for n in range(100_000))]) + "\n").encode()
            start = time.process_time()
            problems = importer.check(wide).problems
            cpu = time.process_time() - start
            rows.append(("dry run, 100,000-column header", f"{cpu * 1000:.1f} ms CPU", "< 1 s",
                         f"refused: {problems[0].code}"))  # fmt: skip
            gbk = make_csv(args.residents, args.households).decode("utf-8-sig").encode("gb18030")
            seconds, counts = timed(lambda: import_file(gbk, dry_run=True))
            rows.append(("dry run, same file saved as GB18030", f"{seconds:.2f} s", "< 10 s",
                         f"would create {counts['residents_created']} residents"))  # fmt: skip
        with app.app_context():
            grid = db.session.execute(db.text("SELECT id FROM grids ORDER BY id LIMIT 1")).scalar()
        for label, url in (
            ("register page 1", "/register"),
            ("register page 200 (last)", "/register?page=200"),
            ("register, grid filter", f"/register?grid={grid}&verified=no"),
            ("register, name search", "/register?q=anna"),
            ("register, Chinese search", "/register?q=王芳"),
        ):
            median, worst, queries = measure_page(app, url)
            rows.append((label, f"{median * 1000:.1f} ms", "< 100 ms",
                         f"{queries} queries, worst {worst * 1000:.1f} ms"))  # fmt: skip
    size = len(data) / 2**20
    print(f"Register benchmark: {args.residents} residents in {args.households} households "
          f"({size:.1f} MB CSV), SQLite, Python {sys.version.split()[0]}")  # fmt: skip
    widths = [
        max(len(str(row[i])) for row in rows + [("what", "time", "target", "notes")])
        for i in range(4)
    ]
    for row in [("what", "time", "target", "notes"), tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
