"""Everything the committee entered for elections, as tables of its "export everything"
(the export hook): one CSV per kind of record."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core.domain import ExportTable
from consult.elections.models import (
    Candidate,
    CountingStaff,
    CountReview,
    Declaration,
    Election,
    HelperApplication,
    HelperAssignment,
    Proxy,
    SecondRound,
    Shift,
    StationCount,
    Voter,
)
from consult.extensions import db


def _rows(stmt, row):
    return lambda: [tuple("" if v is None else str(v) for v in row(item)) for item in db.session.scalars(stmt)]  # fmt: skip


def export_tables():
    return [
        ExportTable("elections.csv", _l("Elections: day, status, titles, rule set."),
                    ("id", "election_day", "status", "titles", "rules"),
                    _rows(select(Election).order_by(Election.id), lambda e: (
                        e.id, e.election_day, e.status.value,
                        "; ".join(f"{t.language}: {t.title}" for t in e.texts), e.rules_json))),
        ExportTable("election_shifts.csv", _l("Polling stations and their shifts."),
                    ("election_id", "station", "place", "mobile", "starts_at", "ends_at", "observers", "volunteers"),
                    _rows(select(Shift).order_by(Shift.id), lambda s: (
                        s.station.election_id, s.station.name, s.station.place, s.station.mobile,
                        s.starts_at.isoformat(), s.ends_at.isoformat(), s.observer_capacity, s.volunteer_capacity))),
        ExportTable("election_voters.csv", _l("Voter lists: one row per voter."),
                    ("election_id", "resident_id", "full_name", "source"),
                    _rows(select(Voter).order_by(Voter.id), lambda v: (
                        v.election_id, v.resident_id, v.resident.full_name, v.source.value))),
        ExportTable("election_candidates.csv", _l("Candidates and their profiles."),
                    ("election_id", "contest", "name", "latin_name", "nomination_votes", "withdrawn_on", "statements"),
                    _rows(select(Candidate).order_by(Candidate.id), lambda c: (
                        c.election_id, c.contest.kind.value, c.name, c.latin_name, c.nomination_votes,
                        c.withdrawn_on, "; ".join(f"{s.language}: {s.text}" for s in c.statements)))),
        ExportTable("election_counting_staff.csv", _l("Counting staff per station."),
                    ("election_id", "station", "role", "full_name"),
                    _rows(select(CountingStaff).order_by(CountingStaff.id), lambda s: (
                        s.election_id, s.station.name, s.role.value, s.resident.full_name))),
        ExportTable("election_proxies.csv", _l("Proxy votes."),
                    ("election_id", "voter", "proxy", "relation", "signed_on", "published_at"),
                    _rows(select(Proxy).order_by(Proxy.id), lambda p: (
                        p.election_id, p.voter.full_name, p.proxy.full_name, p.relation.value,
                        p.signed_on, p.published_at))),
        ExportTable("election_helpers.csv", _l("Observers' and volunteers' sign-ups, per shift."),
                    ("election_id", "role", "full_name", "latin_name", "nationality", "languages",
                     "email", "phone", "application", "shift_id", "decision"),
                    _rows(select(HelperAssignment).join(HelperApplication).order_by(HelperAssignment.id), lambda a: (
                        a.application.election_id, a.application.role.value, a.application.full_name,
                        a.application.latin_name, a.application.nationality, a.application.languages,
                        a.application.email, a.application.phone, a.application.status.value,
                        a.shift_id, a.status.value))),
        ExportTable("election_station_counts.csv", _l("Stations' counts, every entry (corrections with their reasons)."),
                    ("election_id", "contest", "station", "round", "version", "voters_signed", "ballots_cast",
                     "invalid", "blank", "votes", "write_ins", "against", "abstain", "reason", "entered_at"),
                    _rows(select(StationCount).order_by(StationCount.id), lambda c: (
                        c.election_id, c.contest.kind.value, c.station.name, c.round, c.version,
                        c.voters_signed, c.ballots_cast, c.invalid, c.blank, c.votes_json, c.write_ins_json,
                        c.against_json, c.abstain_json, c.reason, c.entered_at.isoformat()))),
        ExportTable("election_second_rounds.csv", _l("Second rounds and their days."),
                    ("election_id", "contest", "held_on", "scheduled_at"),
                    _rows(select(SecondRound).order_by(SecondRound.id), lambda r: (
                        r.contest.election_id, r.contest.kind.value, r.held_on, r.scheduled_at.isoformat()))),
        ExportTable("election_count_reviews.csv", _l("Observers' countersignatures and objections, with the answers."),
                    ("election_id", "station", "round", "observer", "kind", "text", "made_at", "answer", "answered_at"),
                    _rows(select(CountReview).order_by(CountReview.id), lambda r: (
                        r.election_id, r.station.name, r.round, r.assignment.application.latin_name, r.kind.value,
                        r.text, r.made_at.isoformat(), r.answer, r.answered_at))),
        ExportTable("election_declarations.csv", _l("Declarations of results, as declared (JSON)."),
                    ("election_id", "declared_at", "results"),
                    _rows(select(Declaration).order_by(Declaration.id), lambda d: (
                        d.election_id, d.declared_at.isoformat(), d.results_json))),
    ]  # fmt: skip
