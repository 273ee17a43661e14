"""Configuration classes. Secrets and the database URL come from the environment."""

import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_PATH = Path(os.environ.get("CONSULT_INSTANCE_PATH", PROJECT_ROOT / "instance"))


def _bool_env(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def development_secret_key(instance_path):
    """A random key generated once and kept in instance/, so sessions survive restarts."""
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    path.write_text(key)
    path.chmod(0o600)
    return key


class Config:
    NAME = "base"
    SECRET_KEY = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", f"sqlite:///{INSTANCE_PATH / 'consult.sqlite3'}"
    )
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    # The community's name in each UI language (English is the fallback).
    COMMUNITY_NAMES = {
        "en": os.environ.get("COMMUNITY_NAME", "Chunjiang Community"),
        "zh_Hans": os.environ.get("COMMUNITY_NAME_ZH_HANS", "春江社区"),
        "zh_Hant": os.environ.get("COMMUNITY_NAME_ZH_HANT", "春江社區"),
    }
    COMMUNITY_TIMEZONE = os.environ.get("COMMUNITY_TIMEZONE", "Asia/Shanghai")
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = COMMUNITY_TIMEZONE
    BABEL_TRANSLATION_DIRECTORIES = str(PROJECT_ROOT / "translations")

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = False
    LANGUAGE_COOKIE_SECURE = False

    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session

    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    SIGN_IN_RATE_LIMIT = os.environ.get("SIGN_IN_RATE_LIMIT", "10 per minute; 50 per hour")
    SIGN_UP_RATE_LIMIT = os.environ.get("SIGN_UP_RATE_LIMIT", "5 per minute; 20 per hour")
    RESET_RATE_LIMIT = os.environ.get("RESET_RATE_LIMIT", "5 per minute; 20 per hour")

    MAIL_SERVER = os.environ.get("MAIL_SERVER")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_USE_TLS = _bool_env("MAIL_USE_TLS", True)
    MAIL_USE_SSL = _bool_env("MAIL_USE_SSL", False)
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "Consult <no-reply@localhost>")
    MAIL_OUTBOX = os.environ.get("MAIL_OUTBOX")  # default: instance/outbox

    # Domain packages beyond consult.domains.DOMAINS (plug-ins; the tests' sample domain).
    EXTRA_DOMAINS = tuple(
        name.strip()
        for name in os.environ.get("CONSULT_EXTRA_DOMAINS", "").split(",")
        if name.strip()
    )

    # The task queue: Huey on SQLite in instance/ by default, on Redis when REDIS_URL is set.
    QUEUE_MODE = os.environ.get("QUEUE_MODE", "huey")  # "inline": run jobs in the request
    REDIS_URL = os.environ.get("REDIS_URL")
    QUEUE_NAME = os.environ.get("QUEUE_NAME", "consult")
    QUEUE_PATH = os.environ.get("QUEUE_PATH")  # default: instance/queue.sqlite3
    JOB_HEARTBEAT_SECONDS = float(os.environ.get("JOB_HEARTBEAT_SECONDS", 10))
    JOB_STALE_SECONDS = float(os.environ.get("JOB_STALE_SECONDS", 120))
    JOB_RESEND_SECONDS = float(os.environ.get("JOB_RESEND_SECONDS", 600))

    # Text messages through a generic HTTP SMS gateway; off while SMS_GATEWAY_URL is unset.
    SMS_GATEWAY_URL = os.environ.get("SMS_GATEWAY_URL")
    SMS_GATEWAY_KEY = os.environ.get("SMS_GATEWAY_KEY")
    SMS_TEMPLATES = {
        "en": os.environ.get("SMS_TEMPLATE_EN"),
        "zh_Hans": os.environ.get("SMS_TEMPLATE_ZH_HANS"),
        "zh_Hant": os.environ.get("SMS_TEMPLATE_ZH_HANT"),
    }

    # Languages the community publishes in (BCP 47, comma-separated): every content language
    # needs a text written by a person before an official answer is published. Simplified and
    # Traditional Chinese are one language (converted by OpenCC), so list one of them.
    CONTENT_LANGUAGES = tuple(
        tag.strip()
        for tag in os.environ.get("CONTENT_LANGUAGES", "zh-Hans,en").split(",")
        if tag.strip()
    )
    # A LibreTranslate-style machine translation service (POST <url>/translate); off unless set.
    MACHINE_TRANSLATION_URL = os.environ.get("MACHINE_TRANSLATION_URL")
    MACHINE_TRANSLATION_KEY = os.environ.get("MACHINE_TRANSLATION_KEY")
    MACHINE_TRANSLATION_TIMEOUT = float(os.environ.get("MACHINE_TRANSLATION_TIMEOUT", 20))
    # Uploaded files (proposal images and attachments), shared by every node; default
    # instance/uploads. Each file may be at most UPLOAD_MAX_BYTES.
    UPLOAD_DIR = os.environ.get("UPLOAD_DIR")
    UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", 5 * 1024 * 1024))

    # Where people reach the app (scheme and host): links in e-mails, letters and the API.
    PUBLIC_URL = os.environ.get("PUBLIC_URL")
    PASSWORD_RESET_MAX_AGE = int(os.environ.get("PASSWORD_RESET_MAX_AGE", 3600))
    # Behind one reverse proxy: trust its X-Forwarded-For/-Proto/-Host.
    PROXY_FIX = _bool_env("PROXY_FIX")
    ALLOW_DEMO_SEED = True


class DevelopmentConfig(Config):
    NAME = "development"
    # `make run` serves on 127.0.0.1:$PORT; links in e-mails point there.
    PUBLIC_URL = (
        os.environ.get("PUBLIC_URL") or f"http://127.0.0.1:{os.environ.get('PORT', '5000')}"
    )
    DEBUG = False  # the debugger stays off unless FLASK_DEBUG=1 asks for it


class TestingConfig(Config):
    NAME = "testing"
    TESTING = True
    SECRET_KEY = "testing-secret-key-not-for-production"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False  # CSRF has its own tests that switch it back on
    # The limiter stays on (it is one object shared by every app); tests get generous
    # limits, and the rate-limit tests tighten them (they are read on every request).
    RATELIMIT_STORAGE_URI = "memory://"
    SIGN_IN_RATE_LIMIT = SIGN_UP_RATE_LIMIT = RESET_RATE_LIMIT = "1000 per minute"
    MAIL_SERVER = None
    QUEUE_MODE = "inline"  # jobs run at the end of the request; no worker needed


class ProductionConfig(Config):
    NAME = "production"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    ALLOW_DEMO_SEED = False


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_from_environment():
    name = os.environ.get("CONSULT_CONFIG", "development").lower()
    try:
        return CONFIGS[name]
    except KeyError:
        raise RuntimeError(
            f"CONSULT_CONFIG={name!r} is not one of {', '.join(sorted(CONFIGS))}"
        ) from None
