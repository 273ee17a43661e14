"""The application factory: create_app builds the app in small named steps."""

from pathlib import Path

from flask import Flask

from consult.config import (
    CONFIGS,
    INSTANCE_PATH,
    PROJECT_ROOT,
    config_from_environment,
    development_secret_key,
)


def create_app(config=None, overrides=None):
    """Build a Consult app.

    ``config`` is a config class or its name (``development``, ``testing``,
    ``production``); by default ``CONSULT_CONFIG`` chooses. ``overrides`` is a mapping
    applied last (tests use it for their database and outbox).
    """
    app = Flask(
        "consult",
        instance_path=str(INSTANCE_PATH),
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    configure_settings(app, config, overrides or {})
    configure_proxy(app)
    register_extensions(app)
    register_blueprints(app)
    register_error_handlers(app)
    register_request_hooks(app)
    register_template_helpers(app)
    register_commands(app)
    return app


def configure_settings(app, config, overrides):
    if config is None:
        config = config_from_environment()
    elif isinstance(config, str):
        config = CONFIGS[config]
    app.config.from_object(config)
    app.config["CONFIG_NAME"] = config.NAME
    app.config.update(overrides)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        if config.NAME == "production":
            raise RuntimeError(
                "SECRET_KEY is not set: production refuses to start without it. "
                "Set it to a long random value, e.g. `python -c 'import secrets; "
                "print(secrets.token_hex(32))'`."
            )
        app.config["SECRET_KEY"] = development_secret_key(app.instance_path)
    app.config.setdefault("MAIL_OUTBOX", None)
    if not app.config["MAIL_OUTBOX"]:
        app.config["MAIL_OUTBOX"] = str(Path(app.instance_path) / "outbox")


def configure_proxy(app):
    """Trust X-Forwarded-* from one proxy when PROXY_FIX is set (behind nginx)."""
    if app.config.get("PROXY_FIX"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)


def register_extensions(app):
    from consult.extensions import babel, csrf, db, limiter, login_manager, migrate
    from consult.i18n import select_locale
    from consult.residents.accounts.login import configure_login

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True)
    babel.init_app(app, locale_selector=select_locale)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    configure_login(login_manager)
    import consult.models  # noqa: F401  (every model registered on the metadata)


def register_blueprints(app):
    from consult.core import bp as core_bp
    from consult.residents.accounts import bp as accounts_bp

    app.register_blueprint(core_bp)
    app.register_blueprint(accounts_bp)
    for blueprint in _optional_blueprints():
        app.register_blueprint(blueprint)


def _optional_blueprints():
    """Domain blueprints added by later packages; each lists itself in consult.domains."""
    from consult.domains import blueprints

    return blueprints()


def register_error_handlers(app):
    from consult.core.errors import register_error_handlers as register

    register(app)


def register_request_hooks(app):
    from consult.core.security import add_security_headers

    app.after_request(add_security_headers)


def register_template_helpers(app):
    from consult.core.templating import init_templating

    init_templating(app)


def register_commands(app):
    from consult.cli import register_cli

    register_cli(app)
