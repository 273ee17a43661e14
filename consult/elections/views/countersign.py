"""An approved observer's countersigning page, reached by the signed link in their messages
(no account): the station's count as entered, each round, to countersign (签字确认) or to
object to (异议) with a text; their earlier countersignatures and objections, with the
committee's answers."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from consult.core.forms import form_status
from consult.core.services import run_service
from consult.elections import links
from consult.elections.forms.counts import ReviewForm
from consult.elections.models import ReviewKind
from consult.elections.services import reviews as services
from consult.elections.views import bp


def _rounds(station):
    """[(round, [entry, ...])] of the rounds with a count entered at ``station``."""
    found = []
    for number in (1, 2):
        entries = services.station_entries(station, number)
        if entries:
            found.append((number, entries))
    return found


@bp.route("/elections/countersign/<token>", methods=["GET", "POST"])
def countersign(token):
    assignment = links.assignment_for_countersign(token)
    if assignment is None:
        return render_template("elections/link_problem.html"), 404
    station = assignment.shift.station
    form = ReviewForm()
    if request.method == "POST" and form.validate_on_submit():
        kind = request.form.get("action", "")
        number = 2 if form.round.data == "2" else 1
        if run_service(form, services.review_count, assignment, number, kind, form.text.data):
            done = _("Thank you: your countersignature is recorded.") if kind == ReviewKind.COUNTERSIGNED else _("Your objection is recorded; the committee must answer it before it declares the results.")  # fmt: skip
            flash(done, "success")
            return redirect(url_for("elections.countersign", token=token))
    mine = services.reviews_by(assignment)
    page = render_template(
        "elections/countersign.html",
        assignment=assignment,
        application=assignment.application,
        station=station,
        election=station.election,
        allowed=services.may_review(assignment),
        rounds=_rounds(station),
        mine=mine,
        current={
            r.id for r in mine if r.kind is ReviewKind.COUNTERSIGNED and services.is_current(r)
        },  # fmt: skip
        form=form,
        token=token,
    )
    return page, form_status(form)
