"""The committee's pages: create and edit polls, open, close early, cancel, the voter list
with its paper ticks, paper ballot batches and publication."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from consult.core.forms import ConfirmForm, render_form
from consult.core.models import utcnow
from consult.core.pagination import Page, count_rows, page_arg
from consult.core.permissions import load, parse_id, permit
from consult.core.services import run_service
from consult.extensions import db
from consult.polls import paper, services
from consult.polls.ballot_form import option_label
from consult.polls.forms import PaperBatchForm, ReasonForm, language_fields, poll_form
from consult.polls.methods import kind_of
from consult.polls.models import Channel, Phase, Poll, PollElectorate, PollVoter
from consult.polls.permissions import can_manage_poll, can_manage_polls
from consult.polls.texts import text_for
from consult.polls.views import bp
from consult.residents.models import Household, Resident

VOTERS_PER_PAGE = 50


def _form_page(form, poll=None):
    return render_form(
        "polls/form.html", form, poll=poll, languages=language_fields(form), text_for=text_for
    )


@bp.route("/polls/new", methods=["GET", "POST"])
@permit(can_manage_polls)
def new_poll():
    form = poll_form()
    subject = request.args.get("subject", "")
    subject_type, _sep, subject_id = subject.partition(":")
    if form.validate_on_submit() and (
        done := run_service(
            form,
            services.create_poll,
            current_user,
            subject_type=subject_type or None,
            subject_id=parse_id(subject_id),
            **form.values(),
        )
    ):
        flash(_("The poll has been created. It opens by itself at its opening time."), "success")
        return redirect(url_for("polls.poll", poll_id=done.result.id))
    return _form_page(form)


@bp.route("/polls/<id:poll_id>/edit", methods=["GET", "POST"])
@load("poll_id", Poll, permit=can_manage_poll)
def edit_poll(poll):
    form = poll_form(obj=poll)
    if request.method == "GET":
        form.fill_from(poll)
    if form.validate_on_submit() and run_service(
        form, services.update_poll, current_user, poll, **form.values()
    ):
        flash(_("The poll has been saved."), "success")
        return redirect(url_for("polls.poll", poll_id=poll.id))
    return _form_page(form, poll)


@bp.post("/polls/<id:poll_id>/open")
@load("poll_id", Poll, permit=can_manage_poll)
def open_poll(poll):
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(form, services.open_poll, current_user, poll):
        flash(_("The poll is open. Its voter list is fixed."), "success")
    else:
        for error in form.form_errors:
            flash(str(error), "error")
    return redirect(url_for("polls.poll", poll_id=poll.id))


def _reason_page(poll, form, template):
    return render_form(template, form, poll=poll, text_for=text_for)


@bp.route("/polls/<id:poll_id>/close", methods=["GET", "POST"])
@load("poll_id", Poll, permit=can_manage_poll)
def close_poll(poll):
    form = ReasonForm()
    if form.validate_on_submit() and run_service(
        form, services.close_poll, current_user, poll, form.reason.data
    ):
        flash(_("The poll is closed. Its results are counted in the background."), "success")
        return redirect(url_for("polls.poll", poll_id=poll.id))
    return _reason_page(poll, form, "polls/close.html")


@bp.route("/polls/<id:poll_id>/cancel", methods=["GET", "POST"])
@load("poll_id", Poll, permit=can_manage_poll)
def cancel_poll(poll):
    form = ReasonForm()
    if form.validate_on_submit() and run_service(
        form, services.cancel_poll, current_user, poll, form.reason.data
    ):
        flash(_("The poll is cancelled."), "success")
        return redirect(url_for("polls.poll", poll_id=poll.id))
    return _reason_page(poll, form, "polls/cancel.html")


def _voter_list(poll):
    q = " ".join((request.args.get("q") or "").split())[:120]
    stmt = (
        select(Resident, Household.code, PollVoter.channel, PollElectorate.household_id)
        .join(PollElectorate, PollElectorate.resident_id == Resident.id)
        .join(Household, Household.id == PollElectorate.household_id)
        .outerjoin(
            PollVoter,
            (PollVoter.poll_id == poll.id) & (PollVoter.resident_id == Resident.id),
        )
        .where(PollElectorate.poll_id == poll.id)
        .order_by(Household.code, Resident.full_name, Resident.id)
    )
    if q:
        stmt = stmt.where(
            Resident.name_key.contains(q.casefold(), autoescape=True) | (Household.code == q)
        )
    total = count_rows(stmt)
    number = max(1, min(page_arg(), (total + VOTERS_PER_PAGE - 1) // VOTERS_PER_PAGE or 1))
    rows = db.session.execute(
        stmt.limit(VOTERS_PER_PAGE).offset((number - 1) * VOTERS_PER_PAGE)
    ).all()
    return Page(rows, total, number, VOTERS_PER_PAGE), q


@bp.get("/polls/<id:poll_id>/voters")
@load("poll_id", Poll, permit=can_manage_poll)
def voters(poll):
    page, q = _voter_list(poll)
    households_voted = set()
    if poll.per_household:
        households_voted = set(
            db.session.scalars(select(PollVoter.household_slot).where(PollVoter.poll_id == poll.id))
        )
    return render_template(
        "polls/voters.html",
        poll=poll,
        page=page,
        q=q,
        phase=poll.phase(),
        Phase=Phase,
        Channel=Channel,
        households_voted=households_voted,
        form=ConfirmForm(),
        text_for=text_for,
        now=utcnow(),
    )


def _back_to_voters(poll):
    args = {k: v for k, v in request.form.items() if k in ("q", "page") and v}
    return redirect(url_for("polls.voters", poll_id=poll.id, **args))


@bp.post("/polls/<id:poll_id>/voters/<id:resident_id>/tick")
@load("poll_id", Poll, permit=can_manage_poll)
def tick(poll, resident_id):
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(
        form, paper.tick_paper_voters, current_user, poll, [resident_id]
    ):
        flash(_("Ticked as having voted on paper."), "success")
    for error in form.form_errors:
        flash(str(error), "error")
    return _back_to_voters(poll)


@bp.post("/polls/<id:poll_id>/voters/<id:resident_id>/untick")
@load("poll_id", Poll, permit=can_manage_poll)
def untick(poll, resident_id):
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(
        form, paper.untick_paper_voter, current_user, poll, resident_id
    ):
        flash(_("The paper tick has been removed."), "success")
    for error in form.form_errors:
        flash(str(error), "error")
    return _back_to_voters(poll)


@bp.route("/polls/<id:poll_id>/paper", methods=["GET", "POST"])
@load("poll_id", Poll, permit=can_manage_poll)
def paper_ballots(poll):
    form = PaperBatchForm()
    if form.validate_on_submit() and (
        done := run_service(form, paper.enter_paper_batch, current_user, poll, form.ballots.data)
    ):
        flash(_("%(count)s paper ballots have been entered.", count=done.result.ballots), "success")
        return redirect(url_for("polls.poll", poll_id=poll.id))
    return render_form(
        "polls/paper.html",
        form,
        poll=poll,
        ticks=paper.paper_ticks(poll),
        entered=paper.paper_ballots_entered(poll),
        option_label=option_label,
        text_for=text_for,
        kind=kind_of(poll.method),
    )


@bp.post("/polls/<id:poll_id>/publish")
@load("poll_id", Poll, permit=can_manage_poll)
def publish(poll):
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(
        form, paper.request_publication, current_user, poll
    ):
        flash(_("The results are being published."), "success")
    for error in form.form_errors:
        flash(str(error), "error")
    return redirect(url_for("polls.poll", poll_id=poll.id))
