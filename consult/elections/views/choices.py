"""Select-box choices the committee's forms share (voters, stations, candidates)."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.elections.models import Voter
from consult.elections.services.candidates import candidates_of
from consult.extensions import db
from consult.residents.models import Household, Resident


def _label(resident, code):
    latin = f" / {resident.latin_name}" if resident.latin_name else ""
    return f"{resident.full_name}{latin} · {code}"


def voter_choices(election, blank=True):
    rows = db.session.execute(
        select(Resident, Household.code)
        .join(Voter, Voter.resident_id == Resident.id)
        .join(Resident.household)
        .where(Voter.election_id == election.id)
        .order_by(Household.code, Resident.full_name)
    ).all()
    choices = [(r.id, _label(r, code)) for r, code in rows]
    return ([("", _l("Choose…"))] if blank else []) + choices


def unlisted_choices(election):
    listed = select(Voter.resident_id).where(Voter.election_id == election.id)
    rows = db.session.execute(
        select(Resident, Household.code)
        .join(Resident.household)
        .where(Resident.id.not_in(listed))
        .order_by(Household.code, Resident.full_name)
    ).all()
    return [("", _l("Choose…"))] + [(r.id, _label(r, code)) for r, code in rows]


def resident_choices():
    rows = db.session.execute(
        select(Resident, Household.code)
        .join(Resident.household)
        .order_by(Household.code, Resident.full_name)  # fmt: skip
    ).all()
    return [("", _l("Not in the register / choose…"))] + [(r.id, _label(r, code)) for r, code in rows]  # fmt: skip


def station_choices(election):
    return [("", _l("Choose…"))] + [(s.id, s.name) for s in election.stations]


def candidate_choices(election, none_label):
    return [("", none_label)] + [
        (c.id, f"{c.name} / {c.latin_name}") for c in candidates_of(election, active_only=True)
    ]


def contest_choices(election):
    return [(c.id, c.label) for c in election.contests]
