"""Proposals in the committee's "export everything" ZIP (the export hook)."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from consult.core.domain import ExportTable
from consult.extensions import db
from consult.proposals.models import (
    Answer,
    Attachment,
    Category,
    Follow,
    Proposal,
    ProposalSettings,
    StateChange,
    Support,
)


def _iso(value):
    return value.isoformat() if value else ""


def proposal_rows():
    stmt = (
        select(Proposal)
        .options(joinedload(Proposal.author), joinedload(Proposal.category))
        .order_by(Proposal.id)
    )
    for p in db.session.scalars(stmt):
        place = p.grid_id or p.building_id or ""
        yield (
            p.id, p.title, p.summary, p.body, p.language, p.revision, p.state.value,
            p.category.names.get("en", "") if p.category else "", p.scope.value, place,
            p.author.display_name, p.supports_count, p.comments_count, _iso(p.created_at),
            _iso(p.published_at), _iso(p.closes_on), p.withdrawn_reason or "", p.author_id,
        )  # fmt: skip


def answer_rows():
    for a in db.session.scalars(select(Answer).order_by(Answer.proposal_id)):
        yield (a.proposal_id, a.outcome.value, a.language, a.prevailing_language, a.revision,
               a.body, _iso(a.created_at), _iso(a.published_at), a.author_id)  # fmt: skip


def timeline_rows():
    for change in db.session.scalars(select(StateChange).order_by(StateChange.id)):
        yield (change.proposal_id, change.state.value, _iso(change.at),
               change.cause.value if change.cause else "", change.note or "",
               change.actor_id or "")  # fmt: skip


def category_rows():
    for c in db.session.scalars(select(Category).order_by(Category.position, Category.id)):
        names = c.names or {}
        yield (c.id, names.get("en", ""), names.get("zh-Hans", ""), names.get("zh-Hant", ""))


def _by_account(model):
    """Supports or follows: proposal, account number, since when."""

    def rows():
        stmt = select(model).order_by(model.id).execution_options(yield_per=1000)
        for row in db.session.scalars(stmt):
            yield (row.proposal_id, row.user_id, _iso(row.created_at))

    return rows


def attachment_rows():
    for a in db.session.scalars(select(Attachment).order_by(Attachment.id)):
        yield (a.proposal_id, a.kind.value, a.filename, a.content_type, a.size, a.description,
               a.uploaded_by_id, _iso(a.created_at), a.stored_name)  # fmt: skip


def settings_rows():
    for row in db.session.scalars(select(ProposalSettings).order_by(ProposalSettings.id)):
        yield ("support_threshold", "" if row.support_threshold is None else row.support_threshold)
        yield ("consultation_days", row.consultation_days)


def export_tables():
    return [
        ExportTable(
            "proposals.csv",
            _l("Every proposal in its original language, with its state and counts."),
            (
                "id",
                "title",
                "summary",
                "body",
                "language",
                "revision",
                "state",
                "category",
                "scope",
                "place_id",
                "author",
                "supports",
                "comments",
                "created_at",
                "published_at",
                "closes_on",
                "withdrawn_reason",
                "author_id",
            ),  # fmt: skip
            proposal_rows,
        ),
        ExportTable(
            "proposal_answers.csv",
            _l("The committee's official answers, in the language each was written in."),
            (
                "proposal_id",
                "outcome",
                "language",
                "prevailing_language",
                "revision",
                "body",
                "created_at",
                "published_at",
                "author_id",
            ),  # fmt: skip
            answer_rows,
        ),
        ExportTable(
            "proposal_timeline.csv",
            _l("Every change of state of every proposal."),
            ("proposal_id", "state", "at", "cause", "note", "actor_id"),
            timeline_rows,
        ),
        ExportTable(
            "proposal_categories.csv",
            _l("Proposal categories with their names in each language."),
            ("id", "name_en", "name_zh_hans", "name_zh_hant"),
            category_rows,
        ),
        ExportTable(
            "proposal_supports.csv",
            _l("Who supports which proposal (account numbers), and since when."),
            ("proposal_id", "account_id", "created_at"),
            _by_account(Support),
        ),
        ExportTable(
            "proposal_follows.csv",
            _l("Who follows which proposal (account numbers), and since when."),
            ("proposal_id", "account_id", "created_at"),
            _by_account(Follow),
        ),
        ExportTable(
            "proposal_attachments.csv",
            _l(
                "Files attached to proposals: name, type, size, description and who uploaded them (account numbers); stored_name is the file under the upload folder."
            ),
            (
                "proposal_id",
                "kind",
                "filename",
                "content_type",
                "size",
                "description",
                "uploaded_by_id",
                "created_at",
                "stored_name",
            ),
            attachment_rows,
        ),
        ExportTable(
            "proposal_settings.csv",
            _l("The committee's settings for proposals: support threshold, consultation days."),
            ("setting", "value"),
            settings_rows,
        ),
    ]
