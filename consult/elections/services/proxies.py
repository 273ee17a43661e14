"""Proxy votes (委托投票): a voter's written authorisation for a close relative who is a
voter and not a candidate; at most the rule set's number per proxy (3); no re-delegation;
filed by D-3; void unless published with the proxy list."""

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from consult.core import audit
from consult.core.services import Problems, ServiceError
from consult.elections import clock
from consult.elections.models import Election, Proxy, PublicationKind, RelationKind
from consult.elections.services.candidates import is_candidate
from consult.elections.services.common import ensure_committee, ensure_preparing
from consult.elections.services.publishing import record_publication
from consult.elections.services.voters import is_listed
from consult.extensions import db

audit.describe("election.proxy_filed", _l("Proxy vote filed"))
audit.describe("election.proxy_withdrawn", _l("Proxy vote withdrawn"))


def proxy_deadline(election):
    return election.election_day - timedelta(days=election.rules.proxy_days)


def proxies_of(election):
    return db.session.scalars(
        select(Proxy)
        .where(Proxy.election_id == election.id)
        .options(selectinload(Proxy.voter), selectinload(Proxy.proxy))
        .order_by(Proxy.id)
    ).all()


def held_by(election, resident):
    return db.session.scalar(
        select(func.count(Proxy.id)).filter_by(election_id=election.id, proxy_id=resident.id)
    )


def _delegated(election, resident):
    return (
        db.session.scalar(select(Proxy.id).filter_by(election_id=election.id, voter_id=resident.id))
        is not None
    )


def file_proxy(actor, election, voter, proxy, relation, signed_on, note=None, *, today=None):
    """Record a written authorisation, checked against every rule at once."""
    ensure_committee(actor)
    ensure_preparing(election)
    rules, today = election.rules, today or clock.today()
    problems = Problems()
    deadline = proxy_deadline(election)
    if today > deadline:
        problems.add(_l("Proxy votes had to be filed by %(day)s.", day=deadline.isoformat()))
    if signed_on is None or signed_on > today:
        problems.add(_l("Give the date the authorisation was signed (not in the future)."), "signed_on")  # fmt: skip
    kind = RelationKind.parse(relation)
    if kind is None or kind.value not in rules.proxy_relations:
        problems.add(_l("A proxy must be the voter's spouse, parent, child, brother or sister, grandparent or grandchild, as the rule set allows."), "relation")  # fmt: skip
    if voter is None or not is_listed(election, voter):
        problems.add(_l("The person giving the proxy must be on the voter list."), "voter")
    if proxy is None or not is_listed(election, proxy):
        problems.add(_l("The proxy must be on the voter list."), "proxy")
    problems.raise_any()
    if voter.id == proxy.id:
        problems.add(_l("A voter cannot be their own proxy."), "proxy")
    if is_candidate(election, proxy):
        problems.add(_l("A candidate cannot be a proxy."), "proxy")
    if _delegated(election, voter):
        problems.add(_l("This voter has given a proxy already."), "voter")
    if held_by(election, voter):
        problems.add(_l("This voter holds proxies for others and cannot delegate their own vote."), "voter")  # fmt: skip
    if _delegated(election, proxy):
        problems.add(_l("The proxy has given their own vote to someone else: no re-delegation."), "proxy")  # fmt: skip
    if held_by(election, proxy) >= rules.max_proxies:
        problems.add(_l("This proxy already holds %(count)d proxy votes, the most the rules allow.", count=rules.max_proxies), "proxy")  # fmt: skip
    problems.raise_any()
    row = Proxy(
        election_id=election.id,
        voter=voter,
        proxy=proxy,
        relation=kind,
        signed_on=signed_on,
        note=(note or "").strip() or None,
    )
    db.session.add(row)
    db.session.flush()
    audit.record("election.proxy_filed", row, actor=actor, data={"voter": voter.id, "proxy": proxy.id, "relation": kind.value, "signed_on": signed_on})  # fmt: skip
    return row


def withdraw_proxy(actor, proxy):
    ensure_committee(actor)
    election = db.session.get(Election, proxy.election_id)
    ensure_preparing(election)
    if clock.today() > proxy_deadline(election) and proxy.published_at is not None:
        raise ServiceError(_l("The proxy list is final; this proxy vote can no longer be withdrawn."))  # fmt: skip
    audit.record("election.proxy_withdrawn", proxy, actor=actor, data={"voter": proxy.voter_id})
    db.session.delete(proxy)


def publish_proxies(actor, election, *, at=None):
    """Publish the proxy list: every proxy filed so far becomes valid."""
    ensure_committee(actor)
    ensure_preparing(election)
    rows = proxies_of(election)
    if not rows:
        raise ServiceError(_l("No proxy votes are filed."))
    publication = record_publication(actor, election, PublicationKind.PROXIES, len(rows), at=at)
    for row in rows:
        if row.published_at is None:
            row.published_at = publication.published_at
    return publication


def valid_proxies(election):
    """The published proxies: the only ones that count (an unpublished proxy is void)."""
    return [row for row in proxies_of(election) if row.published_at is not None]
