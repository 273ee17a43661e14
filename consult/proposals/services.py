"""Proposal rules: writing, publishing, withdrawing, review and closing, with the timeline.

Functions take the acting user, check the rules (services check permission too: a command
or a job may call them), change the session and leave the commit to the caller. Every
change of a proposal's text goes through :func:`update_proposal`, which tells the
multilingual layer (translations become outdated; the search index listens there).
"""

from datetime import timedelta

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core import audit
from consult.core.models import utcnow
from consult.core.notifications import notify
from consult.core.searching import content_changed
from consult.core.services import Problems, ServiceError
from consult.extensions import db
from consult.i18n import LOCALE_TAGS, UI_LOCALES
from consult.multilingual import services as multilingual
from consult.multilingual.languages import normalize_tag
from consult.multilingual.reading import localize
from consult.proposals.dates import community_today
from consult.proposals.models import (
    DRAFT,
    OPEN,
    REVIEW,
    WITHDRAWN,
    Category,
    Follow,
    Proposal,
    ProposalSettings,
    Scope,
    StateCause,
    StateChange,
)
from consult.proposals.permissions import (
    can_close_proposal,
    can_create_proposal,
    can_delete_proposal,
    can_edit_proposal,
    can_publish_proposal,
    can_review_proposal,
    can_withdraw_proposal,
)
from consult.residents.models import Building, Grid

MAX_CONSULTATION_DAYS = 180
TEXT_FIELDS = ("title", "summary", "body", "language")
EDITABLE = (*TEXT_FIELDS, "category_id", "scope", "grid_id", "building_id")

audit.describe("proposal.created", _l("Proposal written"))
audit.describe("proposal.updated", _l("Proposal edited"))
audit.describe("proposal.deleted", _l("Draft proposal deleted"))
audit.describe("proposal.state_changed", _l("Proposal state changed"))


def settings():
    """The committee's settings for proposals (defaults until it saves some)."""
    row = db.session.get(ProposalSettings, 1)
    return row if row is not None else ProposalSettings(id=1, consultation_days=30)


def _exists(model, row_id):
    return bool(row_id) and db.session.get(model, row_id) is not None


def _check_values(values, problems):
    """Tidy and check the fields a proposal's author fills in."""
    title = " ".join((values.get("title") or "").split())
    if not title:
        problems.add(_l("Give the proposal a title."), "title")
    elif len(title) > 200:
        problems.add(_l("Use at most %(max)d characters.", max=200), "title")
    summary = (values.get("summary") or "").strip()
    if len(summary) > 500:
        problems.add(_l("Use at most %(max)d characters.", max=500), "summary")
    body = (values.get("body") or "").strip()
    if not body:
        problems.add(_l("Write what you propose."), "body")
    elif len(body) > 20000:
        problems.add(_l("Use at most %(max)d characters.", max=20000), "body")
    language = normalize_tag(values.get("language"))
    if language is None:
        problems.add(_l("Choose the language you wrote in."), "language")
    scope = Scope.parse(values.get("scope") or "community")
    grid_id = values.get("grid_id") if scope == Scope.GRID else None
    building_id = values.get("building_id") if scope == Scope.BUILDING else None
    if scope is None or (scope == Scope.GRID and not _exists(Grid, grid_id)):
        problems.add(_l("Choose the grid the proposal is about."), "grid_id")
    if scope == Scope.BUILDING and not _exists(Building, building_id):
        problems.add(_l("Choose the building the proposal is about."), "building_id")
    category_id = values.get("category_id") or None
    if category_id and not _exists(Category, category_id):
        problems.add(_l("Choose one of the categories."), "category_id")
    return {
        "title": title, "summary": summary, "body": body, "language": language,
        "category_id": category_id, "scope": scope or Scope.COMMUNITY,
        "grid_id": grid_id, "building_id": building_id,
    }  # fmt: skip


def create_proposal(actor, **values):
    """A new draft by ``actor``, who follows it from the start."""
    if not can_create_proposal(actor):
        raise ServiceError(_l("Only verified residents and the committee can write proposals."))
    problems = Problems()
    cleaned = _check_values(values, problems)
    problems.raise_any()
    proposal = Proposal(author_id=actor.id, state=DRAFT, revision=1, **cleaned)
    db.session.add(proposal)
    db.session.flush()
    db.session.add(Follow(proposal_id=proposal.id, user_id=actor.id))
    db.session.add(StateChange(proposal_id=proposal.id, state=DRAFT, actor_id=actor.id))
    audit.record("proposal.created", proposal, actor=actor,
                 data={"title": proposal.title, "language": proposal.language})  # fmt: skip
    content_changed("proposal", proposal.id)
    return proposal


def update_proposal(actor, proposal, **values):
    """The author edits a draft or an open proposal; its translations become outdated when
    its text changes."""
    if not can_edit_proposal(actor, proposal):
        raise ServiceError(_l("Only the author can edit this proposal, and only before review."))
    problems = Problems()
    cleaned = _check_values(values, problems)
    problems.raise_any()
    before = audit.snapshot(proposal, EDITABLE)
    texts = multilingual.snapshot_texts(proposal)
    for field, value in cleaned.items():
        setattr(proposal, field, value)
    # A changed text tells site search through multilingual.text_changed (content.py).
    multilingual.original_edited(actor, proposal, texts)
    changes = audit.changes_since(before, proposal)
    if changes:
        audit.record("proposal.updated", proposal, actor=actor, changes=changes,
                     data={"revision": proposal.revision})  # fmt: skip
    return proposal


def publish_proposal(actor, proposal, closes_on):
    """Open a draft for consultation until ``closes_on`` (a community date)."""
    if not can_publish_proposal(actor, proposal):
        raise ServiceError(_l("Only the author can publish a draft."))
    today = community_today()
    if closes_on is None or closes_on <= today:
        raise ServiceError(_l("Choose an end date after today."), "closes_on")
    if closes_on > today + timedelta(days=MAX_CONSULTATION_DAYS):
        raise ServiceError(
            _l("A consultation lasts at most %(days)d days.", days=MAX_CONSULTATION_DAYS),
            "closes_on",
        )
    proposal.closes_on = closes_on
    proposal.published_at = utcnow()
    change_state(actor, proposal, OPEN)
    multilingual.ask_machine_drafts(actor, proposal)
    return proposal


def delete_draft(actor, proposal):
    """The author throws away a draft nobody else has seen."""
    if not can_delete_proposal(actor, proposal):
        raise ServiceError(_l("Only the author can delete a draft."))
    audit.record("proposal.deleted", proposal, actor=actor, data={"title": proposal.title})
    remove_draft(proposal)


def remove_draft(proposal):
    """A draft's rows and files go (its author deletes it, or their account is deleted)."""
    from consult.proposals.attachments import delete_stored_file

    for attachment in list(proposal.attachments):
        delete_stored_file(attachment)
        db.session.delete(attachment)
    db.session.execute(Follow.__table__.delete().where(Follow.proposal_id == proposal.id))
    for change in list(proposal.timeline):
        db.session.delete(change)
    db.session.delete(proposal)
    db.session.flush()
    content_changed("proposal", proposal.id)


def withdraw_proposal(actor, proposal, reason):
    reason = (reason or "").strip()
    if not can_withdraw_proposal(actor, proposal):
        raise ServiceError(_l("Only the author can withdraw this proposal, and only before it is answered."))  # fmt: skip
    if not reason:
        raise ServiceError(_l("Say why you withdraw the proposal."), "reason")
    if len(reason) > 1000:
        raise ServiceError(_l("Use at most %(max)d characters.", max=1000), "reason")
    record_consultation_end(proposal)
    proposal.withdrawn_reason = reason
    change_state(actor, proposal, WITHDRAWN, note=reason)
    return proposal


def start_review(actor, proposal):
    """The committee ends the consultation early and reviews the proposal."""
    if not can_review_proposal(actor, proposal):
        raise ServiceError(_l("Only the committee can start the review of an open proposal."))
    change_state(actor, proposal, REVIEW)
    return proposal


def close_proposal(actor, proposal):
    if not can_close_proposal(actor, proposal):
        raise ServiceError(_l("Only an answered proposal can be closed, by the committee."))
    from consult.proposals.models import CLOSED

    change_state(actor, proposal, CLOSED)
    return proposal


def record_consultation_end(proposal, actor=None):
    """Record the move to review of a consultation whose end date has passed (readers see
    it as under review already; this keeps the timeline and tells followers)."""
    if proposal.state == OPEN and proposal.current_state(community_today()) == REVIEW:
        change_state(actor, proposal, REVIEW, cause=StateCause.ENDED)
        return True
    return False


# The timeline and followers ------------------------------------------------------------------


def change_state(actor, proposal, state, note=None, cause=None, kind=None, **params):
    """Move ``proposal`` to ``state``, keep it in the public timeline and the audit trail, and
    tell its followers (except whoever made the change)."""
    from consult.proposals import STATE_CHANGED

    old = proposal.state
    proposal.move_to(state)
    actor_id = getattr(actor, "id", None) if getattr(actor, "is_authenticated", False) else None
    db.session.add(
        StateChange(proposal_id=proposal.id, state=state, actor_id=actor_id, note=note, cause=cause)
    )
    audit.record("proposal.state_changed", proposal, actor=actor, changes={"state": (old, state)},
                 data={"note": note, "cause": cause} if note or cause else None)  # fmt: skip
    if old != DRAFT:
        labels = in_every_locale(lambda locale: str(state.label))
        tell_followers(proposal, kind or STATE_CHANGED, actor, state=labels, **params)


def in_every_locale(text_for):
    """{UI locale: text_for(locale)}, each computed in that locale."""
    values = {}
    for locale in UI_LOCALES:
        with force_locale(locale):
            values[locale] = text_for(locale)
    return values


def followers(proposal):
    from consult.accounts.models import User

    return db.session.scalars(
        select(User)
        .join(Follow, Follow.user_id == User.id)
        .where(Follow.proposal_id == proposal.id)
    ).all()


def tell_followers(proposal, kind, actor=None, **params):
    people = [user for user in followers(proposal) if user.id != getattr(actor, "id", None)]
    if not people:
        return
    titles = {loc: localize(proposal, LOCALE_TAGS[loc])["title"] for loc in UI_LOCALES}
    from consult.core.urls import site_path

    notify(kind, people, path=site_path("proposals.proposal", proposal_id=proposal.id),
           title=titles, **params)  # fmt: skip
