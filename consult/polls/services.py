"""The committee's rules for a poll: create, edit until it opens, open, close early, cancel.

Functions take the acting user, change the session and leave the commit to their caller.
Casting is in voting.py, paper ballots in paper.py, the closing and publication in
closing.py (run by the queue).
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select

from consult.core import audit
from consult.core.models import utcnow
from consult.core.queue import enqueue
from consult.core.services import Problems, ServiceError
from consult.extensions import db
from consult.polls import electorate
from consult.polls.methods import MAX_OPTIONS, SINGLE_SEAT, YES_NO_NAMES
from consult.polls.models import (
    MeetingRule,
    Phase,
    Poll,
    PollBallot,
    PollMethod,
    PollOption,
    PollVoter,
    ResultsShown,
    VoterBase,
)
from consult.polls.permissions import can_manage_polls
from consult.polls.texts import content_languages, field_key, language_label
from consult.residents.models import Building, Grid

audit.describe("poll.created", _l("Poll created"))
audit.describe("poll.updated", _l("Poll edited"))
audit.describe("poll.closed_early", _l("Poll closed early"))
audit.describe("poll.cancelled", _l("Poll cancelled"))

SUBJECT_TYPES = ("proposal",)
SETTINGS = (
    "question", "description", "method", "seats", "max_marks", "score_max", "quorum_percent",
    "meeting", "base", "adults_only", "per_household", "grid_id", "building_id", "opens_at",
    "closes_at", "results_shown",
)  # fmt: skip


def _ensure(allowed):
    if not allowed:
        raise ServiceError(_l("Only the residents' committee can run polls."))


def _texts(values):
    return {tag: " ".join((text or "").split()) for tag, text in (values or {}).items() if text}


def _check_texts(question, description, options, method, problems):
    languages = content_languages()
    for tag in languages:
        if not question.get(tag):
            problems.add(
                _l("Write the question in %(language)s.", language=language_label(tag)),
                f"question_{field_key(tag)}",
            )
    if method == PollMethod.YES_NO:
        return []
    first = languages[0]
    lists = {tag: [o.get(tag, "") for o in options] for tag in languages}
    if len([text for text in lists[first] if text]) < 2:
        problems.add(_l("Give at least two options."), f"options_{field_key(first)}")
        return []
    if len(options) > MAX_OPTIONS:
        problems.add(
            _l("Give at most %(limit)s options.", limit=MAX_OPTIONS), f"options_{field_key(first)}"
        )
    for tag in languages:
        texts = lists[tag]
        if any(not text for text in texts):
            problems.add(
                _l(
                    "Give every option in %(language)s too, one per line, in the same order.",
                    language=language_label(tag),
                ),
                f"options_{field_key(tag)}",
            )
        seen = set()
        for text in texts:
            if text and text.casefold() in seen:
                problems.add(
                    _l("Two options say “%(text)s”; every option needs its own text.", text=text),
                    f"options_{field_key(tag)}",
                )
            seen.add(text.casefold())
        if any(len(text) > 200 for text in texts):
            problems.add(_l("Keep each option under 200 characters."), f"options_{field_key(tag)}")
    return [o.get(first, "") for o in options]


def _check_settings(values, count, problems):
    method = PollMethod(values["method"])
    seats = values.get("seats") or 1
    if method in SINGLE_SEAT and seats != 1:
        problems.add(_l("This method chooses one option: leave the seats at 1."), "seats")
    elif method not in SINGLE_SEAT and count and not 1 <= seats < count:
        problems.add(_l("There must be at least one seat and fewer seats than options."), "seats")
    max_marks = values.get("max_marks")
    if (
        method == PollMethod.APPROVAL
        and max_marks is not None
        and not 1 <= max_marks <= max(count, 1)
    ):
        problems.add(_l("The limit must be between 1 and the number of options."), "max_marks")
    score_max = values.get("score_max")
    if method == PollMethod.SCORE and score_max is not None and not 1 <= score_max <= 100:
        problems.add(_l("The highest score must be from 1 to 100."), "score_max")
    quorum = values.get("quorum_percent")
    if quorum is not None and not 1 <= quorum <= 100:
        problems.add(_l("The quorum is a percentage from 1 to 100."), "quorum_percent")
    if values.get("meeting", MeetingRule.NONE) != MeetingRule.NONE and method != PollMethod.YES_NO:
        problems.add(
            _l("A residents' meeting decision is a yes / no vote: choose that method."), "method"
        )
    opens_at, closes_at = values.get("opens_at"), values.get("closes_at")
    if opens_at is not None and opens_at <= utcnow():
        problems.add(
            _l(
                "The opening time has passed: choose a later time (you can open the poll at once from its page)."
            ),
            "opens_at",
        )
    if opens_at is not None and closes_at is not None and closes_at <= opens_at:
        problems.add(_l("The poll must close after it opens."), "closes_at")
    if values.get("grid_id") and db.session.get(Grid, values["grid_id"]) is None:
        problems.add(_l("There is no such grid."), "scope")
    if values.get("building_id") and db.session.get(Building, values["building_id"]) is None:
        problems.add(_l("There is no such building."), "scope")


def _settle(values):
    """Fill in what the method and the meeting preset decide."""
    values = dict(values)
    method = PollMethod(values["method"])
    meeting = MeetingRule(values.get("meeting") or MeetingRule.NONE)
    values["meeting"] = meeting
    values["seats"] = values.get("seats") or 1
    if meeting != MeetingRule.NONE:
        # Organic law 2018, Art. 9: the adult residents, or one per household, of the area;
        # those without an account vote on paper.
        values.update(base=VoterBase.REGISTER, adults_only=True, quorum_percent=None)
        values["per_household"] = meeting == MeetingRule.HOUSEHOLDS
    if method != PollMethod.APPROVAL:
        values["max_marks"] = None
    if method != PollMethod.SCORE:
        values["score_max"] = None
    elif not values.get("score_max"):
        values["score_max"] = 5
    if method != PollMethod.YES_NO:
        values["quorum_percent"] = None
    values["question"] = _texts(values.get("question"))
    values["description"] = _texts(values.get("description"))
    return values


def _apply(actor, poll, values):
    problems = Problems()
    values = _settle(values)
    options = [_texts(option) for option in values.pop("options", None) or []]
    options = [option for option in options if option]
    names = _check_texts(
        values["question"], values["description"], options, values["method"], problems
    )
    _check_settings(values, len(names), problems)
    problems.raise_any()
    for key in SETTINGS:
        if key in values:
            setattr(poll, key, values[key])
    if values["method"] == PollMethod.YES_NO:
        new = [(name, {}) for name in YES_NO_NAMES]
    else:
        new = list(zip(names, options, strict=True))
    if [(o.name, o.text) for o in poll.options] != new:
        poll.options.clear()
        db.session.flush()
        poll.options.extend(
            PollOption(position=i, name=name[:200], text=text)
            for i, (name, text) in enumerate(new, 1)
        )
    return [name for name, _ in new]


def create_poll(actor, *, subject_type=None, subject_id=None, **values):
    """A new poll (it opens by itself at its opening time)."""
    _ensure(can_manage_polls(actor))
    if subject_type is not None and (subject_type not in SUBJECT_TYPES or not subject_id):
        raise ServiceError(_l("A poll can only be about a proposal."))
    poll = Poll(created_by=actor, subject_type=subject_type, subject_id=subject_id)
    names = _apply(actor, poll, values)
    db.session.add(poll)
    db.session.flush()
    audit.record(
        "poll.created", poll, actor=actor, data={**audit.snapshot(poll, SETTINGS), "options": names}
    )
    return poll


def update_poll(actor, poll, **values):
    """Edit a poll that has not opened yet."""
    _ensure(can_manage_polls(actor))
    if poll.phase() != Phase.UPCOMING or poll.opened_at is not None:
        raise ServiceError(
            _l(
                "This poll has opened: its question, options, method and voters can no longer change."
            )
        )
    before = audit.snapshot(poll, SETTINGS)
    options_before = poll.option_names()
    names = _apply(actor, poll, values)
    changes = audit.changes_since(before, poll)
    if names != options_before:
        changes["options"] = (options_before, names)
    if changes:
        audit.record("poll.updated", poll, actor=actor, changes=changes)
    return poll


def open_poll(actor, poll):
    """Open an upcoming poll now (its voter list is fixed at once)."""
    _ensure(can_manage_polls(actor))
    if poll.phase() != Phase.UPCOMING:
        raise ServiceError(_l("Only a poll that has not opened yet can be opened."))
    now = utcnow()
    if poll.closes_at <= now:
        raise ServiceError(_l("The poll must close after it opens."))
    poll.opens_at = now
    db.session.flush()
    electorate.fix_electorate(poll, actor=actor)
    return poll


def close_poll(actor, poll, reason):
    """Close an open poll early; the queue then records the closing and publishes."""
    _ensure(can_manage_polls(actor))
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_l("Say why the poll closes early."), "reason")
    if poll.phase() != Phase.OPEN:
        raise ServiceError(_l("Only an open poll can be closed early."))
    poll.closes_at = utcnow()
    poll.close_reason = reason
    audit.record("poll.closed_early", poll, actor=actor, data={"reason": reason})
    schedule_closing(poll, actor)
    return poll


def schedule_closing(poll, actor=None):
    poll.closing_job_id = enqueue("polls.close", actor=actor, poll_id=poll.id).id


def cancel_poll(actor, poll, reason):
    """Cancel a poll that is not published; its ballots are destroyed uncounted."""
    _ensure(can_manage_polls(actor))
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_l("Say why the poll is cancelled."), "reason")
    if poll.phase() in (Phase.CANCELLED, Phase.PUBLISHED):
        raise ServiceError(_l("This poll can no longer be cancelled."))
    # Wait for any cast in flight (it holds a share lock on the poll row), so that no
    # ballot is written after the ones destroyed here.
    db.session.execute(select(Poll.id).where(Poll.id == poll.id).with_for_update())
    destroyed = db.session.execute(delete(PollBallot).where(PollBallot.poll_id == poll.id)).rowcount
    db.session.execute(delete(PollVoter).where(PollVoter.poll_id == poll.id))
    poll.cancelled_at = utcnow()
    poll.cancel_reason = reason
    audit.record(
        "poll.cancelled", poll, actor=actor, data={"reason": reason, "ballots_destroyed": destroyed}
    )
    return poll


def polls_about(subject_type, subject_id):
    """The polls attached to one subject (a proposal's page lists them)."""
    return db.session.scalars(
        select(Poll)
        .where(Poll.subject_type == subject_type, Poll.subject_id == subject_id)
        .order_by(Poll.opens_at.desc())
    ).all()


def is_live(poll):
    return poll.results_shown == ResultsShown.LIVE
