"""Notice rules: writing, translating, publishing, archiving, subscriptions, confirmations.

Functions take the acting user, check the rules (services check permission too: a command
or a job may call them), change the session and leave the commit to the caller. Every change
of a notice's text tells site search (``content_changed("notice", id)``) and, through
``original_edited``, the multilingual layer (its translations become outdated).

Publishing needs a text written by a person in every content language, or, for each
language still missing, a translator asked (a translation request) and the committee's
choice to publish with that language marked "translation coming".
"""

import re
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from consult.core import audit
from consult.core.notifications import notify
from consult.core.queue import enqueue
from consult.core.searching import content_changed
from consult.core.services import Problems, ServiceError
from consult.extensions import db
from consult.i18n import LOCALE_TAGS, UI_LOCALES
from consult.multilingual import services as multilingual
from consult.multilingual.languages import base_language, language_name, normalize_tag
from consult.multilingual.models import Translation, TranslationRequest
from consult.multilingual.reading import localize, missing_languages
from consult.notices import clock
from consult.notices.models import (
    ARCHIVED,
    DRAFT,
    PUBLISHED,
    SCHEDULED,
    Notice,
    NoticeCategory,
    NoticeConfirmation,
    NoticeScope,
    NoticeSubscription,
    SubscriptionKind,
)
from consult.notices.permissions import can_confirm_notice, can_manage_notices, home_of
from consult.residents.models import Building, Grid, Household, Resident
from consult.text.chinese import to_traditional

audit.describe("notice.created", _l("Notice written"))
audit.describe("notice.updated", _l("Notice edited"))
audit.describe("notice.published", _l("Notice published"))
audit.describe("notice.archived", _l("Notice archived"))
audit.describe("notice.deleted", _l("Notice deleted"))
audit.describe("notice.announced", _l("Notice sent to subscribers"))
audit.describe("notice.confirmed", _l("Notice confirmed as read"))
audit.describe("notice.reminded", _l("Reminder to confirm a notice sent"))
audit.describe("notice.subscriptions_changed", _l("Notice subscriptions changed"))
audit.describe("notice_category.created", _l("Notice category added"))
audit.describe("notice_category.updated", _l("Notice category renamed"))
audit.describe("notice_category.deleted", _l("Notice category removed"))

TITLE_LIMIT, BODY_LIMIT, NAME_LIMIT = 200, 20000, 80
EDITABLE = ("title", "body", "language", "category_id", "scope", "grid_id", "building_id",
            "pinned", "needs_confirmation", "urgent", "expires_at")  # fmt: skip
MAX_SCHEDULE = timedelta(days=366)


def _ensure(actor):
    if not can_manage_notices(actor):
        raise ServiceError(_l("Only the residents' committee writes and publishes notices."))


def status(notice):
    return notice.status_at(clock.now())


# Categories ------------------------------------------------------------------------------


def categories():
    return db.session.scalars(
        select(NoticeCategory).order_by(NoticeCategory.position, NoticeCategory.id)
    ).all()


def category_by_slug(slug):
    return db.session.scalars(select(NoticeCategory).filter_by(slug=slug or "")).first()


def _slug(text):
    return re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")[:40]


def _category_values(en, zh_hans, zh_hant, slug, category=None):
    problems = Problems()
    en, zh_hans, zh_hant = (" ".join((v or "").split()) for v in (en, zh_hans, zh_hant))
    if not en:
        problems.add(_l("Give the English name."), "name_en")
    if not zh_hans:
        problems.add(_l("Give the Chinese name."), "name_zh_hans")
    for field, value in (("name_en", en), ("name_zh_hans", zh_hans), ("name_zh_hant", zh_hant)):
        if len(value) > NAME_LIMIT:
            problems.add(_l("Use at most %(max)d characters.", max=NAME_LIMIT), field)
    slug = _slug(slug or en)
    if not slug:
        problems.add(_l("Give a short name in Latin letters and digits (for feed addresses)."), "slug")  # fmt: skip
    else:
        other = category_by_slug(slug)
        if other is not None and other is not category:
            problems.add(_l("Another category has this short name."), "slug")
    problems.raise_any()
    names = {"en": en, "zh-Hans": zh_hans, "zh-Hant": zh_hant or to_traditional(zh_hans)}
    return names, slug


def create_category(actor, en, zh_hans, zh_hant=None, slug=None):
    _ensure(actor)
    names, slug = _category_values(en, zh_hans, zh_hant, slug)
    position = db.session.scalar(select(func.coalesce(func.max(NoticeCategory.position), 0))) + 1
    category = NoticeCategory(names=names, slug=slug, position=position)
    db.session.add(category)
    db.session.flush()
    audit.record("notice_category.created", category, actor=actor,
                 data={"names": names, "slug": slug})  # fmt: skip
    return category


def update_category(actor, category, en, zh_hans, zh_hant=None, slug=None):
    _ensure(actor)
    before = audit.snapshot(category, ("names", "slug"))
    category.names, category.slug = _category_values(en, zh_hans, zh_hant, slug, category)
    changes = audit.changes_since(before, category)
    if changes:
        audit.record("notice_category.updated", category, actor=actor, changes=changes)
    return category


def delete_category(actor, category):
    _ensure(actor)
    used = db.session.scalar(select(func.count(Notice.id)).where(Notice.category_id == category.id))
    if used:
        raise ServiceError(
            _l("%(count)d notices are in this category: it cannot be removed.", count=used)
        )
    db.session.execute(
        NoticeSubscription.__table__.delete().where(
            NoticeSubscription.kind == SubscriptionKind.CATEGORY.value,
            NoticeSubscription.target_id == category.id,
        )
    )
    audit.record("notice_category.deleted", category, actor=actor, data={"names": category.names})
    db.session.delete(category)


# Writing ---------------------------------------------------------------------------------


def _exists(model, row_id):
    return bool(row_id) and db.session.get(model, row_id) is not None


def _check_values(values, problems):
    title = " ".join((values.get("title") or "").split())
    if not title:
        problems.add(_l("Give the notice a title."), "title")
    elif len(title) > TITLE_LIMIT:
        problems.add(_l("Use at most %(max)d characters.", max=TITLE_LIMIT), "title")
    body = (values.get("body") or "").strip()
    if not body:
        problems.add(_l("Write the notice."), "body")
    elif len(body) > BODY_LIMIT:
        problems.add(_l("Use at most %(max)d characters.", max=BODY_LIMIT), "body")
    language = normalize_tag(values.get("language"))
    if language is None:
        problems.add(_l("Choose the language you wrote in."), "language")
    category_id = values.get("category_id")
    if not _exists(NoticeCategory, category_id):
        problems.add(_l("Choose one of the categories."), "category_id")
    scope = NoticeScope.parse(values.get("scope") or "community")
    grid_id = values.get("grid_id") if scope == NoticeScope.GRID else None
    building_id = values.get("building_id") if scope == NoticeScope.BUILDING else None
    if scope is None or (scope == NoticeScope.GRID and not _exists(Grid, grid_id)):
        problems.add(_l("Choose the grid the notice is for."), "grid_id")
    if scope == NoticeScope.BUILDING and not _exists(Building, building_id):
        problems.add(_l("Choose the building the notice is for."), "building_id")
    expires_at = values.get("expires_at")
    return {
        "title": title, "body": body, "language": language, "category_id": category_id,
        "scope": scope or NoticeScope.COMMUNITY, "grid_id": grid_id, "building_id": building_id,
        "pinned": bool(values.get("pinned")),
        "needs_confirmation": bool(values.get("needs_confirmation")),
        "urgent": bool(values.get("urgent")), "expires_at": expires_at,
    }  # fmt: skip


def _check_times(publish_at, expires_at, problems, field="expires_at"):
    if expires_at is not None and publish_at is not None and expires_at <= publish_at:
        problems.add(_l("The notice must come down after it goes up."), field)


def create_notice(actor, **values):
    """A new draft notice by the committee."""
    _ensure(actor)
    problems = Problems()
    cleaned = _check_values(values, problems)
    if cleaned["expires_at"] is not None and cleaned["expires_at"] <= clock.now():
        problems.add(_l("The notice must come down after it goes up."), "expires_at")
    problems.raise_any()
    notice = Notice(author_id=actor.id, revision=1, coming_languages=[],
                    edited_at=clock.now(), **cleaned)  # fmt: skip
    db.session.add(notice)
    db.session.flush()
    audit.record("notice.created", notice, actor=actor,
                 data={"title": notice.title, "language": notice.language})  # fmt: skip
    content_changed("notice", notice.id)
    return notice


def update_notice(actor, notice, **values):
    """The committee edits a notice; its translations become outdated when the text
    changes. A notice already sent is not sent again."""
    _ensure(actor)
    problems = Problems()
    cleaned = _check_values(values, problems)
    _check_times(notice.publish_at, cleaned["expires_at"], problems)
    problems.raise_any()
    before = audit.snapshot(notice, EDITABLE)
    texts = multilingual.snapshot_texts(notice)
    for field, value in cleaned.items():
        setattr(notice, field, value)
    if multilingual.original_edited(actor, notice, texts):
        notice.edited_at = clock.now()
        if notice.publish_at is not None:
            _keep_translators_asked(actor, notice)
    changes = audit.changes_since(before, notice)
    if changes:
        audit.record("notice.updated", notice, actor=actor, changes=changes,
                     data={"revision": notice.revision})  # fmt: skip
    content_changed("notice", notice.id)
    return notice


def _keep_translators_asked(actor, notice):
    """A published notice whose text changed: each content language that lost its current
    text is asked for again and marked "translation coming"."""
    missing = missing_languages(notice)
    for tag in missing:
        if open_request(notice, tag) is None:
            multilingual.request_translation(actor, notice, tag)
    notice.coming_languages = list(missing)


def open_request(notice, language):
    """The unanswered translation request for ``notice`` in ``language``, or None."""
    return db.session.scalars(
        select(TranslationRequest).filter_by(
            content_type="notice",
            content_id=notice.id,
            base_language=base_language(language),
            answered_at=None,
        )
    ).first()


def ask_translation(actor, notice, language):
    """The committee asks translators for ``notice`` in ``language`` (the desk lists it)."""
    _ensure(actor)
    return multilingual.request_translation(actor, notice, language)


def languages_status(notice):
    """[(content language, "written" | "asked" | "missing")] for the committee's page."""
    from consult.multilingual.languages import content_languages

    missing = set(missing_languages(notice))
    result = []
    for tag in content_languages():
        if tag not in missing:
            result.append((tag, "written"))
        else:
            result.append((tag, "asked" if open_request(notice, tag) else "missing"))
    return result


def publish_notice(actor, notice, publish_at=None, mark_missing=False):
    """Put the notice up now (``publish_at`` None) or at ``publish_at``.

    Every content language needs a text by a person; a language without one may only be
    marked "translation coming" (``mark_missing``) once a translator has been asked for it.
    """
    _ensure(actor)
    if notice.publish_at is not None:
        raise ServiceError(_l("This notice is already published or scheduled."))
    now = clock.now()
    problems = Problems()
    when = publish_at or now
    if publish_at is not None and publish_at < now - timedelta(minutes=1):
        problems.add(_l("Choose a time from now on, or leave it empty to publish now."), "publish_at")  # fmt: skip
    elif when > now + MAX_SCHEDULE:
        problems.add(_l("Schedule a notice at most a year ahead."), "publish_at")
    _check_times(when, notice.expires_at, problems, "publish_at")
    missing = missing_languages(notice)
    unasked = [tag for tag in missing if open_request(notice, tag) is None]
    if missing and not mark_missing:
        names = ", ".join(language_name(tag) for tag in missing)
        problems.add(_l("A notice needs a text written by a person in every content language. Missing: %(languages)s. Ask a translator, then publish with the missing languages marked “translation coming”.", languages=names))  # fmt: skip
    elif unasked:
        names = ", ".join(language_name(tag) for tag in unasked)
        problems.add(_l("Ask a translator for %(languages)s before marking it “translation coming”.", languages=names))  # fmt: skip
    problems.raise_any()
    notice.publish_at = when
    notice.published_by_id = actor.id
    notice.coming_languages = list(missing)
    audit.record("notice.published", notice, actor=actor,
                 data={"publish_at": when.isoformat(), "coming_languages": list(missing),
                       "urgent": notice.urgent, "scope": notice.scope_key})  # fmt: skip
    content_changed("notice", notice.id)
    if when <= now:
        enqueue("notices.announce", actor=actor, notice_id=notice.id)
    return notice


def archive_notice(actor, notice):
    """Take a published notice down now (it stays readable and searchable in the archive)."""
    _ensure(actor)
    if status(notice) != PUBLISHED:
        raise ServiceError(_l("Only a published notice can be archived."))
    before = audit.snapshot(notice, ("expires_at",))
    now = clock.now()
    if notice.publish_at >= now:  # put up and taken down within the same instant
        notice.publish_at = now - timedelta(seconds=1)
    notice.expires_at = now
    audit.record(
        "notice.archived", notice, actor=actor, changes=audit.changes_since(before, notice)
    )
    content_changed("notice", notice.id)
    return notice


def delete_notice(actor, notice):
    """Delete a notice with its translations, requests and confirmations."""
    _ensure(actor)
    audit.record("notice.deleted", notice, actor=actor,
                 data={"title": notice.title, "status": status(notice).value})  # fmt: skip
    for model in (Translation, TranslationRequest):
        db.session.execute(
            model.__table__.delete().where(
                model.content_type == "notice", model.content_id == notice.id
            )
        )
    db.session.execute(
        NoticeConfirmation.__table__.delete().where(NoticeConfirmation.notice_id == notice.id)
    )
    notice_id = notice.id
    db.session.delete(notice)
    db.session.flush()
    content_changed("notice", notice_id)


# Sending ---------------------------------------------------------------------------------


def in_every_locale(notice, field):
    """{UI locale: the notice's ``field`` as a reader of that locale sees it}."""
    return {loc: localize(notice, LOCALE_TAGS[loc])[field] for loc in UI_LOCALES}


def _path(notice):
    from consult.core.urls import site_path

    return site_path("notices.notice", notice_id=notice.id)


def _scope_matches(notice, subscription, places):
    kind, target = subscription.kind, subscription.target_id
    if kind == SubscriptionKind.COMMUNITY:
        return notice.scope == NoticeScope.COMMUNITY
    if kind == SubscriptionKind.GRID:
        return (notice.scope == NoticeScope.GRID and notice.grid_id == target) or (
            notice.scope == NoticeScope.BUILDING and places.get(notice.building_id) == target
        )
    if kind == SubscriptionKind.BUILDING:
        return notice.scope == NoticeScope.BUILDING and notice.building_id == target
    return False


def subscribers(notice):
    """The accounts that follow the notice's category and a scope it falls in."""
    from consult.accounts.models import User

    rows = db.session.scalars(
        select(NoticeSubscription).where(
            NoticeSubscription.user_id.in_(
                select(NoticeSubscription.user_id).where(
                    NoticeSubscription.kind == SubscriptionKind.CATEGORY.value,
                    NoticeSubscription.target_id == notice.category_id,
                )
            ),
            NoticeSubscription.kind != SubscriptionKind.CATEGORY.value,
        )
    ).all()
    places = dict(db.session.execute(select(Building.id, Building.grid_id)).all())
    ids = sorted({row.user_id for row in rows if _scope_matches(notice, row, places)})
    if not ids:
        return []
    return db.session.scalars(select(User).where(User.id.in_(ids)).order_by(User.id)).all()


def _urgent_texts(notice):
    from consult.core.urls import external_url

    link = external_url(_path(notice))
    texts = {}
    for locale in UI_LOCALES:
        shown = localize(notice, LOCALE_TAGS[locale])
        texts[locale] = (shown["title"], f"{shown['body']}\n\n{link}")
    return texts


def announce(notice):
    """Send a notice that has gone up: to its subscribers as they chose and, when urgent, to
    everyone in its scope by every channel they have, whatever their settings. Once."""
    from consult.core.notifications import send_urgent
    from consult.core.notifications.services import audience
    from consult.notices import PUBLISHED_KIND

    if notice.announced_at is not None or status(notice) != PUBLISHED:
        return 0
    notice.announced_at = clock.now()
    reached = set()
    if notice.urgent and notice.published_by is not None:
        source = audience()
        if source is not None:
            contacts = source.contacts_in_scope(str(notice.scope), notice.grid_id or notice.building_id)  # fmt: skip
            reached = {c.user_id for c in contacts if c.user_id}
        try:
            send_urgent(notice.published_by, notice.scope_key, _urgent_texts(notice))
        except ServiceError:  # its publisher has left the committee since: subscribers only
            reached = set()
    people = [user for user in subscribers(notice) if user.id not in reached]
    if people:
        category = {loc: notice.category.name(LOCALE_TAGS[loc]) for loc in UI_LOCALES}
        notify(PUBLISHED_KIND, people, path=_path(notice),
               title=in_every_locale(notice, "title"), category=category)  # fmt: skip
    audit.record("notice.announced", notice, actor=None,
                 data={"subscribers": len(people), "urgent": notice.urgent})  # fmt: skip
    content_changed("notice", notice.id)
    return len(people)


def due_announcements():
    """Published notices not yet sent (their time came while nobody was looking)."""
    now = clock.now()
    return db.session.scalars(
        select(Notice).where(
            Notice.announced_at.is_(None),
            Notice.publish_at.is_not(None),
            Notice.publish_at <= now,
            (Notice.expires_at.is_(None)) | (Notice.expires_at > now),
        )
    ).all()


# Subscriptions ---------------------------------------------------------------------------


def subscriptions_of(user):
    """{"categories": {ids}, "scopes": {"community", "grid:3", "building:7"}}."""
    rows = db.session.scalars(select(NoticeSubscription).filter_by(user_id=user.id)).all()
    categories_ = {r.target_id for r in rows if r.kind == SubscriptionKind.CATEGORY}
    scopes = {
        "community" if r.kind == SubscriptionKind.COMMUNITY else f"{r.kind.value}:{r.target_id}"
        for r in rows
        if r.kind != SubscriptionKind.CATEGORY
    }
    return {"categories": categories_, "scopes": scopes}


def _parse_scope(value):
    kind, _, number = (value or "").partition(":")
    if kind == "community" and not number:
        return SubscriptionKind.COMMUNITY, None
    model = {"grid": Grid, "building": Building}.get(kind)
    if model is not None and number.isdigit() and _exists(model, int(number)):
        return SubscriptionKind(kind), int(number)
    return None


def save_subscriptions(user, category_ids, scopes):
    """Keep what ``user`` follows: categories (ids) and scopes ("community", "grid:3" ...)."""
    from consult.core.permissions import is_signed_in

    if not is_signed_in(user):
        raise ServiceError(_l("Sign in to follow notices."))
    wanted = set()
    for category_id in category_ids or ():
        if not _exists(NoticeCategory, category_id):
            raise ServiceError(_l("Choose one of the categories."), "categories")
        wanted.add((SubscriptionKind.CATEGORY, int(category_id)))
    for value in scopes or ():
        parsed = _parse_scope(value)
        if parsed is None:
            raise ServiceError(_l("Choose from the places listed."), "scopes")
        wanted.add(parsed)
    before = subscriptions_of(user)
    db.session.execute(
        NoticeSubscription.__table__.delete().where(NoticeSubscription.user_id == user.id)
    )
    for kind, target in sorted(wanted, key=lambda pair: (pair[0].value, pair[1] or 0)):
        db.session.add(NoticeSubscription(user_id=user.id, kind=kind, target_id=target))
    db.session.flush()
    after = subscriptions_of(user)
    if before != after:
        audit.record("notice.subscriptions_changed", user, actor=user, changes={
            key: (sorted(map(str, before[key])), sorted(map(str, after[key]))) for key in after
        })  # fmt: skip
    return after


def suggested_subscriptions(user):
    """What the form offers someone who follows nothing yet: every category, the whole
    community's notices, and their own grid's and building's."""
    scopes = {"community"}
    home = home_of(user)
    if home is not None:
        scopes |= {f"grid:{home[0]}", f"building:{home[1]}"}
    return {"categories": {c.id for c in categories()}, "scopes": scopes}


# Confirmations ---------------------------------------------------------------------------


def confirm_notice(actor, notice):
    """A resident in scope confirms they have read the notice (once)."""
    if not can_confirm_notice(actor, notice):
        raise ServiceError(_l("Only residents the notice is for can confirm it, while it is up."))
    if has_confirmed(actor, notice):
        return None
    row = NoticeConfirmation(notice_id=notice.id, user_id=actor.id, confirmed_at=clock.now())
    try:
        with db.session.begin_nested():  # the same person pressing twice at once
            db.session.add(row)
    except IntegrityError:
        return None
    audit.record("notice.confirmed", notice, actor=actor)
    return row


def has_confirmed(user, notice):
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        db.session.scalar(
            select(NoticeConfirmation.id).filter_by(notice_id=notice.id, user_id=user.id)
        )
        is not None
    )


def _residents_in_scope(notice):
    from consult.residents.eligibility import current_residents

    stmt = (
        current_residents(select(Resident.id))
        .join(Household, Household.id == Resident.household_id)
        .join(Building, Building.id == Household.building_id)
    )
    if notice.scope == NoticeScope.GRID:
        stmt = stmt.where(Building.grid_id == notice.grid_id)
    elif notice.scope == NoticeScope.BUILDING:
        stmt = stmt.where(Building.id == notice.building_id)
    return stmt


def confirmation_counts(notice):
    """Per grid and building in scope: residents, residents with an account, confirmed.
    Numbers only: [(grid, building, residents, with_account, confirmed)], sorted as people
    count."""
    from consult.residents.places import place_order

    in_scope = _residents_in_scope(notice).subquery()
    stmt = (
        select(
            Building.id,
            func.count(Resident.id),
            func.count(Resident.user_id),
            func.count(NoticeConfirmation.id),
        )
        .select_from(Resident)
        .join(Household, Household.id == Resident.household_id)
        .join(Building, Building.id == Household.building_id)
        .outerjoin(
            NoticeConfirmation,
            (NoticeConfirmation.user_id == Resident.user_id)
            & (NoticeConfirmation.notice_id == notice.id),
        )
        .where(Resident.id.in_(select(in_scope.c.id)))
        .group_by(Building.id)
    )
    counts = {row[0]: row[1:] for row in db.session.execute(stmt)}
    buildings = db.session.scalars(select(Building).where(Building.id.in_(counts))).all()
    rows = [(b.grid, b, *counts[b.id]) for b in buildings]
    return sorted(rows, key=lambda row: (place_order(row[0]), place_order(row[1])))


def confirmation_totals(rows):
    return tuple(sum(row[index] for row in rows) for index in (2, 3, 4))


def unconfirmed_accounts(notice):
    from consult.accounts.models import User

    confirmed = select(NoticeConfirmation.user_id).where(NoticeConfirmation.notice_id == notice.id)
    return db.session.scalars(
        select(User)
        .join(Resident, Resident.user_id == User.id)
        .where(Resident.id.in_(_residents_in_scope(notice)), User.id.not_in(confirmed))
        .order_by(User.id)
    ).all()


def send_reminder(actor, notice):
    """Remind everyone in scope with an account who has not confirmed yet. Returns how many."""
    from consult.notices import REMINDER_KIND

    _ensure(actor)
    if not notice.needs_confirmation or status(notice) != PUBLISHED:
        raise ServiceError(_l("Only a published notice that asks for confirmation has reminders."))
    people = [user for user in unconfirmed_accounts(notice) if user.active]
    if people:
        notify(REMINDER_KIND, people, path=_path(notice), title=in_every_locale(notice, "title"))
    notice.reminded_at = clock.now()
    audit.record("notice.reminded", notice, actor=actor, data={"reminded": len(people)})
    return len(people)


__all__ = ["ARCHIVED", "DRAFT", "PUBLISHED", "SCHEDULED"]
