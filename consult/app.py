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
from consult.core.domain import resolve


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
    load_app_domains(app)
    register_extensions(app)
    register_models(app)
    register_blueprints(app)
    register_api(app)
    register_error_handlers(app)
    register_request_hooks(app)
    register_template_helpers(app)
    register_commands(app)
    run_domain_setup(app)
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
    app.config.setdefault("UPLOAD_DIR", None)
    if not app.config["UPLOAD_DIR"]:
        app.config["UPLOAD_DIR"] = str(Path(app.instance_path) / "uploads")
    app.config.setdefault("MAIL_OUTBOX", None)
    if not app.config["MAIL_OUTBOX"]:
        app.config["MAIL_OUTBOX"] = str(Path(app.instance_path) / "outbox")


def configure_proxy(app):
    """Trust X-Forwarded-* from one proxy when PROXY_FIX is set (behind nginx)."""
    if app.config.get("PROXY_FIX"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)


def load_app_domains(app):
    """The domain packages this app is made of (DOMAINS setting; consult.domains by default)."""
    from consult.domains import DOMAINS, load_domains

    names = tuple(app.config.get("DOMAINS") or DOMAINS) + tuple(app.config.get("EXTRA_DOMAINS", ()))
    app.extensions["consult.domains"] = load_domains(names)


def _domains(app):
    return app.extensions["consult.domains"]


def register_extensions(app):
    from consult.core.permissions import IdConverter
    from consult.extensions import babel, csrf, db, limiter, login_manager, migrate
    from consult.i18n import select_locale

    app.url_map.converters["id"] = IdConverter
    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True)
    babel.init_app(app, locale_selector=select_locale)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)


def register_models(app):
    """Every domain's models on the metadata (and so in Alembic's view), with its predicates."""
    for domain in _domains(app):
        domain.parts("models")
        domain.part("permissions")
        domain.parts("tasks")


def register_blueprints(app):
    for domain in _domains(app):
        for blueprint in domain.parts("blueprint"):
            app.register_blueprint(blueprint)


def register_api(app):
    from consult.core.api import build_api

    groups = [part for domain in _domains(app) if (part := domain.part("api")) is not None]
    app.register_blueprint(build_api(groups))


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
    for domain in _domains(app):
        for reference in domain.commands:
            app.cli.add_command(resolve(reference))


def run_domain_setup(app):
    for domain in _domains(app):
        for setup in domain.parts("setup"):
            setup(app)
