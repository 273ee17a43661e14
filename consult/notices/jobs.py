"""The notices' background work: sending a notice when it goes up (the queue only sends;
what is published follows from the stored times)."""

from consult.core.queue import every_minutes, periodic, task
from consult.extensions import db
from consult.notices import services
from consult.notices.models import Notice


@task("notices.announce")
def announce(job, notice_id):
    notice = db.session.get(Notice, notice_id)
    if notice is not None:
        services.announce(notice)
        db.session.commit()


@periodic("notices.announce_due", every_minutes(5))
def announce_due():
    """Scheduled notices whose time has come: send each once."""
    for notice in services.due_announcements():
        services.announce(notice)
        db.session.commit()
