"""The demo polls: an open yes/no poll, an open ranked poll (results shown live), and a
closed ranked poll with published instant-runoff results over a few hundred ballots.

The closed poll's voters are the demo register plus a building of international students
in Wendingyuan (the product's reference community has 352 of them), added through the real
importer; most of them voted on paper, through the real paper-ballot services.
"""

import random
from datetime import timedelta

from sqlalchemy import select

from consult.accounts.models import User
from consult.core.models import utcnow
from consult.core.permissions import COMMITTEE
from consult.extensions import db
from consult.polls import jobs, paper, services, voting
from consult.polls.models import MeetingRule, Poll, PollElectorate, ResultsShown, VoterBase
from consult.residents import importer
from consult.residents.csvformat import COLUMNS, export_csv
from consult.residents.models import Building, Household, Resident

STUDENT_BUILDING, STUDENT_GRID = "文鼎苑10", "文鼎苑网格"
GIVEN = ["Amina", "Lucas", "Sofia", "Yuki", "Omar", "Elena", "Minh", "Priya", "Jonas", "Fatima",
         "Mateo", "Aiko", "Kofi", "Ines", "Arjun", "Lea", "Dmitri", "Nadia", "Chen", "Sara"]  # fmt: skip
FAMILY = [("Diallo", "SN"), ("Müller", "DE"), ("Rossi", "IT"), ("Tanaka", "JP"), ("Haddad", "LB"),
          ("Petrova", "RU"), ("Nguyen", "VN"), ("Sharma", "IN"), ("Berg", "NO"), ("Khan", "PK"),
          ("Garcia", "ES"), ("Sato", "JP"), ("Mensah", "GH"), ("Costa", "PT"), ("Patel", "IN"),
          ("Dubois", "FR"), ("Ivanov", "RU"), ("Rahman", "BD"), ("Lim", "MY"), ("Silva", "BR")]  # fmt: skip
STUDENTS, PAPER_VOTERS = 300, 284

CLOSED = {
    "question": {
        "zh": "社区活动中心应当先建设哪一项设施？",
        "en": "Which facility should the community centre build first?",
    },
    "description": {
        "zh": "请按您的偏好排序。采用排序复选制（即时决选）计票。",
        "en": "Rank the options in your order of preference. Counted by instant runoff.",
    },
    "options": [
        {"zh": "儿童游乐区", "en": "Children's play area"},
        {"zh": "图书角", "en": "Reading corner"},
        {"zh": "健身房", "en": "Gym"},
        {"zh": "共享厨房", "en": "Shared kitchen"},
    ],
}
# Preference profiles of the paper ballots (option positions, first choice first), weighted.
PROFILES = [((1, 2, 4), 33), ((3, 1), 24), ((2, 1, 3), 22), ((4, 2, 3), 17), ((2,), 3), ((), 1)]
YES_NO = {
    "question": {
        "zh": "是否同意在3幢前增设电动自行车充电桩？",
        "en": "Should charging points for e-bikes be installed in front of building 3?",
    },
    "description": {
        "zh": "费用由社区公共收益支付，约需两周施工。",
        "en": "Paid from the community's shared income; the work takes about two weeks.",
    },
}
RANKED = {
    "question": {
        "zh": "下一次社区活动选哪个主题？",
        "en": "What should the next community event be?",
    },
    "description": {
        "zh": "请给您喜欢的主题排序，不喜欢的可以不排。",
        "en": "Rank the themes you like; leave out those you do not.",
    },
    "options": [
        {"zh": "国际美食节", "en": "International food festival"},
        {"zh": "中秋赏月晚会", "en": "Mid-Autumn moon party"},
        {"zh": "二手集市", "en": "Second-hand market"},
        {"zh": "社区运动会", "en": "Community sports day"},
    ],
}


def _student_csv():
    rng = random.Random(2026)
    rows = []
    for number in range(STUDENTS):
        given, (family, country) = GIVEN[number % len(GIVEN)], FAMILY[(number * 7) % len(FAMILY)]
        room = 101 + number // 2 + (number // 40) * 60
        born = f"{rng.randint(1995, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        values = {
            "household_code": f"WD-10-{room:04d}", "building": STUDENT_BUILDING,
            "unit": str(1 + number // 100), "room": str(room), "grid": STUDENT_GRID,
            "full_name": f"{given} {family} {number + 1}", "latin_name": "", "gender": "",
            "birth_date": born, "nationality": country, "languages": "en;zh", "phone": "",
            "email": "",
        }  # fmt: skip
        rows.append(tuple(values[column] for column in COLUMNS))
    return export_csv(rows)


def _paper_lines(poll, count):
    rng = random.Random(14)
    profiles, weights = zip(*PROFILES, strict=True)
    lines = []
    for _ in range(count):
        ranking = rng.choices(profiles, weights)[0]
        lines.append(" ".join(str(position) for position in ranking) or "-")
    return "\n".join(lines)


def _account(email):
    return db.session.scalars(select(User).filter_by(email=email)).first()


def seed_polls():
    if db.session.scalars(select(Poll.id)).first() is not None:
        yield "exists: demo polls"
        return
    committee = db.session.scalars(select(User).filter_by(role=COMMITTEE).order_by(User.id)).first()
    if committee is None:
        yield "skipped: no committee account"
        return
    checked, counts = importer.import_register(_student_csv(), actor=committee)
    if counts is None:
        raise RuntimeError(f"demo students have problems: {checked.problems[:3]}")
    yield f"register: {counts['residents_created']} students in building {STUDENT_BUILDING}"
    yield from _closed_poll(committee)
    now = utcnow()
    services.create_poll(
        committee, method="yes_no", base=VoterBase.VERIFIED, meeting=MeetingRule.NONE,
        opens_at=now + timedelta(minutes=1), closes_at=now + timedelta(days=10), **YES_NO,
    )  # fmt: skip
    services.create_poll(
        committee, method="irv", base=VoterBase.VERIFIED, results_shown=ResultsShown.LIVE,
        opens_at=now + timedelta(minutes=1), closes_at=now + timedelta(days=14), **RANKED,
    )  # fmt: skip
    db.session.flush()
    for poll in db.session.scalars(select(Poll).where(Poll.closed_at.is_(None))):
        services.open_poll(committee, poll)
    db.session.commit()
    yield "polls: an open yes/no poll and an open ranked poll (results live)"


def _closed_poll(committee):
    now = utcnow()
    poll = services.create_poll(
        committee, method="irv", base=VoterBase.REGISTER, adults_only=True,
        opens_at=now + timedelta(minutes=1), closes_at=now + timedelta(days=1), **CLOSED,
    )  # fmt: skip
    services.open_poll(committee, poll)
    for email, ranking in (("wang.fang@example.org", "2 1"), ("anna.smith@example.org", "1 3")):
        user = _account(email)
        if user is not None and electorate_has(poll, user):
            ranks = {
                str(poll.options[int(p) - 1].id): str(r) for r, p in enumerate(ranking.split(), 1)
            }
            voting.cast_ballot(user, poll, {"ranks": ranks})
    students = db.session.scalars(
        select(Resident.id)
        .join(Household)
        .join(Building)
        .where(Building.name == STUDENT_BUILDING)
        .order_by(Resident.id)
    ).all()
    paper.tick_paper_voters(committee, poll, students[:PAPER_VOTERS])
    # The demo's poll ran last month: its times are moved back before the closing.
    poll.opens_at, poll.closes_at = now - timedelta(days=30), now - timedelta(days=23)
    poll.opened_at = poll.opens_at
    db.session.commit()
    jobs.close(poll.id)
    poll = db.session.get(Poll, poll.id)
    paper.enter_paper_batch(committee, poll, _paper_lines(poll, PAPER_VOTERS))
    db.session.commit()
    jobs.publish(poll.id)
    yield f"polls: a closed ranked poll with {PAPER_VOTERS + 2} ballots, results published"


def electorate_has(poll, user):
    return (
        db.session.scalars(
            select(PollElectorate.resident_id)
            .join(Resident, Resident.id == PollElectorate.resident_id)
            .where(PollElectorate.poll_id == poll.id, Resident.user_id == user.id)
        ).first()
        is not None
    )
