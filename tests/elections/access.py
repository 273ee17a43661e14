"""Who may use each elections route (see tests/access.py). Nobody signed out, and no
resident, sees the voter list; helpers' pages are reached by signed links."""

from sqlalchemy import select

from tests.access import ANYONE, COMMITTEE_ONLY, LOGIN, ROLES

SIGNED_IN_POST = {None: LOGIN, "resident": 302, "translator": 302, "committee": 302}

ACCESS = {
    "elections.index": ANYONE,
    "elections.election": ANYONE,
    "elections.new": COMMITTEE_ONLY,
    "elections.edit": COMMITTEE_ONLY,
    "elections.rules": COMMITTEE_ONLY,
    "elections.stations": COMMITTEE_ONLY,
    "elections.station": COMMITTEE_ONLY,
    "elections.delete_station": COMMITTEE_ONLY,
    "elections.add_shift": COMMITTEE_ONLY,
    "elections.delete_shift": COMMITTEE_ONLY,
    "elections.add_mobile_voter": COMMITTEE_ONLY,
    "elections.remove_mobile_voter": COMMITTEE_ONLY,
    "elections.code_of_conduct": COMMITTEE_ONLY,
    "elections.voters": COMMITTEE_ONLY,
    "elections.print_voters": COMMITTEE_ONLY,
    "elections.draw_voters": COMMITTEE_ONLY,
    "elections.publish_voters": COMMITTEE_ONLY,
    "elections.add_voter": COMMITTEE_ONLY,
    "elections.remove_voter": COMMITTEE_ONLY,
    "elections.lodge_objection": SIGNED_IN_POST,
    "elections.objections": COMMITTEE_ONLY,
    "elections.decide_objection": COMMITTEE_ONLY,
    "elections.candidates": COMMITTEE_ONLY,
    "elections.publish_candidates": COMMITTEE_ONLY,
    "elections.candidate": COMMITTEE_ONLY,
    "elections.upload_photo": COMMITTEE_ONLY,
    "elections.withdraw_candidate": COMMITTEE_ONLY,
    "elections.remove_candidate": COMMITTEE_ONLY,
    "elections.add_relation": COMMITTEE_ONLY,
    "elections.remove_relation": COMMITTEE_ONLY,
    # Before publication only the committee sees a photo (others: 404).
    "elections.candidate_photo": {
        None: 404,
        "resident": 404,
        "translator": 404,
        "committee": 200,
    },  # fmt: skip
    "elections.staff": COMMITTEE_ONLY,
    "elections.remove_staff": COMMITTEE_ONLY,
    "elections.publish_staff": COMMITTEE_ONLY,
    "elections.proxies": COMMITTEE_ONLY,
    "elections.withdraw_proxy": COMMITTEE_ONLY,
    "elections.publish_proxies": COMMITTEE_ONLY,
    "elections.print_proxies": COMMITTEE_ONLY,
    "elections.helpers": COMMITTEE_ONLY,
    "elections.decide_assignment": COMMITTEE_ONLY,
    "elections.roster": COMMITTEE_ONLY,
    "elections.roster_download": COMMITTEE_ONLY,
    "elections.sign_up": ANYONE,
    "elections.confirm_helper": ANYONE,
    "elections.my_sign_up": ANYONE,
    "elections.cancel_shift": dict.fromkeys(ROLES, 302),
    "elections.shift_calendar": ANYONE,
    "elections.badge": ANYONE,
    "elections.verify_badge": ANYONE,
    # Election day: the committee counts and declares; the results are public; an approved
    # observer countersigns through a signed link (no account).
    "elections.count": COMMITTEE_ONLY,
    "elections.begin_count": COMMITTEE_ONLY,
    "elections.enter_count": COMMITTEE_ONLY,
    "elections.schedule_second_round": COMMITTEE_ONLY,
    "elections.answer_review": COMMITTEE_ONLY,
    "elections.declare": COMMITTEE_ONLY,
    "elections.results": ANYONE,
    "elections.print_results": ANYONE,
    "elections.countersign": ANYONE,
    "api.elections_elections": ANYONE,
    "api.elections_election": ANYONE,
}


def url_values(db):
    """The demo election, its pieces, and a helper's links (an approved observer); the past
    demo election for election day's routes."""
    from consult.elections import links
    from consult.elections.models import (
        AssignmentStatus,
        Candidate,
        CountingStaff,
        CountReview,
        Election,
        HelperAssignment,
        MobileVoter,
        Objection,
        PollingStation,
        Proxy,
        Relation,
        Shift,
    )
    from consult.elections.photos import photo_folder

    election, past = db.session.scalars(select(Election).order_by(Election.id)).all()[:2]
    candidate = db.session.scalars(select(Candidate).filter_by(election_id=election.id)).first()
    approved, other = db.session.scalars(
        select(HelperAssignment)
        .filter_by(status=AssignmentStatus.APPROVED.value)
        .order_by(HelperAssignment.id)
    ).all()[:2]
    last_candidate = db.session.scalars(
        select(Candidate).filter_by(election_id=election.id).order_by(Candidate.id.desc())
    ).first()
    staff = CountingStaff(
        election_id=election.id,
        station_id=election.stations[0].id,
        resident_id=db.session.scalars(select(Proxy.proxy_id)).first(),
        role="counter",
    )
    db.session.add(staff)
    candidate.photo = "cand-" + "0" * 32 + ".jpg"
    (photo_folder() / candidate.photo).write_bytes(b"\xff\xd8\xff\xd9")
    db.session.commit()
    token = links.manage_token(approved.application)
    review = db.session.scalars(
        select(CountReview).filter_by(election_id=past.id).order_by(CountReview.id)
    ).first()
    return {
        "election_id": election.id,
        "station_id": db.session.scalars(select(PollingStation.id)).first(),
        "shift_id": db.session.scalars(select(Shift.id)).first(),
        "mobile_voter_id": db.session.scalars(select(MobileVoter.id)).first(),
        "objection_id": db.session.scalars(select(Objection.id)).first(),
        "candidate_id": candidate.id,
        "relation_id": db.session.scalars(select(Relation.id)).first(),
        "name": candidate.photo,
        "staff_id": staff.id,
        "proxy_id": db.session.scalars(select(Proxy.id)).first(),
        "assignment_id": approved.id,
        "elections.confirm_helper:token": links.confirm_token(approved.application),
        "elections.my_sign_up:token": token,
        # The walk posts to every route: destructive ones get rows nothing else needs.
        "elections.cancel_shift:token": links.manage_token(other.application),
        "elections.cancel_shift:assignment_id": other.id,
        "elections.remove_candidate:candidate_id": last_candidate.id,
        "elections.shift_calendar:token": token,
        "elections.badge:token": token,
        "elections.verify_badge:token": links.badge_token(approved),
        # The past demo election, counted and declared.
        "elections.enter_count:station_id": past.stations[0].id,
        "elections.enter_count:contest_id": past.contests[-1].id,
        "number": 2,
        "elections.schedule_second_round:contest_id": past.contests[-1].id,
        "review_id": review.id,
        "elections.countersign:token": links.countersign_token(review.assignment),
    }
