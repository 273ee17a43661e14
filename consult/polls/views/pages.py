"""Pages everyone reads: the list of polls, a poll with its results, the ballot list."""

from flask import Response, abort, render_template, request
from flask_login import current_user
from sqlalchemy import case, select

from consult.core.domain import everyone
from consult.core.forms import ConfirmForm
from consult.core.pagination import page_arg, paginate
from consult.core.permissions import load, permit
from consult.extensions import db
from consult.polls import results as results_module
from consult.polls.ballot_form import option_label
from consult.polls.chart import chart
from consult.polls.electorate import describe_rule
from consult.polls.export import ballot_list_csv
from consult.polls.forms import ReceiptForm
from consult.polls.models import Phase, Poll, PollBallot, PollResult
from consult.polls.paper import paper_ballots_entered, paper_ticks
from consult.polls.permissions import can_see_ballot_list, can_see_poll
from consult.polls.receipts import normalise_receipt
from consult.polls.services import is_live
from consult.polls.texts import text_for
from consult.polls.views import bp
from consult.polls.voting import voting_status

PER_PAGE = 20
BALLOTS_PER_PAGE = 100


@bp.get("/polls")
@permit(everyone)
def index():
    # Open polls first, then upcoming, then the rest, newest first.
    stmt = select(Poll).order_by(
        case((Poll.cancelled_at.is_not(None), 2), (Poll.published_at.is_not(None), 1), else_=0),
        Poll.closes_at.desc(),
        Poll.id.desc(),
    )
    page = paginate(stmt, page_arg(), PER_PAGE)
    return render_template("polls/index.html", page=page, text_for=text_for)


def poll_context(poll):
    phase = poll.phase()
    context = {
        "poll": poll,
        "phase": phase,
        "Phase": Phase,
        "text_for": text_for,
        "option_label": option_label,
        "status": voting_status(current_user, poll),
        "describe_rule": describe_rule,
        "results": None,
        "turnout": None,
        "chart": None,
        "confirm_form": ConfirmForm(),
    }
    if phase == Phase.PUBLISHED:
        context["results"] = results_module.published_results(poll)
    elif phase == Phase.OPEN and is_live(poll):
        context["results"] = results_module.live_results(poll)
    if context["results"] is not None:
        context["chart"] = chart(context["results"])
        context["turnout"] = results_module.turnout(poll)
    if phase == Phase.CLOSED and poll.closing_sha256:
        context["paper"] = (paper_ticks(poll), paper_ballots_entered(poll))
    return context


@bp.get("/polls/<id:poll_id>")
@load("poll_id", Poll, permit=can_see_poll)
def poll(poll):
    return render_template("polls/poll.html", **poll_context(poll))


def published_or_404(poll):
    stored = db.session.get(PollResult, poll.id)
    if stored is None or poll.phase() != Phase.PUBLISHED:
        abort(404)
    return stored


@bp.get("/polls/<id:poll_id>/ballots")
@load("poll_id", Poll, permit=can_see_ballot_list)
def ballots(poll):
    stored = published_or_404(poll)
    form = ReceiptForm(request.args)
    found = None
    searched = bool(form.receipt.data)
    if searched:
        code = normalise_receipt(form.receipt.data)
        if code is not None:
            found = db.session.scalars(
                select(PollBallot).where(PollBallot.poll_id == poll.id, PollBallot.receipt == code)
            ).first()
    stmt = select(PollBallot).where(PollBallot.poll_id == poll.id).order_by(PollBallot.receipt)
    page = paginate(stmt, page_arg(), BALLOTS_PER_PAGE, total=stored.ballots)
    labels = results_module.labels_of(poll)
    return render_template(
        "polls/ballots.html",
        poll=poll,
        stored=stored,
        page=page,
        form=form,
        found=found,
        searched=searched,
        labels=labels,
        text_for=text_for,
        describe=describe_ballot,
    )


def describe_ballot(choices, labels):
    """A stored ballot (canonical JSON) in words, for the ballot list page."""
    import json

    ballot = json.loads(choices) if isinstance(choices, str) else choices
    if "ranking" in ballot:
        return [(str(i), labels.get(name, name)) for i, name in enumerate(ballot["ranking"], 1)]
    if "scores" in ballot:
        return [(str(score), labels.get(name, name)) for name, score in ballot["scores"].items()]
    return [("✓", labels.get(name, name)) for name in ballot.get("marks", [])]


@bp.get("/polls/<id:poll_id>/ballots.json")
@load("poll_id", Poll, permit=can_see_ballot_list)
def ballots_json(poll):
    """The canonical ballot list: the very bytes whose SHA-256 the audit trail holds."""
    stored = published_or_404(poll)
    response = Response(stored.ballot_list.encode("utf-8"), mimetype="application/json")
    response.headers["Content-Disposition"] = f'attachment; filename="poll-{poll.id}-ballots.json"'
    response.headers["X-Content-SHA256"] = stored.sha256
    return response


@bp.get("/polls/<id:poll_id>/ballots.csv")
@load("poll_id", Poll, permit=can_see_ballot_list)
def ballots_csv(poll):
    stored = published_or_404(poll)
    response = Response(ballot_list_csv(poll, stored).encode("utf-8"), mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="poll-{poll.id}-ballots.csv"'
    return response
