"""Closing a poll, rewriting its rows in random order, and publishing its results.

Run by the queue (jobs.py), never in a web request, each step in its own transaction:

1. ``record_closing``: lock the poll row (this waits for every cast in flight, which holds
   a share lock on it) and mark it closed; no ballot gets in after that.
2. ``rewrite_in_random_order``: read the poll's ballots and voter records, delete them and
   insert them again, shuffled, under new random ids, one table per transaction. Storage
   order, SQLite's rowid, PostgreSQL's ctid and ``xmin`` then follow the shuffle, not the
   casting order. ``scrub_storage`` then removes the dead copies (VACUUM FULL on
   PostgreSQL; secure_delete and a WAL checkpoint on SQLite).
3. ``record_ballot_list``: the canonical ballot list's SHA-256 goes to the audit trail; and
   ``publish``: consult.tally counts that very list, the result and the list are stored.
"""

import hashlib
import json
import secrets
from collections import Counter

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, insert, select, text

from consult.core import audit
from consult.core.models import utcnow
from consult.core.queue import enqueue
from consult.extensions import db
from consult.i18n import UI_LOCALES
from consult.polls import electorate
from consult.polls.methods import tally_options
from consult.polls.models import Poll, PollBallot, PollResult, PollVoter, random_id
from consult.polls.texts import text_for
from consult.tally import count

audit.describe("poll.closed", _l("Poll closed"))
audit.describe("poll.published", _l("Poll results published"))

SHUFFLED = {
    PollBallot: ("poll_id", "receipt", "choices"),
    PollVoter: ("poll_id", "resident_id", "household_slot", "channel", "ticked_by_id"),
}


def _locked(poll_id):
    return db.session.scalars(select(Poll).where(Poll.id == poll_id).with_for_update()).one()


def record_closing(poll_id):
    """Mark a poll whose closing time has passed as closed. True if it is closed now."""
    poll = _locked(poll_id)
    if poll.cancelled_at is not None or utcnow() < poll.closes_at:
        db.session.commit()
        return False
    if poll.opened_at is None:
        electorate.fix_electorate(poll)
    if poll.closed_at is None:
        poll.closed_at = utcnow()
    db.session.commit()
    return True


def rewrite_in_random_order(poll_id):
    """Rewrite the poll's ballots and voter records, shuffled, each table in a transaction."""
    shuffle = secrets.SystemRandom().shuffle
    sqlite = db.session.get_bind().dialect.name == "sqlite"
    for model, columns in SHUFFLED.items():
        table = model.__table__
        rows = [
            dict(row._mapping)
            for row in db.session.execute(
                select(*(table.c[name] for name in columns)).where(table.c.poll_id == poll_id)
            )
        ]
        shuffle(rows)
        for row in rows:
            row["id"] = random_id()
        if sqlite:  # deleted rows are overwritten with zeros, not left in free pages
            db.session.execute(text("PRAGMA secure_delete = ON"))
        db.session.execute(delete(table).where(table.c.poll_id == poll_id))
        if rows:
            _insert_in_order(table, rows)
        if sqlite:
            db.session.execute(text("PRAGMA secure_delete = OFF"))
        db.session.commit()
    db.session.get(Poll, poll_id).shuffled_at = utcnow()
    db.session.commit()
    scrub_storage()


def _insert_in_order(table, rows):
    """Insert ``rows`` in the order given (PostgreSQL: one COPY, the fastest way in)."""
    connection = db.session.connection()
    if connection.dialect.name != "postgresql":
        db.session.execute(insert(table), rows)
        return
    columns = list(rows[0])
    statement = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
    with connection.connection.driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([row[column] for column in columns])


def scrub_storage():
    """Remove the dead copies of rewritten rows from the database files.

    ``POLL_STORAGE_SCRUB``: "full" (default) runs VACUUM FULL on both tables on PostgreSQL
    (a new file holding only the shuffled rows; casts in other polls wait for it) and a WAL
    checkpoint that truncates the log on SQLite; "off" skips it (tests inside a transaction).
    """
    mode = current_app.config.get("POLL_STORAGE_SCRUB", "full")
    if mode == "off":
        return
    engine = db.engine
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("SET lock_timeout = '10s'")
            try:
                connection.exec_driver_sql("VACUUM FULL poll_ballots, poll_voters")
            except Exception:  # a long transaction holds the tables: a plain VACUUM then
                current_app.logger.warning("VACUUM FULL of poll tables timed out; plain VACUUM")
                connection.exec_driver_sql("VACUUM poll_ballots, poll_voters")
    elif engine.dialect.name == "sqlite":
        # Outside any transaction (a checkpoint cannot run inside one): the pages that held
        # the deleted rows are overwritten in the file, and the log is emptied.
        connection = engine.raw_connection()
        try:
            connection.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            connection.close()


# The ballot list ------------------------------------------------------------------------


def canonical_json(value):
    """UTF-8 JSON with sorted keys and no extra whitespace: the same bytes every time."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def poll_facts(poll):
    """Everything in the ballot list but the ballots: the count's input and the poll's texts
    (which consult.tally ignores)."""
    size = poll.electorate_size or 0
    return {
        "id": poll.id,
        "method": str(poll.method),
        "seats": poll.seats,
        "candidates": poll.option_names(),
        "options": tally_options(poll, size),
        "poll": {
            "question": poll.question,
            "options": [{"name": o.name, "text": o.text} for o in poll.options],
            "electorate": size,
            "opens_at": poll.opens_at.isoformat(),
            "closes_at": poll.closes_at.isoformat(),
        },
    }


def ballot_list(poll):
    """The published ballot list as data (see ballot_list_text)."""
    return json.loads(ballot_list_text(poll))


def _with_receipt(choices, receipt):
    """A stored ballot (canonical JSON) with its receipt code, keys still sorted."""
    quoted = json.dumps(receipt)
    if choices.startswith('{"scores"'):  # "receipt" sorts before "scores"
        return '{"receipt":' + quoted + "," + choices[1:]
    return choices[:-1] + ',"receipt":' + quoted + "}"  # after "marks" and "ranking"


def ballot_list_text(poll):
    """The canonical ballot list: consult.tally's native input, each ballot with its receipt
    code, sorted by receipt code, with the poll's texts beside it (ignored by the count).

    Built as text from the stored ballots, which are canonical JSON already; "ballots" is
    the first key in sorted order. A test checks the result against json.dumps.
    """
    rows = db.session.execute(
        select(PollBallot.receipt, PollBallot.choices).where(PollBallot.poll_id == poll.id)
    ).all()
    ballots = ",".join(_with_receipt(choices, receipt) for receipt, choices in sorted(rows))
    return '{"ballots":[' + ballots + "]," + canonical_json(poll_facts(poll))[1:]


def sha256_of(text_):
    return hashlib.sha256(text_.encode("utf-8")).hexdigest()


def voters_count(poll_id):
    return db.session.scalar(select(func.count()).where(PollVoter.poll_id == poll_id))


def record_ballot_list(poll_id, *, publish_now):
    """Write the closing (ballot count and the list's SHA-256) to the audit trail, and
    publish at once when no paper ballot is to come."""
    poll = _locked(poll_id)
    listing = ballot_list_text(poll)
    digest = sha256_of(listing)
    ballots = db.session.scalar(select(func.count()).where(PollBallot.poll_id == poll_id))
    poll.closing_sha256 = digest
    audit.record(
        "poll.closed",
        poll,
        data={
            "ballots": ballots,
            "voters": voters_count(poll_id),
            "electorate": poll.electorate_size,
            "sha256": digest,
        },
    )
    if publish_now:
        _publish(poll, listing, digest)
    db.session.commit()


def publish(poll_id):
    """Count the ballot list and publish the result (after paper ballots were entered)."""
    poll = _locked(poll_id)
    if poll.published_at is not None or poll.cancelled_at is not None or not poll.closing_sha256:
        db.session.commit()
        return
    listing = ballot_list_text(poll)
    _publish(poll, listing, sha256_of(listing))
    db.session.commit()


def _publish(poll, listing, digest):
    data = json.loads(listing)  # exactly what `python -m consult.tally` reads
    result = count(data)
    stored = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    db.session.add(
        PollResult(
            poll_id=poll.id,
            ballots=len(data["ballots"]),
            result=stored,
            explanations=localized_explanations(poll, data, stored),
            ballot_list=listing,
            sha256=digest,
        )
    )
    poll.published_at = utcnow()
    audit.record(
        "poll.published",
        poll,
        data={
            "ballots": len(data["ballots"]),
            "sha256": digest,
            "winners": stored["winners"],
            "summary": stored.get("summary"),
        },
    )
    enqueue("polls.published", poll_id=poll.id)


def localized_explanations(poll, data, result):
    """{ui locale: [round explanations]} naming the options in the reader's language.

    The count is the same whatever the names; counting again with each language's option
    texts gives consult.tally's explanation with those texts in it. Identical ballots are
    counted together (as consult.tally does anyway), so this costs little.
    """
    canonical = {
        locale: [r.get("explanation", {}).get(locale, "") for r in result["rounds"]]
        for locale in UI_LOCALES
    }
    if str(poll.method) == "yes_no":
        return canonical
    grouped = Counter(_frozen(ballot) for ballot in data["ballots"])
    explanations = {}
    for locale in UI_LOCALES:
        names = {o.name: text_for(o.text, locale).text or o.name for o in poll.options}
        if all(k == v for k, v in names.items()) or len(set(names.values())) != len(names):
            explanations[locale] = canonical[locale]
            continue
        renamed = dict(data, candidates=[names[c] for c in data["candidates"]])
        renamed["ballots"] = [
            {**_renamed(kind, value, names), "count": n} for (kind, value), n in grouped.items()
        ]
        rounds = count(renamed).rounds
        explanations[locale] = [r.explanation.get(locale, "") for r in rounds]
    return explanations


def _frozen(ballot):
    if "ranking" in ballot:
        return ("ranking", tuple(ballot["ranking"]))
    if "marks" in ballot:
        return ("marks", tuple(ballot["marks"]))
    return ("scores", tuple(sorted(ballot["scores"].items())))


def _renamed(kind, value, names):
    if kind == "ranking":
        return {"ranking": [names[name] for name in value]}
    if kind == "marks":
        return {"marks": [names[name] for name in value]}
    return {"scores": {names[name]: score for name, score in value}}
