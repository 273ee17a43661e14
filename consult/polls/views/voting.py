"""The ballot: fill it in, review it, cast it, see the receipt code.

GET /polls/<id>/vote shows the form (or why the reader may not vote); POST there with
``step=review`` shows the ballot in words with "Cast my ballot" and "Change my choices";
POST /polls/<id>/cast casts it and answers with the receipt page, which shows the receipt
code this once (nothing stores it anywhere near the voter; it is never in a URL, where access
logs would keep it beside the voter's address and time). Every refusal comes back on the
form, choices kept (422). Reloading the receipt page sends the ballot again, which is
refused: this person has voted.
"""

from flask import make_response, render_template, request
from flask_login import current_user

from consult.core.permissions import load
from consult.core.services import ServiceError, run_service, show_problems
from consult.polls import methods, voting
from consult.polls.ballot_form import ballot_form, choices_of, option_label
from consult.polls.models import Poll
from consult.polls.permissions import can_try_voting
from consult.polls.texts import text_for
from consult.polls.views import bp


def _page(template, poll, form, status=200, **context):
    status_now = voting.voting_status(current_user, poll)
    html = render_template(
        template,
        poll=poll,
        form=form,
        status=status_now,
        kind=methods.kind_of(poll.method),
        limit=methods.mark_limit(poll),
        text_for=text_for,
        option_label=option_label,
        **context,
    )
    if form.errors or form.form_errors:
        status = 422
    return html, status


def _review_rows(poll, ballot):
    labels = {option.name: option_label(option) for option in poll.options}
    if "ranking" in ballot:
        return [(str(rank), labels[name]) for rank, name in enumerate(ballot["ranking"], 1)]
    if "scores" in ballot:
        return [(str(score), labels[name]) for name, score in ballot["scores"].items()]
    return [("✓", labels[name]) for name in ballot["marks"]]


@bp.route("/polls/<id:poll_id>/vote", methods=["GET", "POST"])
@load("poll_id", Poll, permit=can_try_voting)
def vote(poll):
    form = ballot_form(poll, request.form if request.method == "POST" else None)
    if (
        request.method == "POST"
        and form.validate_on_submit()
        and request.form.get("step") == "review"
    ):
        try:
            ballot = voting.check_ballot(poll, choices_of(poll, form, request.form))
        except ServiceError as error:
            show_problems(form, error)
        else:
            return _page(
                "polls/review.html",
                poll,
                form,
                rows=_review_rows(poll, ballot),
                blank=methods.is_blank(ballot),
            )
    return _page("polls/vote.html", poll, form)


@bp.post("/polls/<id:poll_id>/cast")
@load("poll_id", Poll, permit=can_try_voting)
def cast(poll):
    form = ballot_form(poll, request.form)
    if form.validate_on_submit():
        choices = choices_of(poll, form, request.form)
        done = run_service(form, _cast_and_render, poll, choices)
        if done:
            response = make_response(done.result)
            response.headers["Cache-Control"] = "no-store"  # shown once, kept by no cache
            return response
    return _page("polls/vote.html", poll, form)


def _cast_and_render(poll, choices):
    """Cast, and draw the receipt page before the commit: the request is one transaction
    (each further one costs PostgreSQL round trips, and on SQLite a POST's transactions take
    the write lock again). run_service commits after; the page is sent only if it did."""
    receipt = voting.cast_ballot(current_user, poll, choices)
    return render_template("polls/receipt.html", poll=poll, receipt=receipt, text_for=text_for)
