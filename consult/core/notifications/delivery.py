"""Sending, on the task queue: each message as chosen, the daily digest, urgent messages."""

import json
from collections import defaultdict

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core import audit
from consult.core.mail import send_email
from consult.core.models import utcnow
from consult.core.notifications.kinds import URGENT, all_kinds, render
from consult.core.notifications.models import Notification, UrgentMessage
from consult.core.notifications.services import audience, setting_for
from consult.core.notifications.sms import SmsError, send_sms, sms_enabled
from consult.core.queue import daily_at, periodic, task
from consult.core.urls import external_url
from consult.extensions import db
from consult.i18n import DEFAULT_LOCALE, UI_LOCALES
from consult.text.chinese import to_simplified, to_traditional

DIGEST_HOUR = 18  # community time


def _user(user_id):
    from consult.accounts.models import User

    return db.session.get(User, user_id)


def _link(notification):
    return external_url(notification.path) if notification.path else None


def _phone(user):
    source = audience()
    return source.phone_of(user) if source is not None else None


@task("notifications.deliver")
def deliver(job, ids):
    """E-mail and text each message now, as its recipient chose."""
    kinds = all_kinds()
    for notification in db.session.scalars(select(Notification).where(Notification.id.in_(ids))):
        user, kind = _user(notification.user_id), kinds.get(notification.kind)
        if user is None or kind is None:
            continue
        _, by_email, by_sms = setting_for(user, kind)
        locale = user.preferred_locale or DEFAULT_LOCALE
        subject, text = render(notification.kind, notification.params, locale)
        link = _link(notification)
        if by_email and user.email and notification.emailed_at is None:
            send_email(user.email, subject, "notification", locale, user=user, text=text, link=link)
            notification.emailed_at = utcnow()
            db.session.commit()  # sent is sent: a later failure must not send it twice
        if by_sms and notification.texted_at is None and sms_enabled() and (phone := _phone(user)):
            send_sms(phone, " ".join(part for part in (subject, link) if part), locale)
            notification.texted_at = utcnow()
            db.session.commit()


@periodic("notifications.daily_digest", daily_at(DIGEST_HOUR))
def send_digests():
    """Once a day: one message per person with everything they chose to get daily."""
    pending = db.session.scalars(
        select(Notification)
        .where(Notification.daily.is_(True), Notification.digested_at.is_(None))
        .order_by(Notification.user_id, Notification.id)
    ).all()
    by_user = defaultdict(list)
    for notification in pending:
        by_user[notification.user_id].append(notification)
    kinds = all_kinds()
    for user_id, notifications in by_user.items():
        user = _user(user_id)
        if user is None:
            continue
        locale = user.preferred_locale or DEFAULT_LOCALE
        items = [(*render(n.kind, n.params, locale), _link(n)) for n in notifications]
        wants_email = any(
            setting_for(user, kinds[n.kind])[1] for n in notifications if n.kind in kinds
        )
        wants_sms = any(
            setting_for(user, kinds[n.kind])[2] for n in notifications if n.kind in kinds
        )
        inbox = external_url("/notifications")
        if wants_email and user.email:
            subject = _l("Your daily summary: %(count)d new messages", count=len(items))
            send_email(user.email, subject, "digest", locale, user=user, items=items, inbox=inbox)
        if wants_sms and sms_enabled() and (phone := _phone(user)):
            with force_locale(locale):
                text = str(
                    _l(
                        "%(count)d new messages from Consult: %(link)s",
                        count=len(items),
                        link=inbox,
                    )
                )
            send_sms(phone, text, locale)
        now = utcnow()
        for notification in notifications:
            notification.digested_at = now
        db.session.commit()


def texts_in_every_language(written):
    """{locale: (subject, body)} for every UI language: what the committee wrote, Traditional
    and Simplified converted from each other when only one was written, else English."""
    texts = dict(written)
    convert = {"zh_Hant": ("zh_Hans", to_traditional), "zh_Hans": ("zh_Hant", to_simplified)}
    for locale in UI_LOCALES:
        if locale in texts:
            continue
        source, function = convert.get(locale, (None, None))
        if source in written:
            texts[locale] = tuple(function(part) for part in written[source])
        else:
            fallback = written.get("en") or next(iter(written.values()))
            texts[locale] = fallback
    return texts


@task("notifications.urgent")
def send_urgent_task(job, message_id):
    """Everyone in the scope, by every channel they have, each in their language."""
    message = db.session.get(UrgentMessage, message_id)
    written = {k: (v["subject"], v["body"]) for k, v in json.loads(message.texts).items()}
    texts = texts_in_every_language(written)
    params = {
        "subject": {locale: pair[0] for locale, pair in texts.items()},
        "body": {locale: pair[1] for locale, pair in texts.items()},
    }
    source = audience()
    contacts = source.contacts_in_scope(message.scope, message.scope_id) if source else []
    emails = texted = 0
    path = "/notifications"
    for contact in contacts:
        subject, body = texts.get(contact.locale) or texts[DEFAULT_LOCALE]
        if contact.user_id:
            db.session.add(
                Notification(
                    user_id=contact.user_id,
                    kind=URGENT.key,
                    params=json.dumps(params, ensure_ascii=False, sort_keys=True),
                    path=path,
                    urgent=True,
                    emailed_at=utcnow() if contact.email else None,
                )
            )
        if contact.email:
            send_email(
                contact.email, subject, "urgent", contact.locale, name=contact.name, body=body
            )
            emails += 1
        if contact.phone and sms_enabled():
            try:
                send_sms(contact.phone, f"{subject}: {body}", contact.locale)
                texted += 1
            except SmsError:
                current_app.logger.warning("urgent message %s: a text was not accepted", message.id)
    message.recipients, message.emails, message.texts_sent = len(contacts), emails, texted
    audit.record(
        "notifications.urgent_sent",
        message,
        actor=None,
        data={
            "scope": message.scope,
            "scope_id": message.scope_id,
            "recipients": len(contacts),
            "emails": emails,
            "texts": texted,
        },
    )
    db.session.commit()
