"""Accounts: sign up, sign in and out, password reset and change, roles, the `users` commands.

Committee members and translators have accounts without being residents; the resident
register (consult.residents) links a verified resident's entry to an account, never the
reverse.
"""

from flask_babel import lazy_gettext as _l

from consult.core.domain import Domain, NavEntry, signed_in, signed_out

domain = Domain(
    "accounts",
    blueprint="consult.accounts.views:bp",
    models="consult.accounts.models",
    commands=["consult.accounts.cli:users_cli"],
    tasks=["consult.accounts.services", "consult.accounts.email_change"],
    setup="consult.accounts.login:init_app",
    seed="consult.accounts.demo:seed_accounts",
    exports="consult.accounts.export:export_tables",
    personal_data="consult.accounts.personal:personal_data",
    forget_user="consult.accounts.personal:forget_user",
    navigation=[
        NavEntry(
            "accounts.profile",
            _l("My account"),
            visible=signed_in,
            area="account",
            description=_l("Change your display name, your language or your password."),
        ),
        NavEntry(
            "accounts.sign_in",
            _l("Sign in"),
            visible=signed_out,
            area="account",
            description=_l("If you already have an account."),
        ),
        NavEntry(
            "accounts.sign_up",
            _l("Sign up"),
            visible=signed_out,
            area="account",
            description=_l(
                "Make an account in English, Simplified or Traditional Chinese; a letter from the committee then makes you a verified resident."
            ),
        ),
    ],
)
