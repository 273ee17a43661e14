"""Account pages: sign up, sign in and out, reset, profile and sessions, two-factor sign-in."""

from flask import Blueprint

bp = Blueprint("accounts", __name__)

from consult.accounts.views import account, email, two_factor  # noqa: E402,F401
