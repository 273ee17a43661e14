"""Flask-Login: accounts are loaded through their sign-in session (consult.accounts.sessions)."""

from flask_babel import lazy_gettext as _l

from consult.extensions import login_manager


def init_app(app):
    from consult.accounts.sessions import user_for_token

    login_manager.login_view = "accounts.sign_in"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"
    login_manager.user_loader(user_for_token)
