"""The eligibility helpers that polls and elections build on."""

from datetime import date

import pytest
from sqlalchemy import select

from consult.residents import services
from consult.residents.models import Grid, Resident
from tests.residents.conftest import ROWS


def names(db, stmt):
    return {r.full_name for r in db.session.scalars(stmt)}


def resident(db, name):
    return db.session.scalars(services.register_query().filter_by(full_name=name)).one()


@pytest.fixture
def verified_two(db, imported, create_user):
    committee = create_user(role="committee")
    for name in ("王芳", "김민준"):
        services.verify_resident(committee, resident(db, name), create_user())
    db.session.commit()


def test_verified_residents(db, verified_two):
    assert names(db, services.verified_residents()) == {"王芳", "김민준"}


def test_adults_on_a_date(db, imported):
    assert names(db, services.adults_on(date(2026, 1, 1))) == {
        "王芳", "Anna Smith", "김민준", "Марина Иванова",
    }  # fmt: skip
    # 陈小雨 was born on 2012-03-09: 18 on 2030-03-09, not the day before.
    assert "陈小雨" not in names(db, services.adults_on(date(2030, 3, 8)))
    assert "陈小雨" in names(db, services.adults_on(date(2030, 3, 9)))


def test_a_birthday_on_29_february(db, imported):
    leapling = resident(db, "陈小雨")
    leapling.birth_date = date(2008, 2, 29)
    db.session.commit()
    assert "陈小雨" not in names(db, services.adults_on(date(2026, 2, 28)))
    assert "陈小雨" in names(db, services.adults_on(date(2026, 3, 1)))
    assert services.adult_cutoff(date(2028, 2, 29)) == date(2010, 2, 28)


def test_an_unknown_birth_date_is_not_an_adult(db, imported):
    resident(db, "Anna Smith").birth_date = None
    db.session.commit()
    assert "Anna Smith" not in names(db, services.adults_on(date(2026, 1, 1)))


def test_in_grid_by_object_id_or_name(db, imported):
    grid = db.session.scalars(select(Grid).filter(Grid.name == "Grid Two")).one()
    expected = {"김민준", "Марина Иванова"}
    assert names(db, services.in_grid(grid)) == expected
    assert names(db, services.in_grid(grid.id)) == expected
    assert names(db, services.in_grid("Grid Two")) == expected
    assert names(db, services.in_grid("no such grid")) == set()


def test_one_per_household(db, imported):
    chosen = names(db, services.one_per_household())
    assert len(chosen) == 4  # four households, A-101 has two residents
    assert "王芳" in chosen and "陈小雨" not in chosen  # the first registered


def test_helpers_compose(db, verified_two):
    stmt = services.one_per_household(
        services.adults_on(
            date(2026, 1, 1), services.in_grid("第一网格", services.verified_residents())
        )
    )
    assert names(db, stmt) == {"王芳"}
    # A household whose first member is not eligible is still represented by an eligible one.
    not_wang = services.register_query().where(Resident.full_name != "王芳")
    assert names(db, services.one_per_household(not_wang)) == {
        "陈小雨", "Anna Smith", "김민준", "Марина Иванова",
    }  # fmt: skip


def test_is_eligible(db, verified_two):
    wang = resident(db, "王芳")
    anna = resident(db, "Anna Smith")
    stmt = services.adults_on(date(2026, 1, 1), services.verified_residents())
    assert services.is_eligible(wang.user, stmt)
    assert not services.is_eligible(anna.user, stmt)  # no account linked
    assert not services.is_eligible(None, stmt)
    assert len(ROWS) == 5
