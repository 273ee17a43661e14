"""One way to change state.

Services (each domain's ``services.py``) are verb-noun functions that take the acting user,
change the session and leave the commit to their caller. When a rule is broken they raise
:class:`ServiceError`, which carries every problem found, each a message for the reader and
optionally the form field it belongs to.

Views run a service with :func:`run_service`: it commits, or rolls back and puts each problem
on its field (or above the form), so the form is shown again with everything typed kept.
"""

from dataclasses import dataclass

from flask import flash

from consult.extensions import db


@dataclass(frozen=True)
class Problem:
    """One broken rule: a (lazy) message for the reader, and the form field it concerns."""

    message: object
    field: str | None = None

    def __str__(self):
        return str(self.message)


class ServiceError(Exception):
    """A rule was broken; ``problems`` says every way it was.

    ``ServiceError(message, field=None)`` for one problem, ``ServiceError(problems=[...])``
    for several (each a :class:`Problem` or a ``(message, field)`` pair).
    """

    def __init__(self, message=None, field=None, *, problems=()):
        collected = [p if isinstance(p, Problem) else Problem(*p) for p in problems]
        if message is not None:
            collected.insert(0, Problem(message, field))
        if not collected:
            raise ValueError("a ServiceError needs at least one problem")
        self.problems = collected
        super().__init__("; ".join(str(p) for p in collected))

    @property
    def message(self):
        """The first problem's message (most errors carry one)."""
        return self.problems[0].message

    @property
    def messages(self):
        return [p.message for p in self.problems]


class Problems:
    """Collects problems while a service checks everything, then raises them together::

    problems = Problems()
    if not title: problems.add(_l("Give a title."), "title")
    problems.raise_any()
    """

    def __init__(self):
        self.items = []

    def add(self, message, field=None):
        self.items.append(Problem(message, field))

    def __bool__(self):
        return bool(self.items)

    def raise_any(self):
        if self.items:
            raise ServiceError(problems=self.items)


def show_problems(form, error):
    """Put each problem on its form field, or among the form's own errors."""
    for problem in error.problems:
        field = getattr(form, problem.field, None) if problem.field else None
        if field is not None and hasattr(field, "errors"):
            # WTForms keeps errors as a tuple until validation has run.
            if not isinstance(field.errors, list):
                field.errors = list(field.errors)
            field.errors.append(problem.message)
        else:
            form.form_errors.append(problem.message)


class Done:
    """A service that ran and was committed; truthy, and holds what the service returned."""

    __slots__ = ("result",)

    def __init__(self, result):
        self.result = result

    def __bool__(self):
        return True


def run_service(form, service, *args, **kwargs):
    """Run ``service(*args, **kwargs)`` and commit; on ServiceError roll back and show it.

    Returns :class:`Done` (truthy) when the change was committed, else None, with every
    problem on ``form`` (which keeps what was typed)::

        if form.validate_on_submit() and (done := run_service(form, create_thing, user, ...)):
            return redirect(url_for("things.show", thing_id=done.result.id))
        return render_form("things/new.html", form)
    """
    try:
        result = service(*args, **kwargs)
        db.session.commit()
    except ServiceError as error:
        db.session.rollback()
        show_problems(form, error)
        return None
    return Done(result)


def flash_result(form, done, success):
    """After a one-button form: ``success`` when the service ran, else each form error."""
    if done:
        flash(success, "success")
    else:
        for message in form.form_errors:
            flash(message, "error")
