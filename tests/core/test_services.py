"""One way to change state: a service's problems land on their fields, nothing is saved."""

import pytest
from flask import render_template_string
from flask_wtf import FlaskForm
from wtforms import StringField

from consult.core.services import Problems, ServiceError, run_service


class PlotForm(FlaskForm):
    name = StringField("Name")
    size = StringField("Size")
    owner = StringField("Owner")


def plan_plot(name, size, owner, *, touched):
    """A service that writes, then finds three problems: the write must not survive."""
    touched.append("wrote")
    problems = Problems()
    problems.add("Give the plot a name.", "name")
    problems.add("A plot is at most 20 m².", "size")
    problems.add("Nobody has that e-mail address.", "owner")
    problems.add("The garden is closed for the winter.")
    problems.raise_any()


FIELDS = """{% from "_macros/forms.html" import field, form_errors %}
{{ form_errors(form) }}{{ field(form.name) }}{{ field(form.size) }}{{ field(form.owner) }}"""


def test_three_problems_land_on_three_fields_and_the_form_keeps_what_was_typed(app, db):
    from consult.accounts.models import User

    data = {"name": "", "size": "35", "owner": "nobody@example.org"}
    with app.test_request_context("/garden", method="POST", data=data):
        form = PlotForm()
        assert form.validate_on_submit()
        db.session.add(User(email="x@example.org", display_name="X", password_hash="x"))
        touched = []
        done = run_service(form, plan_plot, "", "35", "nobody@example.org", touched=touched)
        assert done is None and touched == ["wrote"]
        assert form.name.errors == ["Give the plot a name."]
        assert form.size.errors == ["A plot is at most 20 m²."]
        assert form.owner.errors == ["Nobody has that e-mail address."]
        assert form.form_errors == ["The garden is closed for the winter."]
        html = render_template_string(FIELDS, form=form)
    assert 'value="35"' in html and 'value="nobody@example.org"' in html
    assert html.count('aria-invalid="true"') == 3
    assert "The garden is closed for the winter." in html
    # Rolled back: the row added before the service failed is gone.
    assert db.session.query(User).filter_by(email="x@example.org").count() == 0


def test_a_service_that_succeeds_is_committed(app, db):
    from consult.accounts.models import User

    def add_user():
        user = User(email="y@example.org", display_name="Y", password_hash="y")
        db.session.add(user)
        return user

    with app.test_request_context("/", method="POST"):
        done = run_service(PlotForm(), add_user)
    assert done and done.result.email == "y@example.org"
    db.session.rollback()  # nothing pending: it was committed
    assert db.session.query(User).filter_by(email="y@example.org").count() == 1


def test_a_service_error_needs_a_problem_and_reads_as_its_messages():
    with pytest.raises(ValueError):
        ServiceError()
    error = ServiceError("First", "a", problems=[("Second", None)])
    assert error.messages == ["First", "Second"]
    assert error.message == "First" and str(error) == "First; Second"
