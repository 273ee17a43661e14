"""The domain packages plugged into the app: their blueprints and CLI command groups.

Each later domain (register, proposals, polls, ...) adds itself here, so create_app
stays the same as the app grows.
"""


def blueprints():
    from consult.residents.views import bp as residents_bp

    return [residents_bp]


def command_groups():
    from consult.residents.accounts.cli import users_cli
    from consult.residents.cli import residents_cli

    return [users_cli, residents_cli]
