"""Categories (names in each UI language) and the committee's settings for proposals."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from consult.core import audit
from consult.core.services import Problems, ServiceError
from consult.extensions import db
from consult.proposals.models import Category, Proposal, ProposalSettings
from consult.proposals.permissions import can_manage_proposals
from consult.text.chinese import to_traditional

audit.describe("proposal_category.created", _l("Proposal category added"))
audit.describe("proposal_category.updated", _l("Proposal category renamed"))
audit.describe("proposal_category.deleted", _l("Proposal category removed"))
audit.describe("proposal_settings.updated", _l("Proposal settings changed"))

NAME_LIMIT = 80


def _ensure(actor):
    if not can_manage_proposals(actor):
        raise ServiceError(_l("Only the committee manages proposal categories and settings."))


def categories():
    return db.session.scalars(select(Category).order_by(Category.position, Category.id)).all()


def _names(en, zh_hans, zh_hant):
    """The names per language; Traditional is converted from Simplified when left empty."""
    problems = Problems()
    en, zh_hans, zh_hant = (" ".join((v or "").split()) for v in (en, zh_hans, zh_hant))
    if not en:
        problems.add(_l("Give the English name."), "name_en")
    if not zh_hans:
        problems.add(_l("Give the Chinese name."), "name_zh_hans")
    for field, value in (("name_en", en), ("name_zh_hans", zh_hans), ("name_zh_hant", zh_hant)):
        if len(value) > NAME_LIMIT:
            problems.add(_l("Use at most %(max)d characters.", max=NAME_LIMIT), field)
    problems.raise_any()
    return {"en": en, "zh-Hans": zh_hans, "zh-Hant": zh_hant or to_traditional(zh_hans)}


def create_category(actor, en, zh_hans, zh_hant=None):
    _ensure(actor)
    position = db.session.scalar(select(func.coalesce(func.max(Category.position), 0))) + 1
    category = Category(names=_names(en, zh_hans, zh_hant), position=position)
    db.session.add(category)
    db.session.flush()
    audit.record("proposal_category.created", category, actor=actor, data={"names": category.names})
    return category


def update_category(actor, category, en, zh_hans, zh_hant=None):
    _ensure(actor)
    before = audit.snapshot(category, ("names",))
    category.names = _names(en, zh_hans, zh_hant)
    changes = audit.changes_since(before, category)
    if changes:
        audit.record("proposal_category.updated", category, actor=actor, changes=changes)
    return category


def delete_category(actor, category):
    _ensure(actor)
    used = db.session.scalar(
        select(func.count(Proposal.id)).where(Proposal.category_id == category.id)
    )
    if used:
        raise ServiceError(
            _l("%(count)d proposals are in this category: it cannot be removed.", count=used)
        )
    audit.record("proposal_category.deleted", category, actor=actor, data={"names": category.names})
    db.session.delete(category)


def update_settings(actor, support_threshold, consultation_days):
    _ensure(actor)
    problems = Problems()
    if support_threshold is not None and not 1 <= support_threshold <= 100_000:
        problems.add(_l("Enter a number from 1 to %(max)d.", max=100_000), "support_threshold")
    if consultation_days is None or not 1 <= consultation_days <= 180:
        problems.add(_l("Enter a number from 1 to %(max)d.", max=180), "consultation_days")
    problems.raise_any()
    row = db.session.get(ProposalSettings, 1)
    if row is None:
        row = ProposalSettings(id=1, consultation_days=30)
        db.session.add(row)
        db.session.flush()
    before = audit.snapshot(row, ("support_threshold", "consultation_days"))
    row.support_threshold, row.consultation_days = support_threshold, consultation_days
    changes = audit.changes_since(before, row)
    if changes:
        audit.record("proposal_settings.updated", row, actor=actor, changes=changes)
    return row
