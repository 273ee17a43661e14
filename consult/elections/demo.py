"""The demo election: in preparation, its timeline part done, stations with shifts,
candidates, and observers' and volunteers' applications in every state, with a badge to
verify. Built through the real services. Then a past election, counted and declared
(demo_past.py)."""

from datetime import time, timedelta

from sqlalchemy import select

from consult.accounts.models import User
from consult.core.permissions import COMMITTEE
from consult.core.urls import site_path
from consult.elections import clock, links
from consult.elections.demo_past import seed_past_election
from consult.elections.models import (
    Contest,
    Election,
    HelperApplication,
    HelperAssignment,
)
from consult.elections.services import candidates, proxies, setup, signup, stations, voters
from consult.elections.services.decisions import (
    approve_assignment,
    decline_assignment,
    revoke_assignment,
    wait_list_assignment,
)
from consult.extensions import db
from consult.residents.models import Resident

TITLE_ZH = "春江社区第六届居民委员会换届选举"
TITLE_EN = "Election of the 6th Chunjiang Residents' Committee"
CODE = {
    "zh": "1. 观察员佩戴工作证，不干扰选民投票和计票。\n2. 不得查看选票内容，不得替人填写选票。\n3. 发现问题，向监票人或居委会报告。\n4. 保持中立，不为任何候选人拉票。",  # noqa: E501
    "en": "1. Wear your badge; never hinder voters or the count.\n2. Never look at how anyone votes, and never fill in a ballot for anyone.\n3. Report any problem to a scrutineer or the residents' committee.\n4. Stay neutral: do not campaign for any candidate.",  # noqa: E501
}
# (name, Latin name, contest, nomination votes, zh statement, en statement)
CANDIDATES = [
    (
        "王芳",
        "Wang Fang",
        "director",
        11,
        "我会把居民的意见放在第一位。",
        "I will put residents' views first.",
    ),  # fmt: skip
    ("陈磊", "Chen Lei", "director", 7, "让社区更安全、更整洁。", "A safer, cleaner community."),
    (
        "Anna Smith",
        "Anna Smith",
        "member",
        9,
        "连接中外居民。",
        "Bridging Chinese and international neighbours.",
    ),  # fmt: skip
    ("김민준", "Kim Minjun", "member", 8, "关心老人和孩子。", "Care for the old and the young."),
    ("山田花子", "Yamada Hanako", "member", 6, "多办文化活动。", "More cultural events together."),
]
# (full name, Latin name, nationality, languages, e-mail, role, shift index, what happens)
APPLICANTS = [
    (
        "Marina Ivanova",
        "Marina Ivanova",
        "RU",
        "ru;en",
        "marina.ivanova@example.org",
        "observer",
        0,
        "approved",
    ),  # fmt: skip
    (
        "Kwame Osei",
        "Kwame Osei",
        "GH",
        "en;zh",
        "kwame.osei@example.org",
        "observer",
        0,
        "approved",
    ),  # fmt: skip
    (
        "प्रिया शर्मा",
        "Priya Sharma",
        "IN",
        "hi;en",
        "priya.sharma@example.org",
        "observer",
        0,
        "wait_listed",
    ),  # fmt: skip
    (
        "Nguyễn Văn An",
        "Nguyen Van An",
        "VN",
        "vi;zh",
        "nguyen.an@example.org",
        "observer",
        1,
        "requested",
    ),  # fmt: skip
    (
        "Maria Silva",
        "Maria Silva",
        "BR",
        "pt;en",
        "maria.silva@example.org",
        "volunteer",
        1,
        "declined",
    ),  # fmt: skip
    ("Tom Smith", "Tom Smith", "GB", "en", "tom.smith@example.org", "volunteer", 0, "revoked"),
    ("李娜", "Li Na", "CN", "zh", "li.na@example.org", "volunteer", 1, "cancelled"),
    (
        "Jean Dupont",
        "Jean Dupont",
        "FR",
        "fr;en;zh",
        "jean.dupont@example.org",
        "observer",
        1,
        "unconfirmed",
    ),  # fmt: skip
    (
        "Ola Nordmann",
        "Ola Nordmann",
        "NO",
        "no;en",
        "ola.nordmann@example.org",
        "volunteer",
        0,
        "lapsed",
    ),  # fmt: skip
]


def _resident(name):
    return db.session.scalars(select(Resident).filter_by(full_name=name)).first()


def seed_election():
    if db.session.scalar(select(Election.id).limit(1)) is not None:
        yield "exists: an election"
        return
    committee = db.session.scalars(select(User).filter_by(role=COMMITTEE).order_by(User.id)).first()
    if committee is None or _resident("王芳") is None:
        yield "skipped: needs the demo committee and register"
        return
    now, today = clock.now(), clock.today()
    day = today + timedelta(days=12)
    election = setup.create_election(
        committee, day,
        {"zh": (TITLE_ZH, "选举产生居民委员会主任和委员。外籍居民欢迎报名担任观察员和选举志愿者。"),
         "en": (TITLE_EN, "Electing the committee's director and members. International residents are welcome to observe and volunteer.")},  # fmt: skip
        {"director": 1, "deputy": 0, "member": 2},
    )  # fmt: skip
    # The demo register has few Chinese adults: this community's rules list everyone 18+.
    setup.update_rules(committee, election, {"list_foreign_residents": True})
    hall = stations.save_station(committee, election, name="社区服务中心 Community Service Centre", place="春江路 8 号 · 8 Chunjiang Road", opens=time(7, 30), closes=time(17, 0), mobile=False)  # fmt: skip
    club = stations.save_station(committee, election, name="文鼎苑会所 Wendingyuan Clubhouse", place="文鼎苑 2 幢旁 · beside building 2", opens=time(8, 0), closes=time(16, 0), mobile=False)  # fmt: skip
    mobile = stations.save_station(committee, election, name="流动票箱 Mobile ballot box", place="", opens=time(9, 0), closes=time(12, 0), mobile=True)  # fmt: skip
    shifts = [
        stations.save_shift(
            committee, hall, day=day, start=time(7, 30), end=time(12, 0), observers=2, volunteers=2
        ),  # fmt: skip
        stations.save_shift(
            committee, hall, day=day, start=time(12, 0), end=time(17, 0), observers=2, volunteers=2
        ),  # fmt: skip
        stations.save_shift(
            committee, club, day=day, start=time(8, 0), end=time(16, 0), observers=1, volunteers=2
        ),  # fmt: skip
        stations.save_shift(
            committee, mobile, day=day, start=time(9, 0), end=time(12, 0), observers=3, volunteers=0
        ),  # fmt: skip
    ]
    setup.save_code_of_conduct(committee, election, CODE)
    yield f"election: {TITLE_EN} on {day.isoformat()}, 3 stations, {len(shifts)} shifts"

    voters.draw_voter_list(committee, election)
    voters.publish_voter_list(committee, election, at=now - timedelta(days=8))
    stations.add_mobile_voter(committee, mobile, _resident("張志明"))
    wang = db.session.scalars(select(User).filter_by(email="wang.fang@example.org")).first()
    if wang is not None:
        objection = voters.lodge_objection(wang, election, "我母亲上个月搬来同住，名单上没有她。", today=today - timedelta(days=6))  # fmt: skip
        voters.decide_objection(committee, objection, "rejected", "她尚未登记在居民名册中，请先到居委会登记。")  # fmt: skip
    contests = {c.kind.value: c for c in db.session.scalars(select(Contest).filter_by(election_id=election.id))}  # fmt: skip
    for name, latin, contest, votes, zh, en in CANDIDATES:
        candidates.add_candidate(committee, election, contests[contest], _resident(name), name=name, latin_name=latin, nomination_votes=votes, statements={"zh": zh, "en": en})  # fmt: skip
    chen = candidates.candidates_of(election)[1]
    candidates.declare_relation(committee, chen, "spouse", "candidate", resident=_resident("王芳"))
    proxies.file_proxy(committee, election, _resident("이서연"), _resident("Kwame Osei"), "sibling", today, "Demo only.")  # fmt: skip
    yield f"voter list published, {len(CANDIDATES)} candidates (not yet published), 1 proxy vote"

    badge = None
    for full, latin, nationality, languages, email, role, index, fate in APPLICANTS:
        values = {"role": role, "full_name": full, "latin_name": latin, "nationality": nationality, "languages": languages, "email": email, "accept_conduct": True}  # fmt: skip
        created = now - timedelta(days=3) if fate == "lapsed" else now
        application = signup.sign_up(election, values, [shifts[index].id], locale="en", now=created)  # fmt: skip
        if fate in ("unconfirmed", "lapsed"):
            continue
        signup.confirm_application(application)
        assignment = application.assignments[0]
        if fate in ("approved", "revoked", "cancelled"):
            approve_assignment(committee, assignment)
            badge = badge or assignment
        elif fate == "wait_listed":
            wait_list_assignment(committee, assignment)
        elif fate == "declined":
            decline_assignment(committee, assignment)
        if fate == "revoked":
            revoke_assignment(committee, assignment)
        elif fate == "cancelled":
            signup.cancel_assignment(application, assignment)
    signup.lapse_unconfirmed()
    db.session.flush()
    states = db.session.scalars(select(HelperAssignment.status).join(HelperApplication).where(HelperApplication.election_id == election.id)).all()  # fmt: skip
    yield f"helpers: {len(APPLICANTS)} applications ({', '.join(sorted({s.value for s in states}))})"
    if badge is not None:
        path = site_path("elections.verify_badge", token=links.badge_token(badge))
        yield f"badge to verify: {path}"
    yield from seed_past_election(committee)
