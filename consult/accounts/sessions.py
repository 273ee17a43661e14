"""Sign-in sessions kept in the database, one row per signed-in browser or device.

Flask's session cookie and Flask-Login's remember-me cookie both carry the row's token, and
the account is loaded through it on every request (one query). So ending a session is
deleting its row, and it ends in every app process at once: signing out, a password change
(other devices), "sign out other devices" on the profile page. The database keeps only a
SHA-256 digest of each token, so a copy of the database or a backup opens no session.

Sessions end at the latest after SESSION_LIFETIME (without "keep me signed in") or
REMEMBER_COOKIE_DURATION (with it), counted from sign-in.
"""

from flask import current_app, has_request_context, request
from flask_babel import lazy_gettext as _l
from flask_login import login_user
from sqlalchemy import delete, select

from consult.accounts.models import User, UserSession, new_session_token, token_digest
from consult.core import audit
from consult.core.models import utcnow
from consult.extensions import db

audit.describe("account.signed_out", _l("Signed out"))
audit.describe("account.other_sessions_ended", _l("Other devices signed out"))


def _device():
    if not has_request_context():
        return None
    agent = request.user_agent
    label = " · ".join(part for part in (agent.browser, agent.platform) if part)
    return (label or agent.string or "")[:200] or None


def start_session(user, *, remember=False):
    """A new session row for ``user``; the user object now carries its token."""
    lifetime = current_app.config["REMEMBER_COOKIE_DURATION" if remember else "SESSION_LIFETIME"]
    token = new_session_token()
    now = utcnow()
    db.session.execute(
        delete(UserSession).where(UserSession.user_id == user.id, UserSession.expires_at <= now)
    )
    db.session.add(
        UserSession(
            user_id=user.id,
            token_digest=token_digest(token),
            remember=remember,
            device=_device(),
            created_at=now,
            expires_at=now + lifetime,
        )
    )
    user.session_token = token
    return token


def begin_session(user, *, remember=False):
    """Sign ``user`` in on this browser: a session row (committed) and the cookies."""
    start_session(user, remember=remember)
    db.session.commit()
    login_user(user, remember=remember)


def user_for_token(token):
    """The active account whose unexpired session has ``token``, or None."""
    if not token or not isinstance(token, str):
        return None
    row = db.session.execute(
        select(User, UserSession.id, UserSession.remember)
        .join(UserSession, UserSession.user_id == User.id)
        .where(
            UserSession.token_digest == token_digest(token),
            UserSession.expires_at > utcnow(),
            User.active.is_(True),
        )
    ).first()
    if row is None:
        return None
    user, session_id, remember = row
    user.session_token = token
    user.session_id = session_id
    user.session_remember = remember
    return user


def end_session(user):
    """Sign out the session ``user`` was loaded with (this browser)."""
    if user.session_token:
        db.session.execute(
            delete(UserSession).where(UserSession.token_digest == token_digest(user.session_token))
        )
        audit.record("account.signed_out", user, actor=user)


def end_other_sessions(user):
    """Sign out every other browser and device of ``user``; this one stays signed in."""
    keep = token_digest(user.session_token) if user.session_token else ""
    result = db.session.execute(
        delete(UserSession).where(UserSession.user_id == user.id, UserSession.token_digest != keep)
    )
    if result.rowcount:
        audit.record(
            "account.other_sessions_ended", user, actor=user, data={"sessions": result.rowcount}
        )
    return result.rowcount


def end_all_sessions(user):
    db.session.execute(delete(UserSession).where(UserSession.user_id == user.id))


def sessions_of(user):
    """``user``'s unexpired sessions, newest first."""
    return db.session.scalars(
        select(UserSession)
        .where(UserSession.user_id == user.id, UserSession.expires_at > utcnow())
        .order_by(UserSession.created_at.desc(), UserSession.id.desc())
    ).all()
