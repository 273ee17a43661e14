"""What elections hold about one person (the personal-data hooks, consult.core.domain).

By their register entry: the voter lists they are on (and a mobile ballot box), their
candidacies with their statements, the family relations declared about them (kinds only),
their places in the counting staff, the proxies they gave or hold (the other person not
named), and the objections to a voter list they lodged. By their account's e-mail address:
their sign-ups as an observer or volunteer (made without an account), each shift asked for
and the committee's decision, and the countersignatures and objections they made on
election day.

When the account is deleted:

- the deletion is **refused** while the person stands as a candidate (not withdrawn) in an
  election whose results are not declared, and while they are an approved observer or
  volunteer for a shift of such an election: the candidate list, the ballot papers and the
  stations' staffing depend on them, and the committee must be able to reach them. Once
  the results are declared, the election is cancelled, or they withdraw, it goes through;
- a sign-up never approved for any shift (waiting, wait-listed, declined, lapsed or
  withdrawn) is deleted, with the personal values the audit trail keeps for it;
- a sign-up that served (approved for a shift, countersigned a count) stays as the record
  of who observed, with its e-mail address and phone number blanked and the audit trail's
  personal values for it removed;
- the voter lists, candidacies, relations, counting staff and proxies belong to the
  register entry, which is the committee's and stays; objections stay as the committee's
  record of what it decided, attributed to "a former resident".
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select

from consult.core import audit
from consult.core.domain import PersonalTable
from consult.core.services import ServiceError
from consult.elections.models import (
    ApplicationStatus,
    AssignmentStatus,
    Candidate,
    CountingStaff,
    CountReview,
    DeclaredBy,
    Election,
    ElectionStatus,
    HelperApplication,
    HelperAssignment,
    HelperRole,
    MobileVoter,
    Objection,
    ObjectionDecision,
    PollingStation,
    Proxy,
    Relation,
    RelationKind,
    ReviewKind,
    StaffRole,
    Voter,
    VoterSource,
)
from consult.elections.services.common import titles
from consult.extensions import db
from consult.i18n import DEFAULT_LOCALE, current_locale_name
from consult.residents.services import resident_of

audit.describe("election.helper_forgotten", _l("Observer or volunteer sign-up deleted: the account was deleted"))  # fmt: skip
audit.describe("election.helper_contact_blanked", _l("Observer or volunteer contact details removed: the account was deleted"))  # fmt: skip

UNDER_WAY = (ElectionStatus.PREPARING, ElectionStatus.COUNTING, ElectionStatus.SECOND_ROUND)
ELECTION = ("election", _l("Election"))
DAY = ("election_day", _l("Election day"))


def title(election):
    return titles(election).get(current_locale_name() or DEFAULT_LOCALE, "")


def under_way(election):
    return ElectionStatus(election.status) in UNDER_WAY


def applications_of(user):
    """Sign-ups made with the account's e-mail address (sign-ups need no account)."""
    if not user.email:
        return []
    return db.session.scalars(
        select(HelperApplication)
        .where(func.lower(HelperApplication.email) == user.email.strip().lower())
        .order_by(HelperApplication.id)
    ).all()


def _label(choice, value):
    return choice(value).label if value else None


def _register_tables(resident):
    rid = resident.id
    listed = db.session.execute(
        select(Voter, Election).join(Election, Election.id == Voter.election_id)
        .where(Voter.resident_id == rid).order_by(Election.election_day, Voter.id)
    ).all()  # fmt: skip
    mobile = dict(
        db.session.execute(
            select(PollingStation.election_id, PollingStation.name)
            .join(MobileVoter, MobileVoter.station_id == PollingStation.id)
            .where(MobileVoter.resident_id == rid)
        ).all()
    )
    candidacies = db.session.scalars(
        select(Candidate).where(Candidate.resident_id == rid).order_by(Candidate.id)
    ).all()
    relations = db.session.scalars(
        select(Relation)
        .join(Candidate, Candidate.id == Relation.candidate_id)
        .where(or_(Candidate.resident_id == rid, Relation.resident_id == rid))
        .order_by(Relation.id)
    ).all()
    staff = db.session.scalars(
        select(CountingStaff).where(CountingStaff.resident_id == rid).order_by(CountingStaff.id)
    ).all()
    proxies = db.session.scalars(
        select(Proxy).where(or_(Proxy.voter_id == rid, Proxy.proxy_id == rid)).order_by(Proxy.id)
    ).all()
    return [
        PersonalTable(
            "election_voter_lists",
            _l("Voter lists you are on"),
            (
                ELECTION,
                DAY,
                ("source", _l("How you were listed")),
                ("mobile_box", _l("Mobile ballot box")),
            ),
            [
                (title(e), e.election_day, VoterSource(v.source).label, mobile.get(e.id))
                for v, e in listed
            ],
        ),  # fmt: skip
        PersonalTable(
            "election_candidacies",
            _l("Your candidacies"),
            (
                ELECTION,
                DAY,
                ("post", _l("Post")),
                ("name", _l("Name")),
                ("latin_name", _l("Name in Latin letters")),
                ("nomination_votes", _l("Nomination votes")),
                ("photo", _l("Photo")),
                ("withdrawn_on", _l("Withdrawn on")),
                ("withdrawal_note", _l("Note")),
                ("statements", _l("Your statement")),
            ),
            [
                (
                    title(c.contest.election),
                    c.contest.election.election_day,
                    c.contest.label,
                    c.name,
                    c.latin_name,
                    c.nomination_votes,
                    bool(c.photo),
                    c.withdrawn_on,
                    c.withdrawal_note,
                    "\n\n".join(f"[{s.language}] {s.text}" for s in c.statements),
                )
                for c in candidacies
            ],
        ),  # fmt: skip
        PersonalTable(
            "election_relations",
            _l("Family relations declared in elections"),
            (
                ELECTION,
                ("you_are", _l("You are")),
                ("kind", _l("Relation")),
                ("declared_by", _l("Declared by")),
                ("declared_at", _l("When")),
            ),
            [
                (
                    title(r.candidate.contest.election),
                    _l("the candidate") if r.candidate.resident_id == rid else _l("the relative"),
                    RelationKind(r.kind).label,
                    DeclaredBy(r.declared_by).label,
                    r.declared_at,
                )
                for r in relations
            ],
            _l(
                "Relations between a candidate and a relative that the rules ask to declare; the other person is not named here."
            ),
        ),  # fmt: skip
        PersonalTable(
            "election_counting_staff",
            _l("Your places in the counting staff"),
            (ELECTION, ("station", _l("Polling station")), ("role", _l("Role"))),
            [(title(s.station.election), s.station.name, StaffRole(s.role).label) for s in staff],
        ),
        PersonalTable(
            "election_proxies",
            _l("Proxy votes"),
            (
                ELECTION,
                ("direction", _l("Who votes for whom")),
                ("relation", _l("Relation")),
                ("signed_on", _l("Signed on")),
                ("published_at", _l("Published")),
            ),
            [
                (
                    title(db.session.get(Election, p.election_id)),
                    _l("Someone votes for you")
                    if p.voter_id == rid
                    else _l("You vote for someone"),
                    RelationKind(p.relation).label,
                    p.signed_on,
                    p.published_at,
                )
                for p in proxies
            ],
            _l(
                "Written authorisations to vote for another voter; the other person is not named here (the published proxy list names both)."
            ),
        ),  # fmt: skip
    ]


def personal_data(user):
    resident = resident_of(user)
    tables = _register_tables(resident) if resident is not None else []
    objections = db.session.scalars(
        select(Objection).where(Objection.user_id == user.id).order_by(Objection.id)
    ).all()
    tables.append(
        PersonalTable(
            "election_objections",
            _l("Your objections to voter lists"),
            (
                ELECTION,
                ("lodged_at", _l("Lodged")),
                ("own_entry", _l("About your own entry")),
                ("reason", _l("Your reason")),
                ("decide_by", _l("To be decided by")),
                ("decision", _l("Decision")),
                ("note", _l("The committee's reason")),
                ("decided_at", _l("Decided")),
            ),
            [
                (
                    title(o.election),
                    o.lodged_at,
                    resident is not None and o.resident_id == resident.id,
                    o.reason,
                    o.decide_by,
                    _label(ObjectionDecision, o.decision),
                    o.note,
                    o.decided_at,
                )
                for o in objections
            ],
        )  # fmt: skip
    )
    applications = applications_of(user)
    shifts, reviews = [], []
    for a in applications:
        for s in a.assignments:
            shifts.append((
                title(a.election), HelperRole(a.role).label, s.shift.station.name,
                s.shift.starts_at, s.shift.ends_at, AssignmentStatus(s.status).label,
                s.requested_at, s.decided_at,
            ))  # fmt: skip
    if applications:
        reviews = db.session.scalars(
            select(CountReview)
            .join(HelperAssignment, HelperAssignment.id == CountReview.assignment_id)
            .where(HelperAssignment.application_id.in_([a.id for a in applications]))
            .order_by(CountReview.id)
        ).all()
    tables += [
        PersonalTable(
            "election_helper_signups",
            _l("Your sign-ups as an observer or volunteer"),
            (
                ELECTION, ("role", _l("Role")), ("full_name", _l("Full name")),
                ("latin_name", _l("Name in Latin letters")), ("nationality", _l("Nationality")),
                ("languages", _l("Languages spoken")), ("email", _l("E-mail address")),
                ("phone", _l("Phone")), ("relation", _l("Declared relation to a candidate")),
                ("conduct_version", _l("Code of conduct accepted (version)")),
                ("status", _l("Status")), ("created_at", _l("Signed up")),
                ("confirmed_at", _l("Confirmed")),
            ),
            [
                (
                    title(a.election), HelperRole(a.role).label, a.full_name, a.latin_name,
                    a.nationality, a.languages, a.email, a.phone,
                    _label(RelationKind, a.relation_kind), a.conduct_version,
                    ApplicationStatus(a.status).label, a.created_at, a.confirmed_at,
                )
                for a in applications
            ],
            _l("Sign-ups need no account: these are the ones made with your account's e-mail address."),
        ),
        PersonalTable(
            "election_helper_shifts",
            _l("Shifts you asked for"),
            (
                ELECTION, ("role", _l("Role")), ("station", _l("Polling station")),
                ("starts_at", _l("Starts")), ("ends_at", _l("Ends")),
                ("status", _l("The committee's decision")), ("requested_at", _l("Asked")),
                ("decided_at", _l("Decided")),
            ),
            shifts,
        ),
        PersonalTable(
            "election_count_reviews",
            _l("Counts you countersigned or objected to"),
            (
                ELECTION, ("station", _l("Polling station")), ("round", _l("Round")),
                ("kind", _l("What")), ("text", _l("Your objection")), ("made_at", _l("When")),
                ("answer", _l("The committee's answer")), ("answered_at", _l("Answered")),
            ),
            [
                (
                    title(db.session.get(Election, r.election_id)), r.station.name, r.round,
                    ReviewKind(r.kind).label, r.text, r.made_at, r.answer, r.answered_at,
                )
                for r in reviews
            ],
        ),
    ]  # fmt: skip
    return tables


def _served(application):
    served = (AssignmentStatus.APPROVED, AssignmentStatus.REVOKED)
    if any(AssignmentStatus(s.status) in served for s in application.assignments):
        return True
    ids = [s.id for s in application.assignments]
    return bool(ids) and db.session.scalar(
        select(func.count(CountReview.id)).where(CountReview.assignment_id.in_(ids))
    ) > 0  # fmt: skip


def forget_user(user, actor):
    """Refuse while a candidacy or an approved shift is under way; else delete the sign-ups
    that never served and blank the contact details of those that did."""
    resident = resident_of(user)
    if resident is not None:
        for candidate in db.session.scalars(
            select(Candidate).where(Candidate.resident_id == resident.id, Candidate.withdrawn_on.is_(None))
        ):  # fmt: skip
            election = candidate.contest.election
            if under_way(election):
                raise ServiceError(
                    _l(
                        "This person stands as a candidate in “%(title)s”, whose results are not declared yet. The account can be deleted once they are, or after the candidate withdraws.",
                        title=title(election),
                    )
                )
    applications = applications_of(user)
    for application in applications:
        approved = any(
            AssignmentStatus(s.status) is AssignmentStatus.APPROVED for s in application.assignments
        )
        if approved and under_way(application.election):
            raise ServiceError(
                _l(
                    "This person is an approved observer or volunteer for a shift of “%(title)s”, whose results are not declared yet. Cancel the shift first (the person's link, or the committee's page), or wait for the declaration.",
                    title=title(application.election),
                )
            )
    for application in applications:
        if _served(application):
            application.email = None
            application.phone = None
            audit.record("election.helper_contact_blanked", object_type="helperapplication", object_id=application.id, actor=actor)  # fmt: skip
        else:
            audit.record("election.helper_forgotten", object_type="helperapplication", object_id=application.id, actor=actor, data={"status": ApplicationStatus(application.status).value})  # fmt: skip
            db.session.delete(application)
        audit.purge_subject("helperapplication", application.id)
    db.session.flush()
