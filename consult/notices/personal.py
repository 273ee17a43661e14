"""What the notices domain holds about one person (the personal-data hooks): what they
follow on the board, and the notices they confirmed having read. Both are theirs alone and
go when their account is deleted (the committee's counts then leave them out)."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core.domain import PersonalTable
from consult.extensions import db
from consult.multilingual.languages import reader_language
from consult.notices.models import (
    Notice,
    NoticeCategory,
    NoticeConfirmation,
    NoticeSubscription,
    SubscriptionKind,
)
from consult.residents.models import Building, Grid
from consult.residents.places import name_of


def _followed(row, tag):
    if row.kind == SubscriptionKind.CATEGORY:
        category = db.session.get(NoticeCategory, row.target_id)
        return category.name(tag) if category is not None else ""
    if row.kind == SubscriptionKind.GRID:
        return name_of(db.session.get(Grid, row.target_id))
    if row.kind == SubscriptionKind.BUILDING:
        return name_of(db.session.get(Building, row.target_id))
    return str(SubscriptionKind.COMMUNITY.label)


def personal_data(user):
    tag = reader_language()
    follows = db.session.scalars(
        select(NoticeSubscription).filter_by(user_id=user.id).order_by(NoticeSubscription.id)
    ).all()
    confirmations = db.session.execute(
        select(NoticeConfirmation.confirmed_at, Notice.title)
        .join(Notice, Notice.id == NoticeConfirmation.notice_id)
        .where(NoticeConfirmation.user_id == user.id)
        .order_by(NoticeConfirmation.confirmed_at)
    ).all()
    return [
        PersonalTable(
            "notice_subscriptions",
            _l("Notices you follow"),
            (("kind", _l("Kind")), ("what", _l("What"))),
            [(str(row.kind.label), _followed(row, tag)) for row in follows],
        ),
        PersonalTable(
            "notice_confirmations",
            _l("Notices you confirmed having read"),
            (("at", _l("When")), ("title", _l("Title"))),
            [(at, title) for at, title in confirmations],
        ),
    ]


def forget_user(user, actor):
    for model in (NoticeSubscription, NoticeConfirmation):
        db.session.execute(model.__table__.delete().where(model.user_id == user.id))
