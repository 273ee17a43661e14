"""The ballot: fill it in, review it, cast it, see the receipt code.

GET /polls/<id>/vote shows the form (or why the reader may not vote); POST there with
``step=review`` shows the ballot in words with "Cast my ballot" and "Change my choices";
POST /polls/<id>/cast casts it and sends the voter to GET /polls/<id>/receipt, which shows
the receipt code once. Every refusal comes back on the form, choices kept (422).

The receipt code goes from the cast to the receipt page in Flask's session cookie (signed,
kept by the browser, never stored on the server) and is removed when shown; it is never in
a URL, where access logs would keep it beside the voter's address and time. Redirecting
keeps the cast's transaction short: on SQLite a POST's transactions hold the write lock,
and the receipt page is drawn by a GET, which reads without it.
"""

from flask import make_response, redirect, render_template, request, session, url_for
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


RECEIPT_KEY = "poll_receipt"


@bp.post("/polls/<id:poll_id>/cast")
@load("poll_id", Poll, permit=can_try_voting)
def cast(poll):
    form = ballot_form(poll, request.form)
    if form.validate_on_submit():
        choices = choices_of(poll, form, request.form)
        done = run_service(form, voting.cast_ballot, current_user, poll, choices)
        if done:
            session[RECEIPT_KEY] = {"poll": poll.id, "code": done.result}
            return redirect(url_for("polls.receipt", poll_id=poll.id), 303)
    return _page("polls/vote.html", poll, form)


@bp.get("/polls/<id:poll_id>/receipt")
@load("poll_id", Poll, permit=can_try_voting)
def receipt(poll):
    kept = session.get(RECEIPT_KEY)
    code = None
    if isinstance(kept, dict) and kept.get("poll") == poll.id:
        code = session.pop(RECEIPT_KEY)["code"]
    html = render_template("polls/receipt.html", poll=poll, receipt=code, text_for=text_for)
    response = make_response(html)
    response.headers["Cache-Control"] = "no-store"  # shown once, kept by no cache
    return response
