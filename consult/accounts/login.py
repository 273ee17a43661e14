"""Flask-Login: accounts are loaded by their session token, so rotating it signs out."""

from flask_babel import lazy_gettext as _l

from consult.extensions import db, login_manager


def init_app(app):
    from consult.accounts.models import User

    login_manager.login_view = "accounts.sign_in"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def load_user(session_token):
        return db.session.execute(
            db.select(User).filter_by(session_token=session_token, active=True)
        ).scalar_one_or_none()
