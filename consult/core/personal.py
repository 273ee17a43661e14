"""What the shared parts hold about one person (the personal-data hooks of the core domain):
their messages and notification settings. Deleting an account deletes both."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select, update

from consult.core.domain import PersonalTable
from consult.core.notifications.kinds import all_kinds, render
from consult.core.notifications.models import Frequency, Notification, NotificationSetting
from consult.core.notifications.services import settings_of
from consult.core.queue.models import Job, JobStatus
from consult.extensions import db
from consult.i18n import DEFAULT_LOCALE, current_locale_name


def personal_data(user):
    locale = current_locale_name() or DEFAULT_LOCALE
    messages = db.session.scalars(
        select(Notification)
        .where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    ).all()
    inbox = []
    for message in messages:
        subject, text = render(message.kind, message.params, locale)
        inbox.append((message.created_at, subject, text, message.read_at, message.emailed_at))
    kinds = all_kinds()
    settings = [
        (kinds[key].label, Frequency(frequency).label, by_email, by_sms)
        for key, (frequency, by_email, by_sms) in settings_of(user).items()
    ]
    return [
        PersonalTable(
            "messages",
            _l("Messages"),
            (
                ("created_at", _l("When")),
                ("subject", _l("Subject")),
                ("text", _l("Text")),
                ("read_at", _l("Read")),
                ("emailed_at", _l("E-mailed")),
            ),
            inbox,
            _l("The messages in your inbox."),
        ),
        PersonalTable(
            "notification_settings",
            _l("Notification settings"),
            (
                ("kind", _l("Kind of message")),
                ("frequency", _l("How often")),
                ("by_email", _l("By e-mail")),
                ("by_sms", _l("By text message")),
            ),
            settings,
            _l("How often, and how, you get each kind of message."),
        ),
    ]


def forget_user(user, actor):
    """A deleted account's inbox and settings go: they were only for that person. The jobs
    it started and that are done keep no payload (an e-mail change's address, say); failed
    ones keep theirs, as someone may still retry them."""
    db.session.execute(delete(Notification).where(Notification.user_id == user.id))
    db.session.execute(delete(NotificationSetting).where(NotificationSetting.user_id == user.id))
    db.session.execute(
        update(Job)
        .where(Job.created_by_id == user.id, Job.status == JobStatus.DONE)
        .values(payload="{}")
    )
