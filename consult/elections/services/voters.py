"""The voter list (选民名单): drawn from the register by the rule set, published, objected
to (异议) and corrected. It is never a public page."""

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select
from sqlalchemy.orm import selectinload

from consult.core import audit
from consult.core.notifications import notify
from consult.core.services import ServiceError
from consult.elections import clock
from consult.elections.models import (
    ElectionMode,
    Objection,
    ObjectionDecision,
    PublicationKind,
    Voter,
    VoterSource,
)
from consult.elections.services.common import (
    ensure_committee,
    ensure_preparing,
    in_each_locale,
    titles,
)
from consult.elections.services.publishing import first_publication, record_publication
from consult.extensions import db
from consult.residents.models import Building, Grid, Household, Resident
from consult.residents.services import adults_on, one_per_household, register_query, resident_of

audit.describe("election.voter_list_drawn", _l("Voter list drawn from the register"))
audit.describe("election.voter_added", _l("Voter added to the list"))
audit.describe("election.voter_removed", _l("Voter removed from the list"))
audit.describe("election.objection_lodged", _l("Objection to the voter list lodged"))
audit.describe("election.objection_decided", _l("Objection to the voter list decided"))

CITIZENSHIP = "CN"


def adults_on_day(election, min_age):
    """Residents ``min_age`` or over on election day (18 by default)."""
    day = election.election_day
    if min_age == 18:
        return adults_on(day)
    try:
        cutoff = day.replace(year=day.year - min_age)
    except ValueError:  # 29 February
        cutoff = day.replace(year=day.year - min_age, day=28)
    return register_query().where(Resident.birth_date <= cutoff)


def eligible_statement(election):
    """The register entries the rule set puts on the list (before the committee's changes)."""
    rules = election.rules
    stmt = adults_on_day(election, rules.min_age)
    if not rules.list_foreign_residents:
        stmt = stmt.where(Resident.nationality == CITIZENSHIP)
    if rules.mode == ElectionMode.HOUSEHOLD:
        stmt = one_per_household(stmt)
    return stmt


def draw_voter_list(actor, election):
    """(Re)draw the list from the register. Only before it is published: afterwards it
    changes by objections and by the committee's additions and removals, one by one.

    Returns counts, including the residents left out because the register lacks their
    birth date or nationality (the committee should complete those entries)."""
    ensure_committee(actor)
    ensure_preparing(election)
    if first_publication(election, PublicationKind.VOTER_LIST) is not None:
        raise ServiceError(_l("The voter list is published: change it one voter at a time."))
    rules = election.rules
    db.session.execute(delete(Voter).where(Voter.election_id == election.id))
    ids = []
    if rules.mode != ElectionMode.GROUPS:  # group representatives are added by hand
        ids = db.session.scalars(eligible_statement(election).with_only_columns(Resident.id)).all()
    for resident_id in ids:
        db.session.add(
            Voter(election_id=election.id, resident_id=resident_id, source=VoterSource.DRAWN)
        )
    counts = {
        "listed": len(ids),
        "no_birth_date": db.session.scalar(
            select(func.count(Resident.id)).where(Resident.birth_date.is_(None))
        ),
        "no_nationality": 0
        if rules.list_foreign_residents
        else db.session.scalar(
            select(func.count(Resident.id)).where(Resident.nationality.is_(None))
        ),
    }
    db.session.flush()
    audit.record("election.voter_list_drawn", election, actor=actor, data=counts)
    return counts


def voter_count(election):
    return db.session.scalar(select(func.count(Voter.id)).where(Voter.election_id == election.id))


def is_listed(election, resident):
    if resident is None:
        return False
    return (
        db.session.scalar(
            select(Voter.id).where(
                Voter.election_id == election.id, Voter.resident_id == resident.id
            )
        )
        is not None
    )


def listed_ids(election):
    return set(
        db.session.scalars(select(Voter.resident_id).where(Voter.election_id == election.id))
    )


def voter_list_by_grid(election):
    """[(grid name, [(resident, household code, building)])] in register order, for the
    committee's page and the printed list."""
    rows = db.session.execute(
        select(Resident, Household.code, Building.name, Grid.name)
        .join(Voter, Voter.resident_id == Resident.id)
        .join(Resident.household)
        .join(Household.building)
        .join(Building.grid)
        .where(Voter.election_id == election.id)
        .order_by(Grid.name, Building.name, Household.code, Resident.full_name)
    ).all()
    grids = {}
    for resident, code, building, grid in rows:
        grids.setdefault(grid, []).append((resident, code, building))
    return list(grids.items())


def add_voter(actor, election, resident, reason):
    ensure_committee(actor)
    ensure_preparing(election)
    if resident is None:
        raise ServiceError(_l("There is no resident with this number."), "resident")
    if is_listed(election, resident):
        raise ServiceError(_l("This resident is already on the voter list."), "resident")
    if not (reason or "").strip():
        raise ServiceError(_l("Give the reason."), "reason")
    db.session.add(Voter(election_id=election.id, resident_id=resident.id, source=VoterSource.ADDED))  # fmt: skip
    db.session.flush()
    audit.record("election.voter_added", election, actor=actor, data={"resident": resident.id, "reason": reason.strip()}, personal={"reason"})  # fmt: skip


def remove_voter(actor, election, resident, reason):
    ensure_committee(actor)
    ensure_preparing(election)
    voter = db.session.scalars(
        select(Voter).filter_by(election_id=election.id, resident_id=getattr(resident, "id", None))
    ).first()
    if voter is None:
        raise ServiceError(_l("This resident is not on the voter list."), "resident")
    if not (reason or "").strip():
        raise ServiceError(_l("Give the reason."), "reason")
    db.session.delete(voter)
    db.session.flush()
    audit.record("election.voter_removed", election, actor=actor, data={"resident": resident.id, "reason": reason.strip()}, personal={"reason"})  # fmt: skip


def publish_voter_list(actor, election, *, at=None):
    from consult.elections import VOTER_LIST_PUBLISHED

    ensure_committee(actor)
    ensure_preparing(election)
    count = voter_count(election)
    if not count:
        raise ServiceError(_l("The voter list is empty: draw it from the register first."))
    publication = record_publication(actor, election, PublicationKind.VOTER_LIST, count, at=at)
    # Every verified resident hears of it, listed or not: they may object.
    people = db.session.scalars(
        select(Resident).where(Resident.user_id.is_not(None)).options(selectinload(Resident.user))
    ).all()
    notify(
        VOTER_LIST_PUBLISHED,
        [p.user for p in people],
        path=f"/elections/{election.id}",
        title=titles(election),
    )
    return publication


# Objections -------------------------------------------------------------------------------


def objection_window(election):
    """(first day, last day) objections may be lodged, or None before publication."""
    published = first_publication(election, PublicationKind.VOTER_LIST)
    if published is None:
        return None
    first = clock.local_date(published.published_at)
    return first, first + timedelta(days=election.rules.objection_days)


def lodge_objection(user, election, reason, *, today=None):
    if not getattr(user, "is_authenticated", False):
        raise ServiceError(_l("Sign in to lodge an objection."))
    ensure_preparing(election)
    today = today or clock.today()
    window = objection_window(election)
    if window is None:
        raise ServiceError(_l("The voter list is not published yet."))
    if not window[0] <= today <= window[1]:
        raise ServiceError(_l("Objections could be lodged until %(day)s.", day=window[1].isoformat()))  # fmt: skip
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise ServiceError(_l("Say what is wrong with the voter list."), "reason")
    open_one = db.session.scalar(
        select(Objection.id).where(
            Objection.election_id == election.id,
            Objection.user_id == user.id,
            Objection.decision.is_(None),
        )
    )
    if open_one:
        raise ServiceError(_l("You have an objection waiting for the committee's decision."))
    resident = resident_of(user)
    objection = Objection(
        election_id=election.id,
        user_id=user.id,
        resident_id=resident.id if resident else None,
        reason=reason,
        decide_by=today + timedelta(days=election.rules.objection_decision_days),
    )
    db.session.add(objection)
    db.session.flush()
    audit.record("election.objection_lodged", objection, actor=user)
    return objection


def objections_of(election, user=None):
    stmt = select(Objection).where(Objection.election_id == election.id)
    if user is not None:
        stmt = stmt.where(Objection.user_id == user.id)
    return db.session.scalars(
        stmt.options(selectinload(Objection.user), selectinload(Objection.resident)).order_by(
            Objection.lodged_at, Objection.id
        )
    ).all()


def decide_objection(actor, objection, decision, note):
    """Uphold or reject; an upheld objection by someone not listed puts them on the list.
    The person is told in their language."""
    from consult.elections import OBJECTION_DECIDED

    ensure_committee(actor)
    ensure_preparing(objection.election)
    if objection.decision is not None:
        raise ServiceError(_l("This objection has been decided already."))
    decision = ObjectionDecision.parse(decision)
    if decision is None:
        raise ServiceError(_l("Choose whether the objection is upheld or rejected."), "decision")
    if not (note or "").strip():
        raise ServiceError(_l("Give the reason for the decision; the resident reads it."), "note")
    objection.decision, objection.note = decision, note.strip()
    objection.decided_at, objection.decided_by_id = clock.now(), actor.id
    election = objection.election
    added = False
    resident = objection.resident
    if decision is ObjectionDecision.UPHELD and resident and not is_listed(election, resident):
        add_voter(actor, election, resident, note)
        added = True
    db.session.flush()
    audit.record(
        "election.objection_decided",
        objection,
        actor=actor,
        data={"decision": decision.value, "note": objection.note, "added": added},
        personal={"note"},
    )
    notify(
        OBJECTION_DECIDED,
        [objection.user],
        path=f"/elections/{election.id}",
        title=titles(election),
        decision=in_each_locale(decision.label),
        note=objection.note,
    )
    return objection
