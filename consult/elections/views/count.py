"""The committee's election day: the count's overview (every contest, station and round,
what the engine says, observers' objections, the declaration), entering and correcting a
station's count, scheduling a second round, answering objections, declaring."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.core.forms import ConfirmForm, form_status
from consult.core.permissions import load
from consult.core.services import run_service
from consult.elections.forms.counts import (
    WRITE_IN_ROWS,
    AnswerForm,
    DeclareForm,
    SecondRoundForm,
    count_form,
    count_values,
    fill_count_form,
)
from consult.elections.models import Contest, CountReview, Election, PollingStation, ReviewKind
from consult.elections.permissions import (
    can_answer_review,
    can_count_election,
    can_enter_count,
    can_schedule_second_round,
)
from consult.elections.services import counts as services
from consult.elections.services import declaration, results, reviews, rounds
from consult.elections.services.report import results_document, unfilled_contests
from consult.elections.views import bp, button, flash_problems
from consult.extensions import db
from consult.i18n import current_locale_name


def _overview(election, second_forms=None, answer_forms=None, declare_form=None):
    outcomes = results.election_results(election) if election.status.counting else []
    document = results_document(election, outcomes) if outcomes else None
    second_forms = second_forms or {}
    for outcome in outcomes:
        if outcome.contest.id not in second_forms:
            held = outcome.second_round.held_on if outcome.second_round else election.election_day
            second_forms[outcome.contest.id] = SecondRoundForm(prefix=f"c{outcome.contest.id}", held_on=held)  # fmt: skip
    all_reviews = reviews.reviews_of(election) if outcomes else []
    answer_forms = answer_forms or {}
    for review in all_reviews:
        answer_forms.setdefault(review.id, AnswerForm(prefix=f"r{review.id}"))
    forms = [*second_forms.values(), *answer_forms.values(), *([declare_form] if declare_form else [])]  # fmt: skip
    page = render_template(
        "elections/count.html",
        election=election,
        outcomes=outcomes,
        document=document,
        contests={c["contest_id"]: c for c in document["contests"]} if document else {},
        problems=declaration.declaration_problems(election, outcomes) if outcomes else [],
        differences=declaration.engine_differences(election.rules),
        unfilled=unfilled_contests(document) if document else [],
        reviews=all_reviews,
        current={
            r.id
            for r in all_reviews
            if r.kind is ReviewKind.COUNTERSIGNED and reviews.is_current(r)
        },  # fmt: skip
        second_forms=second_forms,
        window=rounds.second_round_window(election),
        answer_forms=answer_forms,
        declare_form=declare_form or DeclareForm(),
        confirm=ConfirmForm(),
        locale=current_locale_name(),
    )
    return page, form_status(*forms)


@bp.get("/elections/<id:election_id>/count")
@load("election_id", Election, permit=can_count_election)
def count(election):
    return _overview(election)


@bp.post("/elections/<id:election_id>/count/begin")
@load("election_id", Election, permit=can_count_election)
def begin_count(election):
    to = url_for("elections.count", election_id=election.id)
    return button(services.begin_count, current_user, election, success=_("The count has begun: enter each station's count after its public count."), to=to)  # fmt: skip


def _entry_page(station, contest, number, form=None):
    outcome = results.contest_result(contest)
    current = outcome.entries.get(number, {}).get(station.id)
    if form is None:
        form = _new_form(outcome, number, current)
        if current is not None:
            fill_count_form(form, current)
        else:
            form.voters_signed.data = _signed_elsewhere(station, number)
    station_reviews = [r for r in reviews.reviews_of(station.election) if r.station_id == station.id and r.round == number]  # fmt: skip
    counting = station.election.status.counting
    return render_template(
        "elections/count_entry.html",
        election=station.election,
        station=station,
        contest=contest,
        number=number,
        form=form,
        current=current,
        history=results.history(contest, station, number),
        reviews=station_reviews,
        outcome=outcome,
        # the form, while the count is open (a second round's once it is scheduled)
        open=counting and (number == 1 or outcome.second_round is not None),
        frozen=number == 1 and bool(outcome.entries.get(2)),
    ), form_status(form)


def _new_form(outcome, number, current, **kwargs):
    rows = WRITE_IN_ROWS + (len(current.write_ins) if current is not None else 0)
    return count_form(outcome.round_candidates(number), rows, **kwargs)


def _signed_elsewhere(station, number):
    """The voters who signed at this station as another contest's count says (one ballot
    paper usually carries every post), to save typing."""
    entries = reviews.station_entries(station, number)
    return entries[0].voters_signed if entries else None


def _contest_of(station, contest_id, number):
    contest = db.session.get(Contest, contest_id)
    if contest is None or contest.election_id != station.election_id or number not in (1, 2):
        abort(404)
    return contest


@bp.route("/elections/stations/<id:station_id>/count/<id:contest_id>/<id:number>", methods=["GET", "POST"])  # fmt: skip
@load("station_id", PollingStation, permit=can_enter_count)
def enter_count(station, contest_id, number):
    contest = _contest_of(station, contest_id, number)
    if request.method == "GET":
        return _entry_page(station, contest, number)
    outcome = results.contest_result(contest)
    form = _new_form(outcome, number, outcome.entries.get(number, {}).get(station.id))
    if form.validate_on_submit() and run_service(
        form, services.enter_count, current_user, contest, station, number, count_values(form),
        reason=form.reason.data,
    ):  # fmt: skip
        flash(_("The count of %(station)s is saved; its observers are asked to countersign it.", station=station.name), "success")  # fmt: skip
        return redirect(url_for("elections.count", election_id=station.election_id) + f"#contest-{contest.id}")  # fmt: skip
    return _entry_page(station, contest, number, form=form)


@bp.post("/elections/contests/<id:contest_id>/second-round")
@load("contest_id", Contest, permit=can_schedule_second_round)
def schedule_second_round(contest):
    form = SecondRoundForm(prefix=f"c{contest.id}")
    if form.validate_on_submit() and run_service(form, rounds.schedule_second_round, current_user, contest, form.held_on.data):  # fmt: skip
        flash(_("The second round is scheduled; enter its counts like round one's."), "success")
        return redirect(url_for("elections.count", election_id=contest.election_id) + f"#contest-{contest.id}")  # fmt: skip
    return _overview(contest.election, second_forms={contest.id: form})


@bp.post("/elections/count-reviews/<id:review_id>/answer")
@load("review_id", CountReview, permit=can_answer_review)
def answer_review(review):
    form = AnswerForm(prefix=f"r{review.id}")
    election = review.station.election
    if form.validate_on_submit() and run_service(form, reviews.answer_objection, current_user, review, form.answer.data):  # fmt: skip
        flash(_("The answer is recorded; the observer has been told."), "success")
        return redirect(url_for("elections.count", election_id=election.id) + "#objections")
    return _overview(election, answer_forms={review.id: form})


@bp.post("/elections/<id:election_id>/declare")
@load("election_id", Election, permit=can_count_election)
def declare(election):
    form = DeclareForm()
    if form.validate_on_submit() and run_service(form, declaration.declare_results, current_user, election, leave_vacant=bool(form.leave_vacant.data)):  # fmt: skip
        flash(_("The results are declared. Print the notice and post it."), "success")
        return redirect(url_for("elections.results", election_id=election.id))
    if not election.status.counting:
        flash_problems(form)
        return redirect(url_for("elections.count", election_id=election.id))
    return _overview(election, declare_form=form)
