"""The demo's past election (the 5th committee, five years ago), counted and declared:
counts at two stations, a count corrected after an observer's objection (answered), the
countersignatures, a second round (另行选举) for the last member seat, and the declaration.
Built through the real services, each step dated on its day.

Like part 1's demo, its rule set lists residents without Chinese nationality: the small demo
register has too few Chinese adults for an election (the default rule set does not)."""

from datetime import time, timedelta

from sqlalchemy import select

from consult.elections import clock
from consult.elections.models import Contest
from consult.elections.services import (
    candidates,
    counts,
    declaration,
    reviews,
    rounds,
    setup,
    signup,
    staff,
    stations,
    voters,
)
from consult.elections.services.decisions import approve_assignment
from consult.extensions import db
from consult.residents.models import Resident

TITLE_ZH = "春江社区第五届居民委员会换届选举"
TITLE_EN = "Election of the 5th Chunjiang Residents' Committee"
DIRECTOR = [("王芳", 10), ("陈磊", 6)]
MEMBERS = [("Anna Smith", 9), ("김민준", 8), ("山田花子", 7), ("Tom Smith", 5)]
OBSERVERS = [  # (full name, Latin name, nationality, languages, e-mail, station index)
    ("Марина Иванова", "Marina Ivanova", "RU", "ru;en", "marina.ivanova@example.org", 0),
    ("Kwame Osei", "Kwame Osei", "GH", "en;zh", "kwame.osei@example.org", 1),
]
VOTERS_NEEDED = 11  # the demo's counts: 11 ballots in round one


def _figures(signed, cast, votes, invalid=0, blank=0, against=(), abstain=(), write_ins=()):
    return {
        "voters_signed": signed, "ballots_cast": cast, "invalid": invalid, "blank": blank,
        "votes": list(votes), "against": list(against) or [0] * len(votes),
        "abstain": list(abstain) or [0] * len(votes), "write_ins": list(write_ins),
    }  # fmt: skip


def _resident(name):
    return db.session.scalars(select(Resident).filter_by(full_name=name)).first()


def _prepare(committee, day, at):
    election = setup.create_election(
        committee, day,
        {"zh": (TITLE_ZH, "选举产生第五届居民委员会主任和委员。"),
         "en": (TITLE_EN, "Electing the 5th committee's director and members.")},
        {"director": 1, "deputy": 0, "member": 3}, today=day - timedelta(days=40),
    )  # fmt: skip
    setup.update_rules(committee, election, {"list_foreign_residents": True})
    hall = stations.save_station(committee, election, name="社区服务中心 Community Service Centre", place="春江路 8 号 · 8 Chunjiang Road", opens=time(7, 30), closes=time(17, 0), mobile=False)  # fmt: skip
    club = stations.save_station(committee, election, name="文鼎苑会所 Wendingyuan Clubhouse", place="文鼎苑 2 幢旁 · beside building 2", opens=time(8, 0), closes=time(16, 0), mobile=False)  # fmt: skip
    shifts = [
        stations.save_shift(
            committee,
            place,
            day=day,
            start=place.opens,
            end=place.closes,
            observers=2,
            volunteers=1,
        )  # fmt: skip
        for place in (hall, club)
    ]
    setup.save_code_of_conduct(committee, election, {"zh": "观察员保持中立，不干扰投票和计票。", "en": "Observers stay neutral and never hinder voting or the count."})  # fmt: skip
    voters.draw_voter_list(committee, election)
    voters.publish_voter_list(committee, election, at=at(day - timedelta(days=20), 9))
    contests = {c.kind.value: c for c in db.session.scalars(select(Contest).filter_by(election_id=election.id))}  # fmt: skip
    for kind, people in (("director", DIRECTOR), ("member", MEMBERS)):
        for name, votes in people:
            resident = _resident(name)
            latin = resident.latin_name or name
            made = candidates.add_candidate(committee, election, contests[kind], resident, name=name, latin_name=latin, nomination_votes=votes, statements={"zh": f"{name}：为邻里服务。", "en": f"{latin}: serving our neighbours."})  # fmt: skip
            made.created_at = made.updated_at = at(day - timedelta(days=8), 10)  # nominated then
    candidates.publish_candidates(committee, election, at=at(day - timedelta(days=5), 9))
    staff.appoint_staff(committee, election, hall, _resident("張志明"), "scrutineer")
    staff.appoint_staff(committee, election, club, _resident("이서연"), "counter")
    staff.publish_staff(committee, election, at=at(day - timedelta(days=5), 9))
    observers = []
    for full, latin, nationality, languages, email, index in OBSERVERS:
        values = {"role": "observer", "full_name": full, "latin_name": latin, "nationality": nationality, "languages": languages, "email": email, "accept_conduct": True}  # fmt: skip
        application = signup.sign_up(election, values, [shifts[index].id], locale="en", now=at(day - timedelta(days=10), 10))  # fmt: skip
        signup.confirm_application(application, now=at(day - timedelta(days=10), 11))
        observers.append(approve_assignment(committee, application.assignments[0]))
    return election, contests, (hall, club), observers


def seed_past_election(committee):
    """Yield what was made, as seed steps do."""
    today = clock.today()
    day = today.replace(year=today.year - 5) if not (today.month == 2 and today.day == 29) else today - timedelta(days=1826)  # fmt: skip

    def at(when, hour, minute=0):
        return clock.at_local(when, time(hour, minute))

    election, contests, (hall, club), (marina, kwame) = _prepare(committee, day, at)
    if voters.voter_count(election) < VOTERS_NEEDED:
        yield "past election: skipped its count (the register has too few adults)"
        return
    yield f"past election: {TITLE_EN} on {day.isoformat()}, 2 stations, {voters.voter_count(election)} voters"  # fmt: skip
    counts.begin_count(committee, election, today=day)
    director, member = contests["director"], contests["member"]
    counts.enter_count(committee, director, hall, 1, _figures(6, 6, [4, 2]), at=at(day, 17, 30))
    counts.enter_count(committee, member, hall, 1, _figures(6, 6, [5, 4, 3, 2]), at=at(day, 17, 40))  # fmt: skip
    counts.enter_count(committee, director, club, 1, _figures(5, 5, [3, 1], invalid=1), at=at(day, 16, 45))  # fmt: skip
    # Read out wrongly at first: one ballot for 山田花子 counted for Tom Smith.
    misread = _figures(5, 5, [3, 2, 1, 2], blank=1, against=[0, 0, 0, 1], abstain=[0, 0, 1, 0], write_ins=[("Jean Dupont", 1)])  # fmt: skip
    counts.enter_count(committee, member, club, 1, misread, at=at(day, 16, 55))
    objection = reviews.review_count(kwame, 1, "objection", "唱票时山田花子有一票被记到了 Tom Smith 名下。One ballot for Yamada Hanako was tallied for Tom Smith.", at=at(day, 17, 5))  # fmt: skip
    corrected = dict(misread, votes=[3, 2, 2, 1])
    counts.enter_count(committee, member, club, 1, corrected, reason="监票人复核选票：一张山田花子的选票误记为 Tom Smith。Scrutineer rechecked the ballots: one vote for Yamada Hanako had been tallied for Tom Smith.", at=at(day, 17, 20))  # fmt: skip
    reviews.answer_objection(committee, objection, "已复核并更正，见第 2 次录入。Rechecked and corrected: see entry 2 of the count.", at=at(day, 17, 25))  # fmt: skip
    reviews.review_count(kwame, 1, "countersigned", at=at(day, 17, 30))
    reviews.review_count(marina, 1, "countersigned", at=at(day, 17, 45))
    yield "past election: round one counted at 2 stations, a count corrected after an observer's objection (answered), countersigned"  # fmt: skip
    second_day = day + timedelta(days=14)
    rounds.schedule_second_round(committee, member, second_day, at=at(day, 18))
    counts.enter_count(committee, member, hall, 2, _figures(5, 5, [3, 2]), at=at(second_day, 17))
    counts.enter_count(committee, member, club, 2, _figures(4, 4, [3, 1]), at=at(second_day, 16, 30))  # fmt: skip
    reviews.review_count(marina, 2, "countersigned", at=at(second_day, 17, 10))
    reviews.review_count(kwame, 2, "countersigned", at=at(second_day, 16, 40))
    declaration.declare_results(committee, election, at=at(second_day, 18))
    yield f"past election: second round on {second_day.isoformat()} for the last member seat; results declared"  # fmt: skip
