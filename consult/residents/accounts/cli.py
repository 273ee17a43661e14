import click
from flask.cli import AppGroup

from consult.core.permissions import ROLES
from consult.extensions import db
from consult.residents.accounts import services

users_cli = AppGroup("users", help="Manage accounts.")


@users_cli.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), default="resident", show_default=True)
@click.option("--name", "display_name", help="Display name (default: the part before @).")
@click.option("--locale", type=click.Choice(["en", "zh_Hans", "zh_Hant"]), default=None)
@click.password_option(help="Prompted for when not given.")
def create_user_command(email, role, display_name, locale, password):
    """Create an account, e.g. the first committee member."""
    try:
        user = services.create_user(
            email, display_name or email.split("@")[0], password, role=role, locale=locale
        )
    except services.AccountError as error:
        db.session.rollback()
        raise click.ClickException("; ".join(str(m) for m in error.messages)) from None
    db.session.commit()
    click.echo(f"Created {user.role} account {user.email}.")


@users_cli.command("set-role")
@click.argument("email")
@click.argument("role", type=click.Choice(ROLES))
def set_role_command(email, role):
    """Give an existing account another role."""
    user = services.find_user_by_email(email)
    if user is None:
        raise click.ClickException(f"No account uses {email}.")
    user.role = role
    db.session.commit()
    click.echo(f"{user.email} is now {role}.")
