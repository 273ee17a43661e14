"""Files that belong to rows (attachments, photos) leave the disk only with their rows.

A service that drops a row calls ``remove_after_commit(path)``: the file is removed once the
change commits, and kept if it rolls back (a refused account deletion, a failed request),
so a row never points at a missing file.
"""

from sqlalchemy import event
from sqlalchemy.orm import Session

from consult.extensions import db

_PENDING = "consult.files_to_remove"


def remove_after_commit(path):
    db.session.info.setdefault(_PENDING, []).append(path)


@event.listens_for(Session, "after_commit")
def _remove_files(session):
    for path in session.info.pop(_PENDING, []):
        path.unlink(missing_ok=True)


@event.listens_for(Session, "after_rollback")
def _keep_files(session):
    session.info.pop(_PENDING, None)
