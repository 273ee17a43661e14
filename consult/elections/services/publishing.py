"""Publications: when the voter list, candidates, counting staff and proxies were made
public. Each one is a row and an entry in the audit trail; a list may be published again
after it changed (the first publication is the one the deadline asks for)."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core import audit
from consult.elections import clock
from consult.elections.models import Publication, PublicationKind
from consult.extensions import db

audit.describe("election.published", _l("Election list published"))


def publications(election, kind):
    return db.session.scalars(
        select(Publication)
        .where(Publication.election_id == election.id, Publication.kind == PublicationKind(kind))
        .order_by(Publication.published_at, Publication.id)
    ).all()


def first_publication(election, kind):
    found = publications(election, kind)
    return found[0] if found else None


def last_publication(election, kind):
    found = publications(election, kind)
    return found[-1] if found else None


def record_publication(actor, election, kind, count, *, at=None):
    publication = Publication(
        election_id=election.id,
        kind=PublicationKind(kind),
        published_at=at or clock.now(),
        published_by_id=getattr(actor, "id", None),
        count=count,
    )
    db.session.add(publication)
    db.session.flush()
    audit.record(
        "election.published",
        election,
        actor=actor,
        data={"list": PublicationKind(kind).value, "count": count},
    )
    return publication


def changed_since(publication, rows):
    """Whether any of ``rows`` (with created_at / updated_at) changed after ``publication``."""
    if publication is None:
        return bool(rows)
    stamps = [getattr(row, "updated_at", None) or row.created_at for row in rows]
    return any(stamp > publication.published_at for stamp in stamps)
