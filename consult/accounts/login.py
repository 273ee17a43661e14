"""Flask-Login: accounts are loaded through their sign-in session (consult.accounts.sessions)."""

from flask_babel import lazy_gettext as _l

from consult.extensions import login_manager


def init_app(app):
    from consult.accounts.sessions import user_for_token

    login_manager.login_view = "accounts.sign_in"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"
    # "basic": a session seen from a new address or browser is no longer fresh, but stays
    # signed in (phones change networks all day). "strong" also cleared the remember-me cookie
    # on every request of a visitor whose session held only a CSRF token. Stolen or ended
    # sessions are stopped by their row in the database (consult.accounts.sessions).
    login_manager.session_protection = "basic"
    login_manager.user_loader(user_for_token)
