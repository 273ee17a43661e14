"""Election fixtures: a small register, a frozen community clock, an election built
through the services, and helpers to publish its lists."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from consult.elections import clock
from consult.elections.services import candidates, setup, voters
from consult.elections.services import stations as station_services
from consult.residents import importer
from consult.residents.models import Resident
from tests.residents.conftest import make_csv

DAY = date(2030, 6, 15)  # election day in every test
EIGHTEENTH = date(2012, 6, 15)  # born on this day: 18 on election day

PEOPLE = [
    # household, building, grid, full name, Latin name, birth date, nationality
    ("H-1", "1", "第一网格", "王芳", "Wang Fang", "1982-05-17", "CN"),
    ("H-1", "1", "第一网格", "陈磊", "Chen Lei", "1980-11-02", "CN"),
    ("H-1", "1", "第一网格", "陈小雨", "Chen Xiaoyu", "2015-03-09", "CN"),
    ("H-2", "1", "第一网格", "李明", "Li Ming", EIGHTEENTH.isoformat(), "CN"),
    (
        "H-2",
        "1",
        "第一网格",
        "李晓",
        "Li Xiao",
        (EIGHTEENTH + timedelta(days=1)).isoformat(),
        "CN",
    ),  # fmt: skip
    ("H-3", "2", "第二网格", "Anna Smith", "Anna Smith", "1990-02-28", "GB"),
    ("H-3", "2", "第二网格", "张无", "Zhang Wu", "", "CN"),
    ("H-4", "2", "第二网格", "周敏", "Zhou Min", "1975-01-01", "CN"),
    ("H-5", "2", "第二网格", "刘洋", "Liu Yang", "1976-01-01", "CN"),
    ("H-6", "3", "第二网格", "孙丽", "Sun Li", "1977-01-01", "CN"),
    ("H-7", "3", "第二网格", "吴强", "Wu Qiang", "1978-01-01", "CN"),
    ("H-8", "3", "第二网格", "郑华", "Zheng Hua", "1979-01-01", "CN"),
    ("H-9", "3", "第二网格", "冯静", "Feng Jing", "1950-01-01", "CN"),
    ("H-9", "3", "第二网格", "冯军", "Feng Jun", "1952-01-01", "CN"),
]


@pytest.fixture
def register(db):
    rows = [
        {"household_code": h, "building": b, "grid": g, "full_name": n, "latin_name": latin,
         "birth_date": born, "nationality": nat, "languages": "zh"}
        for h, b, g, n, latin, born, nat in PEOPLE
    ]  # fmt: skip
    checked, counts = importer.import_register(make_csv(rows))
    assert checked.ok, checked.problems
    db.session.commit()
    return {r.full_name: r for r in db.session.scalars(select(Resident))}


@pytest.fixture
def frozen(monkeypatch):
    """Freeze the community clock: ``frozen(date)`` (noon, community time) or a datetime."""

    def freeze(moment):
        if isinstance(moment, date) and not isinstance(moment, datetime):
            moment = clock.at_local(moment, time(12, 0))
        monkeypatch.setattr(clock, "now", lambda: moment.astimezone(UTC))
        return moment

    return freeze


@pytest.fixture
def committee_user(create_user):
    return create_user(role="committee")


@pytest.fixture
def make_election(db, register, committee_user, frozen):
    """An election on DAY (default rule set) with one station and two shifts; prepared
    on 2030-05-01 (the clock is frozen there)."""

    def make(seats=None, *, stations=1, observers=2, volunteers=1, **rules):
        frozen(date(2030, 5, 1))
        election = setup.create_election(
            committee_user,
            DAY,
            {"zh": ("居委会换届选举", "说明"), "en": ("Committee election", "About it")},
            seats or {"director": 1, "deputy": 0, "member": 2},
        )
        if rules:
            setup.update_rules(committee_user, election, rules)
        for number in range(stations):
            station = station_services.save_station(
                committee_user, election, name=f"Station {number + 1}", place="Hall",
                opens=time(7, 0), closes=time(17, 0), mobile=False,
            )  # fmt: skip
            for start, end in ((time(7, 0), time(12, 0)), (time(12, 0), time(17, 0))):
                station_services.save_shift(
                    committee_user, station, day=DAY, start=start, end=end,
                    observers=observers, volunteers=volunteers,
                )  # fmt: skip
        setup.save_code_of_conduct(committee_user, election, {"zh": "守则", "en": "Be neutral."})
        db.session.commit()
        return election

    return make


@pytest.fixture
def listed_election(make_election, committee_user, db, frozen):
    """An election whose voter list is drawn and published on D-20."""

    def make(**kwargs):
        election = make_election(**kwargs)
        frozen(DAY - timedelta(days=20))
        voters.draw_voter_list(committee_user, election)
        voters.publish_voter_list(committee_user, election)
        db.session.commit()
        return election

    return make


def add_candidates(actor, election, register, names_by_contest):
    """{contest kind: [(name, votes), ...]} → the candidates, each with both statements."""
    contests = {c.kind.value: c for c in election.contests}
    made = []
    for kind, people in names_by_contest.items():
        for name, votes in people:
            resident = register[name]
            made.append(
                candidates.add_candidate(
                    actor, election, contests[kind], resident, name=name,
                    latin_name=resident.latin_name, nomination_votes=votes,
                    statements={"zh": f"{name}的陈述", "en": f"Statement of {resident.latin_name}"},
                )
            )  # fmt: skip
    return made
