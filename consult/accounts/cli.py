"""`flask --app wsgi users ...`: create accounts and give them roles."""

import click
from flask.cli import AppGroup

from consult.accounts import services
from consult.core import audit
from consult.core.permissions import ROLES
from consult.core.services import ServiceError
from consult.extensions import db
from consult.i18n import UI_LOCALES

users_cli = AppGroup("users", help="Manage accounts.")


def _commit_or_fail(service, *args, **kwargs):
    try:
        result = service(*args, **kwargs)
    except ServiceError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    db.session.commit()
    return result


@users_cli.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), default="resident", show_default=True)
@click.option("--name", "display_name", help="Display name (default: the part before @).")
@click.option("--locale", type=click.Choice(UI_LOCALES), default=None)
@click.password_option(help="Prompted for when not given.")
def create_user_command(email, role, display_name, locale, password):
    """Create an account, e.g. the first committee member."""
    user = _commit_or_fail(
        services.create_user,
        email,
        display_name or email.split("@")[0],
        password,
        role=role,
        locale=locale,
    )
    click.echo(f"Created {user.role} account {user.email}.")


@users_cli.command("set-role")
@click.argument("email")
@click.argument("role", type=click.Choice(ROLES))
def set_role_command(email, role):
    """Give an existing account another role."""
    user = services.find_user_by_email(email)
    if user is None:
        raise click.ClickException(f"No account uses {email}.")
    _commit_or_fail(services.set_role, user, role)
    click.echo(f"{user.email} is now {role}.")


@users_cli.command("reset-2fa")
@click.argument("email")
def reset_two_factor_command(email):
    """Turn two-factor sign-in off for an account whose phone and recovery codes are lost.

    Check who is asking first (in person): the account can then sign in with its password
    alone, and a committee member must enrol again before opening committee pages.
    """
    from consult.accounts import two_factor
    from consult.accounts.sessions import end_all_sessions

    user = services.find_user_by_email(email)
    if user is None:
        raise click.ClickException(f"No account uses {email}.")
    two_factor.remove(user)
    end_all_sessions(user)
    audit.record("account.two_factor_reset", user)
    db.session.commit()
    click.echo(f"Two-factor sign-in is off for {user.email}; its sessions are ended.")
