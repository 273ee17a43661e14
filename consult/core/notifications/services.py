"""Notification rules: who gets what, how; the inbox; the committee's urgent messages."""

import json

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update

from consult.core import audit
from consult.core.models import utcnow
from consult.core.notifications.kinds import URGENT, all_kinds
from consult.core.notifications.models import (
    Frequency,
    Notification,
    NotificationSetting,
    UrgentMessage,
)
from consult.core.permissions import is_committee
from consult.core.queue import enqueue
from consult.core.services import Problems, ServiceError
from consult.domains import each_part
from consult.extensions import db

audit.describe("notifications.settings_changed", _l("Notification settings changed"))
audit.describe("notifications.read", _l("Notifications marked as read"))
audit.describe("notifications.urgent_sent", _l("Urgent message sent"))


def audience():
    """The module that knows who lives where (the register), or None."""
    return next((part for _domain, part in each_part("audience")), None)


def setting_for(user, kind):
    """(frequency, by_email, by_sms) of ``user`` for ``kind``: their choice or its default."""
    row = db.session.scalars(
        select(NotificationSetting).filter_by(user_id=user.id, kind=kind.key)
    ).first()
    if row is not None:
        return Frequency(row.frequency), row.by_email, row.by_sms
    return Frequency(kind.default), kind.by_email, kind.by_sms


def settings_of(user):
    """{kind key: (frequency, by_email, by_sms)} for every kind (choices and defaults)."""
    rows = {
        row.kind: row
        for row in db.session.scalars(select(NotificationSetting).filter_by(user_id=user.id))
    }
    result = {}
    for key, kind in all_kinds().items():
        row = rows.get(key)
        result[key] = (
            (Frequency(row.frequency), row.by_email, row.by_sms)
            if row is not None
            else (Frequency(kind.default), kind.by_email, kind.by_sms)
        )
    return result


def save_settings(user, choices):
    """Keep ``{kind key: (frequency, by_email, by_sms)}`` as ``user``'s choices."""
    kinds = all_kinds()
    before = settings_of(user)
    for key, (frequency, by_email, by_sms) in choices.items():
        if key not in kinds or key == URGENT.key or Frequency.parse(frequency) is None:
            raise ServiceError(_l("Choose how often for each kind of message."))
        row = db.session.scalars(
            select(NotificationSetting).filter_by(user_id=user.id, kind=key)
        ).first()
        if row is None:
            row = NotificationSetting(user_id=user.id, kind=key)
            db.session.add(row)
        row.frequency, row.by_email, row.by_sms = Frequency(frequency), bool(by_email), bool(by_sms)
    db.session.flush()
    after = settings_of(user)
    changes = {
        key: ([str(v) for v in before[key]], [str(v) for v in after[key]])
        for key in after
        if before[key] != after[key]
    }
    if changes:
        audit.record("notifications.settings_changed", user, actor=user, changes=changes)


def notify(kind, users, *, path=None, **params):
    """Tell ``users`` about something of ``kind``: into their inbox, and by the channels
    and at the frequency each chose. ``path`` is where the message leads on this site."""
    created, now_ids = [], []
    for user in users:
        if not getattr(user, "active", True):
            continue  # a deleted (or disabled) account gets nothing
        frequency, by_email, by_sms = setting_for(user, kind)
        if frequency is Frequency.NEVER:
            continue
        notification = Notification(
            user_id=user.id,
            kind=kind.key,
            params=json.dumps(params, ensure_ascii=False, sort_keys=True),
            path=path,
            daily=frequency is Frequency.DAILY,
        )
        db.session.add(notification)
        created.append(notification)
    db.session.flush()
    now_ids = [n.id for n in created if not n.daily]
    if now_ids:
        enqueue("notifications.deliver", ids=now_ids)
    return created


def unread_count(user):
    if not getattr(user, "is_authenticated", False):
        return 0
    return db.session.scalar(
        select(func.count(Notification.id)).where(
            Notification.user_id == user.id, Notification.read_at.is_(None)
        )
    )


def mark_read(user, notification):
    if notification.user_id != user.id:
        raise ServiceError(_l("This message is not yours."))
    if notification.read_at is None:
        notification.read_at = utcnow()
        audit.record("notifications.read", notification, actor=user)
    return notification


def mark_all_read(user):
    count = db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    ).rowcount
    if count:
        audit.record("notifications.read", user, actor=user, data={"messages": count})
    return count


SCOPES = ("community", "grid", "building")


def send_urgent(actor, scope, texts):
    """Send an urgent message to everyone in ``scope`` ("community", "grid:3",
    "building:7") by every channel they have, whatever their settings.

    ``texts`` is {locale: (subject, body)} with at least one language; each person reads
    theirs (Traditional from Simplified by conversion when not written).
    """
    if not is_committee(actor):
        raise ServiceError(_l("Only the residents' committee sends urgent messages."))
    problems = Problems()
    kind, _, number = (scope or "").partition(":")
    if kind not in SCOPES or (kind != "community" and not number.isdigit()):
        problems.add(_l("Choose who the message is for."), "scope")
    written = {
        locale: pair for locale, pair in texts.items() if pair[0].strip() and pair[1].strip()
    }
    if not written:
        problems.add(_l("Write the message's subject and text in at least one language."))
    problems.raise_any()
    message = UrgentMessage(
        scope=kind,
        scope_id=int(number) if number else None,
        texts=json.dumps(
            {k: {"subject": s, "body": b} for k, (s, b) in written.items()}, ensure_ascii=False
        ),
        created_by_id=actor.id,
    )
    db.session.add(message)
    db.session.flush()
    enqueue("notifications.urgent", actor=actor, message_id=message.id)
    return message
