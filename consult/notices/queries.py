"""What the board, the archive, the feeds and the API select: by the stored times, now."""

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload, selectinload

from consult.notices.models import Notice, NoticeScope
from consult.residents.models import Building


def published_condition(now):
    return (
        Notice.publish_at.is_not(None),
        Notice.publish_at <= now,
        or_(Notice.expires_at.is_(None), Notice.expires_at > now),
    )


def archived_condition(now):
    return (Notice.expires_at.is_not(None), Notice.expires_at <= now)


def visible_condition(now):
    return (Notice.publish_at.is_not(None), Notice.publish_at <= now)


def loaded(stmt):
    return stmt.options(
        joinedload(Notice.category), joinedload(Notice.grid), joinedload(Notice.building),
        selectinload(Notice.translations),
    )  # fmt: skip


def parse_scope(value):
    """("community" | "grid" | "building", id or None) from a filter value, or None."""
    kind, _, number = (value or "").partition(":")
    if kind == "community" and not number:
        return "community", None
    if kind in ("grid", "building") and number.isdigit() and len(number) <= 9:
        return kind, int(number)
    return None


def concerning(stmt, scope):
    """Notices that concern a place: the whole community's, and for a grid its own and its
    buildings', for a building its own and its grid's."""
    kind, number = scope
    community = Notice.scope == NoticeScope.COMMUNITY.value
    if kind == "community":
        return stmt.where(community)
    if kind == "grid":
        return stmt.where(
            or_(
                community,
                Notice.grid_id == number,
                Notice.building_id.in_(select(Building.id).where(Building.grid_id == number)),
            )
        )
    return stmt.where(
        or_(
            community,
            Notice.building_id == number,
            Notice.grid_id.in_(select(Building.grid_id).where(Building.id == number)),
        )
    )


def board(now, category=None, scope=None):
    """The board: pinned first, then newest."""
    stmt = select(Notice).where(*published_condition(now))
    stmt = filtered(stmt, category, scope)
    return stmt.order_by(Notice.pinned.desc(), Notice.publish_at.desc(), Notice.id.desc())


def archive(now, category=None, scope=None):
    stmt = select(Notice).where(*visible_condition(now), *archived_condition(now))
    stmt = filtered(stmt, category, scope)
    return stmt.order_by(Notice.expires_at.desc(), Notice.id.desc())


def filtered(stmt, category=None, scope=None):
    if category is not None:
        stmt = stmt.where(Notice.category_id == category.id)
    if scope is not None:
        stmt = concerning(stmt, scope)
    return stmt
