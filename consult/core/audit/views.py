"""The committee browses and filters the audit trail at /audit."""

from datetime import UTC, datetime, time, timedelta

from flask import Blueprint, render_template, request
from sqlalchemy import select

from consult.core.audit.models import AuditEntry, AuditPersonalValue
from consult.core.audit.trail import ACTION_LABELS, details_of
from consult.core.clock import community_zone
from consult.core.pagination import page_arg, paginate
from consult.core.permissions import is_committee, parse_id, permit
from consult.extensions import db

bp = Blueprint("audit", __name__, url_prefix="/audit")
PER_PAGE = 50


def _date_arg(name):
    try:
        return datetime.strptime(request.args.get(name, ""), "%Y-%m-%d").date()
    except ValueError:
        return None


def trail_filters():
    """The trail's filters from the query string; anything malformed is ignored."""
    args = request.args
    return {
        "action": (args.get("action") or "").strip()[:60] or None,
        "object_type": (args.get("object_type") or "").strip()[:40] or None,
        "object_id": parse_id(args.get("object_id", "")),
        "actor": parse_id(args.get("actor", "")),
        "since": _date_arg("since"),
        "until": _date_arg("until"),
    }


def _filtered(filters):
    zone = community_zone()
    stmt = select(AuditEntry)
    for column, key in (
        (AuditEntry.action, "action"),
        (AuditEntry.object_type, "object_type"),
        (AuditEntry.object_id, "object_id"),
        (AuditEntry.actor_id, "actor"),
    ):
        if filters[key] is not None:
            stmt = stmt.where(column == filters[key])
    # Dates are the community's days.
    if filters["since"]:
        start = datetime.combine(filters["since"], time(), zone).astimezone(UTC)
        stmt = stmt.where(AuditEntry.at >= start)
    if filters["until"]:
        end = datetime.combine(filters["until"] + timedelta(days=1), time(), zone)
        stmt = stmt.where(AuditEntry.at < end.astimezone(UTC))
    return stmt.order_by(AuditEntry.id.desc())


def _load(ids):
    return db.session.scalars(select(AuditEntry).where(AuditEntry.id.in_(ids))).all()


def _choices():
    from consult.accounts.models import User

    actions = db.session.scalars(select(AuditEntry.action).distinct()).all()
    types = db.session.scalars(
        select(AuditEntry.object_type).where(AuditEntry.object_type.is_not(None)).distinct()
    ).all()
    actor_ids = select(AuditEntry.actor_id).where(AuditEntry.actor_id.is_not(None)).distinct()
    # A deleted account has no name: the trail calls it "former account #n".
    people = db.session.execute(
        select(User.id, User.display_name)
        .where(User.id.in_(actor_ids), User.deleted_at.is_(None))
        .order_by(User.display_name)
    ).all()
    return sorted(actions), sorted(types), people


@bp.get("")
@permit(is_committee)
def trail():
    from consult.accounts.models import User

    filters = trail_filters()
    page = paginate(_filtered(filters), page_arg(), PER_PAGE, id_column=AuditEntry.id, load=_load)
    entry_ids = [entry.id for entry in page.items]
    values = {
        value.digest: value
        for value in db.session.scalars(
            select(AuditPersonalValue).where(AuditPersonalValue.entry_id.in_(entry_ids))
        )
    }
    actor_ids = {entry.actor_id for entry in page.items if entry.actor_id}
    names = dict(
        db.session.execute(
            select(User.id, User.display_name).where(
                User.id.in_(actor_ids), User.deleted_at.is_(None)
            )
        ).all()
    )
    actions, types, people = _choices()
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template(
        "audit/trail.html",
        page=page,
        rows=[(entry, details_of(entry, values)) for entry in page.items],
        names=names,
        labels=ACTION_LABELS,
        filters=filters,
        actions=actions,
        types=types,
        people=people,
        args=args,
    )
