"""Input the database should never see: NUL characters, birth dates in the future."""

from datetime import date, timedelta

import pytest
from flask_wtf import FlaskForm
from sqlalchemy import select

from consult.core.forms import NUL_MESSAGE, Form
from consult.residents import importer
from consult.residents.models import Resident
from consult.residents.rules import birth_date_in_future, community_today
from tests.conftest import sign_in
from tests.residents.conftest import ROWS, make_csv

NUL = "\x00"


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_form_of_the_app_derives_from_the_base_form(app):
    forms = [f for f in _subclasses(FlaskForm) if f.__module__.startswith("consult.")]
    assert len(forms) >= 15
    for form in forms:
        assert issubclass(form, Form), f"{form.__module__}.{form.__name__}"


def test_nul_in_sign_up_is_refused_at_its_field_and_nothing_is_created(client, db):
    from consult.accounts.models import User

    data = {
        "email": "nul@example.org",
        "display_name": f"Li{NUL}Lei",
        "password": "lanterns by the river",
        "confirm": "lanterns by the river",
        "preferred_locale": "en",
    }
    response = client.post("/account/sign-up", data=data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert str(NUL_MESSAGE) in html
    assert html.index("invisible NUL") > html.index('id="display_name"')
    assert db.session.scalars(select(User).filter_by(email="nul@example.org")).first() is None


def test_nul_message_in_chinese(client, db):
    data = {"email": f"a{NUL}@example.org", "password": "x"}
    response = client.post("/account/sign-in", data=data, headers={"Accept-Language": "zh-TW"})
    assert response.status_code == 422
    assert "NUL" in response.get_data(as_text=True)
    assert "不可見" in response.get_data(as_text=True)


@pytest.fixture
def wang(db, imported):
    return db.session.scalars(select(Resident).filter_by(full_name="王芳")).one()


def _edit(client, resident, **changes):
    data = {"full_name": "王芳", "birth_date": "1982-05-17", "gender": "F", "nationality": "CN"}
    return client.post(f"/register/residents/{resident.id}/edit", data={**data, **changes})


@pytest.mark.parametrize("field", ["full_name", "latin_name", "phone", "languages", "email"])
def test_nul_in_the_resident_form_is_refused(client, db, wang, committee, field):
    response = _edit(client, wang, **{field: f"ab{NUL}cd"})
    assert response.status_code == 422
    assert str(NUL_MESSAGE) in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Resident, wang.id).full_name == "王芳"


def test_nul_in_an_imported_file_is_a_problem_of_its_line(db):
    rows = [dict(row) for row in ROWS]
    rows[2]["phone"] = f"138{NUL}0000"
    checked, counts = importer.import_register(make_csv(rows))
    assert counts is None
    [problem] = checked.problems
    assert problem.line == 4 and problem.code == "nul_character"
    assert problem.params == {"column": "phone"}


def test_a_birth_date_in_the_future_is_refused_by_the_edit_form(client, db, wang, committee):
    tomorrow = community_today() + timedelta(days=1)
    response = _edit(client, wang, birth_date=tomorrow.isoformat())
    assert response.status_code == 422
    assert "The birth date cannot be in the future." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Resident, wang.id).birth_date == date(1982, 5, 17)
    assert _edit(client, wang, birth_date=community_today().isoformat()).status_code == 302


def test_the_form_and_the_import_share_one_rule(db, monkeypatch):
    import consult.residents.importer as importer_module

    asked = []

    def recording(day, today=None):
        asked.append(day)
        return birth_date_in_future(day, today)

    monkeypatch.setattr(importer_module, "birth_date_in_future", recording)
    checked = importer.check(make_csv([{**ROWS[0], "birth_date": "2999-01-01"}]))
    assert [p.code for p in checked.problems] == ["future_date"]
    assert asked == [date(2999, 1, 1)]


def test_the_rule_uses_the_communitys_day(app):
    with app.app_context():
        assert not birth_date_in_future(community_today())
        assert birth_date_in_future(community_today() + timedelta(days=1))
        assert not birth_date_in_future(None)


@pytest.fixture
def committee(client, create_user):
    user = create_user(role="committee")
    assert sign_in(client, user).status_code == 302
    return user


@pytest.fixture
def imported(db):
    checked, _counts = importer.import_register(make_csv())
    assert checked.ok
    db.session.commit()
