"""Casting ballots under load: gunicorn (2 workers), 32 concurrent clients, SQLite and
PostgreSQL, a fixed duration; every ballot accounted for afterwards.

Each run makes a fresh database with VOTERS residents (accounts included) and an open
ranked poll, signs every voter's session directly (see polls_setup.voter_cookie; no
password sign-ins), then a bounded Python client (32 threads, a new connection per request,
as gunicorn's sync workers close them) POSTs /polls/<id>/cast, one voter per request, for
--seconds. /healthz is driven by the same client in the same run, for the machine's ceiling.
A cast is one POST answered by the receipt page (a redirect would be followed, with the
session cookie it sets). Afterwards the database must hold exactly one ballot and one voter
record per receipt code the client got back: lost (a receipt not stored) and extra (a ballot nobody got a receipt
for, or a voter counted twice) must both be 0.

Run: .venv/bin/python benchmarks/poll_casting.py [--seconds 20] [--kinds sqlite postgresql]
Target: at least 200 ballots per second sustained on both databases. The machine is shared:
the table also gives the gunicorn workers' CPU time per ballot (from /proc), which says what
two workers can do on two idle cores whatever else was running.
"""

import argparse
import http.client
import os
import random
import re
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402

from benchmarks import polls_setup  # noqa: E402
from benchmarks.load import Server, print_table  # noqa: E402
from consult.extensions import db  # noqa: E402

RECEIPT = re.compile(rb'<p class="receipt-code"><code>([0-9A-Z-]{14})</code>')


class Driver:
    """``clients`` threads sending requests from ``work`` until ``seconds`` have passed."""

    def __init__(self, port, clients, seconds):
        self.port, self.clients, self.seconds = port, clients, seconds
        self.lock = threading.Lock()
        self.statuses = {}
        self.samples = {}  # the first answer of each unexpected status, to show
        self.receipts = []

    def run(self, make_request):
        deadline = time.monotonic() + self.seconds
        start = time.monotonic()
        threads = [
            threading.Thread(target=self._loop, args=(make_request, deadline))
            for _ in range(self.clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.monotonic() - start

    def _loop(self, make_request, deadline):
        while time.monotonic() < deadline:
            request = make_request()
            if request is None:
                return
            method, path, body, headers = request
            status, data, follow = self._send(method, path, body, headers)
            if status == 303:  # cast: the receipt page, with the session cookie just set
                status, data, _ = self._send("GET", follow[0], None, follow[1])
            with self.lock:
                if status not in self.statuses and status != 200:
                    self.samples[status] = data[:300]
                self.statuses[status] = self.statuses.get(status, 0) + 1
                found = RECEIPT.search(data)
                if found:
                    self.receipts.append(found.group(1).decode())

    def _send(self, method, path, body, headers):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            follow = None
            if response.status == 303:
                cookie = response.getheader("Set-Cookie", "").split(";", 1)[0]
                location = urllib.parse.urlsplit(response.getheader("Location")).path
                follow = (location, {"Cookie": cookie, "User-Agent": headers["User-Agent"]})
            return response.status, data, follow
        except OSError:
            return "socket error", b"", None
        finally:
            connection.close()


def worker_cpu_seconds(master_pid):
    """CPU time (user + system) used so far by the gunicorn master's worker processes."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:  # ppid
            total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / ticks


def prepare(kind, folder, voters):
    url_holder = polls_setup.database(kind, folder)
    url = url_holder.__enter__()
    app = polls_setup.make_app(url, folder)
    polls_setup.migrate(app)
    rng = random.Random(14)
    with app.app_context():
        committee = polls_setup.register_voters(voters)
        poll = polls_setup.open_poll(committee)
        option_ids = [option.id for option in poll.options]
        requests = []
        for user in polls_setup.voters_of(poll):
            cookie, token = polls_setup.voter_cookie(app, user)
            ranking = rng.sample(option_ids, rng.randint(1, len(option_ids)))
            form = {"csrf_token": token, **{f"rank_{o}": str(r) for r, o in enumerate(ranking, 1)}}
            body = urllib.parse.urlencode(form).encode()
            headers = {
                "Cookie": cookie,
                "User-Agent": polls_setup.USER_AGENT,
                "Content-Type": "application/x-www-form-urlencoded",
            }
            requests.append(("POST", f"/polls/{poll.id}/cast", body, headers))
        poll_id = poll.id
        db.session.commit()
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("ANALYZE")  # fresh statistics after the bulk load
        db.session.remove()
        db.engine.dispose()
    return url_holder, url, app, poll_id, requests


def stored(app, poll_id):
    from consult.polls.models import PollBallot, PollVoter

    with app.app_context():
        receipts = db.session.scalars(
            select(PollBallot.receipt).where(PollBallot.poll_id == poll_id)
        ).all()
        voters = db.session.scalar(select(func.count()).where(PollVoter.poll_id == poll_id))
        db.engine.dispose()
    return receipts, voters


def run(kind, seconds, clients, voters):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        holder, url, app, poll_id, requests = prepare(kind, folder, voters)
        try:
            queue = iter(requests)
            lock = threading.Lock()

            def next_cast():
                with lock:
                    return next(queue, None)

            def health():
                return ("GET", "/healthz", None, {"User-Agent": polls_setup.USER_AGENT})

            with Server(url, folder / "instance") as server:
                ceiling = Driver(server.port, clients, 5)
                ceiling_time = ceiling.run(health)
                casting = Driver(server.port, clients, seconds)
                cpu_before = worker_cpu_seconds(server.process.pid)
                elapsed = casting.run(next_cast)
                cpu = worker_cpu_seconds(server.process.pid) - cpu_before
            receipts, voter_rows = stored(app, poll_id)
        finally:
            holder.__exit__(None, None, None)
    for status, sample in casting.samples.items():
        print(
            f"{kind}: {casting.statuses[status]} answers {status}, e.g. {sample!r}", file=sys.stderr
        )
    got = casting.receipts
    ok = casting.statuses.get(200, 0)
    lost = len(set(got) - set(receipts))
    extra = (
        len(set(receipts) - set(got)) + (voter_rows - len(receipts)) + (len(got) - len(set(got)))
    )
    return {
        "kind": kind,
        "healthz": sum(ceiling.statuses.values()) / ceiling_time,
        "rate": ok / elapsed,
        "cast": ok,
        "errors": sum(n for status, n in casting.statuses.items() if status != 200),
        "stored": len(receipts),
        "lost": lost,
        "extra": extra,
        "exhausted": len(got) >= len(requests),
        "cpu_ms": cpu * 1000 / max(ok, 1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--voters", type=int, default=20_000)
    parser.add_argument("--kinds", nargs="+", default=["sqlite", "postgresql"])
    args = parser.parse_args()
    rows = []
    for kind in args.kinds:
        r = run(kind, args.seconds, args.clients, args.voters)
        verdict = (
            "ok" if r["rate"] >= 200 and not (r["lost"] or r["extra"] or r["errors"]) else "FAIL"
        )
        if r["exhausted"]:
            verdict += " (ran out of voters: raise --voters)"
        rows.append((kind, f"{r['healthz']:.0f}/s", f"{r['rate']:.0f}/s", r["cast"], r["stored"],
                     r["errors"], r["lost"], r["extra"], f"{r['cpu_ms']:.1f} ms", verdict))  # fmt: skip
    print_table(
        f"Casting ballots: gunicorn 2 workers, {args.clients} clients, {args.seconds} s, "
        f"{args.voters} voters, ranked ballots. Target: 200 ballots/s, none lost or extra.",
        rows,
        (
            "database",
            "/healthz",
            "ballots",
            "cast (200)",
            "stored",
            "errors",
            "lost",
            "extra",
            "server CPU/ballot",
            "verdict",
        ),
    )


if __name__ == "__main__":
    main()
