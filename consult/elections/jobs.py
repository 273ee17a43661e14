"""What the task queue runs for elections: messages to observers and volunteers (who have
no account: straight to their e-mail and phone, in their language), lapsing unconfirmed
sign-ups, and the daily deadline reminders to the committee."""

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core.mail import send_email
from consult.core.notifications import notify
from consult.core.notifications.sms import SmsError, send_sms, sms_enabled
from consult.core.queue import daily_at, every_minutes, periodic, task
from consult.elections import clock, links
from consult.elections.models import (
    Election,
    ElectionStatus,
    HelperApplication,
    HelperAssignment,
    HelperRole,
)
from consult.extensions import db
from consult.i18n import UI_LOCALES, content_language_for

REMINDER_HOUR = 8  # community time

SUBJECTS = {
    "confirm": _l("Confirm your sign-up for %(title)s"),
    "approved": _l("You are approved for %(title)s"),
    "moved_up": _l("A place came free: you are approved for %(title)s"),
    "wait_listed": _l("You are on the wait list for %(title)s"),
    "declined": _l("Your sign-up for %(title)s"),
    "revoked": _l("Your badge for %(title)s is revoked"),
    "countersign": _l("%(title)s: the count at your station is entered; please countersign it"),
    "corrected": _l("%(title)s: the count at your station was corrected; please check it again"),
    "answered": _l("%(title)s: the committee has answered your objection"),
}
SMS_TEXTS = {
    "confirm": _l("Confirm your sign-up for %(title)s: %(link)s"),
    "approved": _l("You are approved for %(title)s: %(link)s"),
    "moved_up": _l("A place came free, you are approved for %(title)s: %(link)s"),
    "wait_listed": _l("You are on the wait list for %(title)s: %(link)s"),
    "declined": _l("Your sign-up for %(title)s was not accepted: %(link)s"),
    "revoked": _l("Your badge for %(title)s is revoked: %(link)s"),
    "countersign": _l("%(title)s: countersign your station's count, or object: %(link)s"),
    "corrected": _l("%(title)s: your station's count was corrected, check it again: %(link)s"),
    "answered": _l("%(title)s: the committee has answered your objection: %(link)s"),
}
# Messages about the count lead to the observer's countersigning page.
COUNT_MESSAGES = ("countersign", "corrected", "answered")


@task("elections.helper_message")
def send_helper_message(job, application_id, message, assignment_id=None):
    application = db.session.get(HelperApplication, application_id)
    if application is None:
        return
    assignment = db.session.get(HelperAssignment, assignment_id) if assignment_id else None
    locale = application.locale or "en"
    title = application.election.title_in(content_language_for(locale))
    if message == "confirm":
        link = links.confirm_url(application)
    elif message in COUNT_MESSAGES and assignment is not None:
        link = links.countersign_url(assignment)
    else:
        link = links.manage_url(application)
    observing = assignment is not None and application.role is HelperRole.OBSERVER
    with force_locale(locale):
        subject = SUBJECTS[message] % {"title": title}
        sms = SMS_TEXTS[message] % {"title": title, "link": link}
    if application.email:
        send_email(
            application.email,
            subject,
            "election_helper",
            locale,
            application=application,
            assignment=assignment,
            message=message,
            title=title,
            link=link,
            ics=links.ics_url(application, assignment) if assignment else None,
            countersign=links.countersign_url(assignment) if observing else None,
        )
    if application.phone and sms_enabled():
        try:
            send_sms(application.phone, sms, locale)
        except SmsError:
            if not application.email:
                raise  # nobody heard: let the job fail and be retried
            current_app.logger.warning("text message to applicant %s failed", application.id)


@periodic("elections.lapse_unconfirmed", every_minutes(30))
def lapse_unconfirmed_sign_ups():
    from consult.elections.services.signup import lapse_unconfirmed

    lapse_unconfirmed()


@periodic("elections.deadline_reminders", daily_at(REMINDER_HOUR))
def remind_committee():
    """Tell the committee, each morning, what is late or due within a few days."""
    from consult.elections import DEADLINE_REMINDER
    from consult.elections.services.common import committee_members, titles
    from consult.elections.services.timeline import reminders

    today = clock.today()
    members = committee_members()
    elections = db.session.scalars(
        select(Election).where(
            Election.status == ElectionStatus.PREPARING.value, Election.election_day >= today
        )
    ).all()
    for election in elections:
        for step in reminders(election, today):
            labels, statuses = {}, {}
            for locale in UI_LOCALES:
                with force_locale(locale):
                    labels[locale], statuses[locale] = str(step.label), str(step.status_label)
            notify(
                DEADLINE_REMINDER,
                members,
                path=f"/elections/{election.id}",
                title=titles(election),
                step=labels,
                status=statuses,
                day=step.due.isoformat(),
            )
