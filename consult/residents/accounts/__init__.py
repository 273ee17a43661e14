"""Accounts: sign up, sign in and out, password reset and change, roles."""

from flask import Blueprint

bp = Blueprint("accounts", __name__, url_prefix="/account")

from consult.residents.accounts import views  # noqa: E402,F401
