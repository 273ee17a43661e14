"""The register page under load: gunicorn (2 workers), wrk (16 connections), SQLite.

20,000 residents in 8,000 households, signed in as the committee. Prints the rate of the
first page, the last page and a filtered page beside the /healthz rate of the same run; the
target is at least one eighth of the /healthz rate, with the last page as fast as the first.

Run: .venv/bin/python benchmarks/register_load.py [--seconds 10]
"""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.load import Server, print_table, sign_in, wrk  # noqa: E402
from benchmarks.register import PASSWORD, make_csv  # noqa: E402

EMAIL = "committee@example.org"


def prepare(folder, residents, households):
    """A migrated SQLite database with the register imported and a committee account."""
    from flask_migrate import upgrade

    from consult import create_app
    from consult.accounts.services import create_user
    from consult.extensions import db
    from consult.residents import importer

    url = f"sqlite:///{folder / 'register.sqlite3'}"
    app = create_app("development", overrides={"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade(directory=str(Path(__file__).resolve().parent.parent / "migrations"))
        checked, counts = importer.import_register(make_csv(residents, households))
        assert checked.ok, checked.problems[:3]
        create_user(EMAIL, "Committee", PASSWORD, role="committee")
        db.session.commit()
        grid = db.session.execute(db.text("SELECT id FROM grids ORDER BY id LIMIT 1")).scalar()
        db.engine.dispose()
    return url, grid


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--residents", type=int, default=20_000)
    parser.add_argument("--households", type=int, default=8_000)
    args = parser.parse_args()
    last_page = (args.residents + 49) // 50
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        url, grid = prepare(folder, args.residents, args.households)
        with Server(url, folder / "instance") as server:
            cookie = sign_in(server.url, EMAIL, PASSWORD)
            pages = [
                ("/healthz", None),
                ("/register", cookie),
                (f"/register?page={last_page}", cookie),
                (f"/register?grid={grid}&verified=no", cookie),
                ("/register?q=anna", cookie),
            ]
            results = [(path, wrk(server.url + path, args.seconds, cookie=c)) for path, c in pages]
    ceiling = results[0][1]["rate"]
    rows = []
    for path, result in results:
        ratio = result["rate"] / ceiling
        verdict = "" if path == "/healthz" else ("ok" if ratio >= 1 / 8 else "below 1/8")
        rows.append((path, f"{result['rate']:.0f}/s", f"{ratio:.3f}", result["median"],
                     result["non_2xx"] + result["socket_errors"], verdict))  # fmt: skip
    print_table(
        f"Register under load: {args.residents} residents, gunicorn 2 workers, wrk 16 "
        f"connections, {args.seconds} s each, SQLite. Target: at least 1/8 of /healthz.",
        rows,
        ("page", "rate", "of /healthz", "median", "errors", "verdict"),
    )


if __name__ == "__main__":
    main()
