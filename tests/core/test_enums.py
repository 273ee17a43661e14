"""Value lists and states defined once: labels, choices, CHECK constraints, transitions."""

import pytest
import sqlalchemy.exc
from sqlalchemy import text

from consult.core.enums import IllegalTransition
from consult.residents.models import Gender, ImportJob, ImportStatus


def test_a_choice_stores_its_value_and_shows_its_label_in_the_readers_language(app):
    assert Gender.FEMALE == "F" and Gender.values() == ("F", "M", "X")
    assert Gender.parse("x") is None and Gender.parse("X") is Gender.OTHER
    with app.test_request_context(headers={"Accept-Language": "zh-TW"}):
        assert [str(label) for _, label in Gender.choices()] == ["女", "男", "其他"]


def test_states_move_only_along_their_transitions():
    job = ImportJob(filename="x.csv", status=ImportStatus.QUEUED)
    job.move_to(ImportStatus.CHECKING)
    job.move_to(ImportStatus.SAVING)
    with pytest.raises(IllegalTransition):
        job.move_to(ImportStatus.QUEUED)
    job.move_to(ImportStatus.DONE)
    assert job.finished
    with pytest.raises(IllegalTransition):
        job.move_to(ImportStatus.FAILED)  # a finished job stays as it ended


def test_the_database_refuses_a_value_outside_the_enum(db):
    """The CHECK constraint is built from the enum: asked directly in SQL."""
    insert = text(
        "INSERT INTO register_import_jobs (filename, status, total, processed, created_by_id,"
        " created_at) VALUES ('x.csv', :status, 0, 0, NULL, CURRENT_TIMESTAMP)"
    )
    with pytest.raises(sqlalchemy.exc.IntegrityError), db.session.begin_nested():
        db.session.execute(insert, {"status": "exploded"})


def test_values_come_back_as_members(db, create_user):
    from consult.core.permissions import Role

    user = create_user(role="translator")
    db.session.expire(user)
    assert user.role is Role.TRANSLATOR and user.role.label == "Translator"
