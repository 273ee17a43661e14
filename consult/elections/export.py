"""Everything the committee entered for elections, as tables of its "export everything"
(the export hook): one CSV per kind of record."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core.domain import ExportTable
from consult.elections.models import (
    Candidate,
    CodeOfConduct,
    Contest,
    CountingStaff,
    CountReview,
    Declaration,
    Election,
    ElectionText,
    HelperApplication,
    HelperAssignment,
    MobileVoter,
    Objection,
    PollingStation,
    Proxy,
    Publication,
    Relation,
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
                    ("election_id", "station", "place", "mobile", "starts_at", "ends_at", "observers", "volunteers", "shift_id"),
                    _rows(select(Shift).order_by(Shift.id), lambda s: (
                        s.station.election_id, s.station.name, s.station.place, s.station.mobile,
                        s.starts_at.isoformat(), s.ends_at.isoformat(), s.observer_capacity, s.volunteer_capacity, s.id))),
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
        ExportTable("election_texts.csv", _l("Each election's title and description in each content language."),
                    ("election_id", "language", "title", "description"),
                    _rows(select(ElectionText).order_by(ElectionText.election_id, ElectionText.id), lambda t: (
                        t.election_id, t.language, t.title, t.description))),
        ExportTable("election_contests.csv", _l("The posts each election fills, with their seats."),
                    ("election_id", "contest_id", "post", "seats", "position"),
                    _rows(select(Contest).order_by(Contest.election_id, Contest.position), lambda c: (
                        c.election_id, c.id, c.kind.value, c.seats, c.position))),
        ExportTable("election_stations.csv", _l("Polling stations: name, place, hours, mobile ballot box or not."),
                    ("election_id", "station_id", "name", "place", "opens", "closes", "mobile"),
                    _rows(select(PollingStation).order_by(PollingStation.id), lambda s: (
                        s.election_id, s.id, s.name, s.place, s.opens.isoformat(), s.closes.isoformat(), s.mobile))),
        ExportTable("election_mobile_voters.csv", _l("Voters who vote at a mobile ballot box (register entries)."),
                    ("election_id", "station", "resident_id", "full_name"),
                    _rows(select(MobileVoter).order_by(MobileVoter.id), lambda m: (
                        m.station.election_id, m.station.name, m.resident_id, m.resident.full_name))),
        ExportTable("election_objections.csv", _l("Objections to voter lists: who lodged them (account number), about which register entry, the reason and the committee's decision."),
                    ("election_id", "account_id", "resident_id", "reason", "lodged_at", "decide_by",
                     "decision", "note", "decided_at", "decided_by_id"),
                    _rows(select(Objection).order_by(Objection.id), lambda o: (
                        o.election_id, o.user_id, o.resident_id, o.reason, o.lodged_at.isoformat(), o.decide_by,
                        o.decision.value if o.decision else None, o.note, o.decided_at, o.decided_by_id))),
        ExportTable("election_relations.csv", _l("Family relations declared between candidates and relatives (register entries or names)."),
                    ("election_id", "candidate", "relative_resident_id", "relative_name", "kind", "declared_by", "declared_at"),
                    _rows(select(Relation).order_by(Relation.id), lambda r: (
                        r.election_id, r.candidate.name, r.resident_id, r.relative_name, r.kind.value,
                        r.declared_by.value, r.declared_at.isoformat()))),
        ExportTable("election_codes_of_conduct.csv", _l("Each version of the observers' code of conduct, in every content language (JSON)."),
                    ("election_id", "version", "texts", "created_at", "created_by_id"),
                    _rows(select(CodeOfConduct).order_by(CodeOfConduct.election_id, CodeOfConduct.version), lambda c: (
                        c.election_id, c.version, c.texts_json, c.created_at.isoformat(), c.created_by_id))),
        ExportTable("election_publications.csv", _l("Lists made public (voter list, candidates, counting staff, proxies): when, by whom (account number), how many names."),
                    ("election_id", "kind", "published_at", "published_by_id", "count"),
                    _rows(select(Publication).order_by(Publication.id), lambda p: (
                        p.election_id, p.kind.value, p.published_at.isoformat(), p.published_by_id, p.count))),
        ExportTable("election_helper_applications.csv", _l("Observers' and volunteers' sign-ups, one row each, with those that asked for no shift."),
                    ("election_id", "application", "role", "full_name", "latin_name", "nationality", "languages",
                     "email", "phone", "locale", "preferred_station_id", "relation_candidate_id",
                     "relation_kind", "conduct_version", "status", "created_at", "confirmed_at"),
                    _rows(select(HelperApplication).order_by(HelperApplication.id), lambda a: (
                        a.election_id, a.id, a.role.value, a.full_name, a.latin_name, a.nationality, a.languages,
                        a.email, a.phone, a.locale, a.preferred_station_id, a.relation_candidate_id,
                        a.relation_kind.value if a.relation_kind else None, a.conduct_version, a.status.value,
                        a.created_at.isoformat(), a.confirmed_at))),
    ]  # fmt: skip
