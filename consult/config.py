"""Configuration classes. Secrets and the database URL come from the environment."""

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_PATH = Path(os.environ.get("CONSULT_INSTANCE_PATH", PROJECT_ROOT / "instance"))


def _bool_env(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list_env(name):
    """A comma-separated setting as a list, or None when unset."""
    value = os.environ.get(name)
    if value is None:
        return None
    return [item.strip() for item in value.split(",") if item.strip()]


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
    # scrypt with N=2**15, r=8, p=1 (werkzeug's cost, spelt out so that an upgrade of werkzeug
    # cannot weaken it); about 0.1 s per hash on this machine, on purpose.
    PASSWORD_HASH_METHOD = "scrypt:32768:8:1"

    # The community's name in each UI language (English is the fallback).
    COMMUNITY_NAMES = {
        "en": os.environ.get("COMMUNITY_NAME", "Chunjiang Community"),
        "zh_Hans": os.environ.get("COMMUNITY_NAME_ZH_HANS", "春江社区"),
        "zh_Hant": os.environ.get("COMMUNITY_NAME_ZH_HANT", "春江社區"),
    }
    COMMUNITY_TIMEZONE = os.environ.get("COMMUNITY_TIMEZONE", "Asia/Shanghai")
    # The languages the community publishes in (BCP 47), first the one it writes first.
    # Chinese is one content language in two scripts.
    CONTENT_LANGUAGES = tuple(
        tag.strip()
        for tag in os.environ.get("CONTENT_LANGUAGES", "zh,en").split(",")
        if tag.strip()
    )
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
    # A sign-in session ends at the latest this long after sign-in (consult.accounts.sessions).
    SESSION_LIFETIME = timedelta(hours=int(os.environ.get("SESSION_LIFETIME_HOURS", 24)))
    REMEMBER_COOKIE_DURATION = timedelta(days=int(os.environ.get("REMEMBER_DAYS", 30)))

    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session

    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    SIGN_IN_RATE_LIMIT = os.environ.get("SIGN_IN_RATE_LIMIT", "10 per minute; 50 per hour")
    # Accounts made per client address; and every sign-up attempt, made or not.
    SIGN_UP_RATE_LIMIT = os.environ.get("SIGN_UP_RATE_LIMIT", "5 per minute; 20 per hour")
    SIGN_UP_ATTEMPT_RATE_LIMIT = os.environ.get(
        "SIGN_UP_ATTEMPT_RATE_LIMIT", "30 per minute; 200 per hour"
    )
    RESET_RATE_LIMIT = os.environ.get("RESET_RATE_LIMIT", "5 per minute; 20 per hour")
    # Short invitation codes typed at /invitation: enough for a household, too few to guess.
    INVITATION_CODE_RATE_LIMIT = os.environ.get(
        "INVITATION_CODE_RATE_LIMIT", "10 per minute; 50 per hour"
    )

    MAIL_SERVER = os.environ.get("MAIL_SERVER")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_USE_TLS = _bool_env("MAIL_USE_TLS", True)
    MAIL_USE_SSL = _bool_env("MAIL_USE_SSL", False)
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "Consult <no-reply@localhost>")
    MAIL_OUTBOX = os.environ.get("MAIL_OUTBOX")  # default: instance/outbox
    # Uploaded files, shared by every app server and included in backups.
    UPLOAD_DIR = os.environ.get("UPLOAD_DIR")  # default: instance/uploads

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

    # A LibreTranslate-style machine translation service (POST <url>/translate); off unless set.
    MACHINE_TRANSLATION_URL = os.environ.get("MACHINE_TRANSLATION_URL")
    MACHINE_TRANSLATION_KEY = os.environ.get("MACHINE_TRANSLATION_KEY")
    MACHINE_TRANSLATION_TIMEOUT = float(os.environ.get("MACHINE_TRANSLATION_TIMEOUT", 20))
    # Each uploaded file (proposal images and attachments) may be at most this large.
    UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", 5 * 1024 * 1024))

    # Where people reach the app (scheme and host): links in e-mails, letters and the API
    # are built from it, never from the request's Host header. Required in production;
    # development uses http://127.0.0.1:$PORT (the address `make run` serves).
    PUBLIC_URL = os.environ.get("PUBLIC_URL")
    # Host names the app answers to (Flask's own setting; others get 400). Unset: the
    # PUBLIC_URL host, plus 127.0.0.1 and localhost outside production.
    TRUSTED_HOSTS = _list_env("TRUSTED_HOSTS")
    # The largest request body read (bytes); larger ones get 413 before being read. The
    # register upload has its own, smaller limit (16 MB).
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_CONTENT_LENGTH", 20 * 1024 * 1024))
    # Strict-Transport-Security max-age in seconds (0: no header). On in production.
    HSTS_MAX_AGE = int(os.environ.get("HSTS_MAX_AGE", 0))
    # Committee members must turn on two-factor sign-in before opening committee pages.
    REQUIRE_COMMITTEE_2FA = _bool_env("REQUIRE_COMMITTEE_2FA", False)
    TWO_FACTOR_RATE_LIMIT = os.environ.get("TWO_FACTOR_RATE_LIMIT", "5 per minute; 20 per hour")
    PASSWORD_RESET_MAX_AGE = int(os.environ.get("PASSWORD_RESET_MAX_AGE", 3600))
    # Behind one reverse proxy: trust its X-Forwarded-For/-Proto/-Host.
    PROXY_FIX = _bool_env("PROXY_FIX")
    ALLOW_DEMO_SEED = True


class DevelopmentConfig(Config):
    NAME = "development"
    DEBUG = False  # the debugger stays off unless FLASK_DEBUG=1 asks for it
    PUBLIC_URL = Config.PUBLIC_URL or f"http://127.0.0.1:{os.environ.get('PORT', '5000')}"


class TestingConfig(Config):
    NAME = "testing"
    TESTING = True
    SECRET_KEY = "testing-secret-key-not-for-production"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    # The suite's client talks to SERVER_NAME consult.test (tests/conftest.py).
    PUBLIC_URL = "http://consult.test"
    TRUSTED_HOSTS = None  # derived: consult.test, 127.0.0.1, localhost
    REQUIRE_COMMITTEE_2FA = False
    WTF_CSRF_ENABLED = False  # CSRF has its own tests that switch it back on
    # The limiter stays on (it is one object shared by every app); tests get generous
    # limits, and the rate-limit tests tighten them (they are read on every request).
    RATELIMIT_STORAGE_URI = "memory://"
    SIGN_IN_RATE_LIMIT = SIGN_UP_RATE_LIMIT = RESET_RATE_LIMIT = "1000 per minute"
    TWO_FACTOR_RATE_LIMIT = "1000 per minute"
    INVITATION_CODE_RATE_LIMIT = SIGN_UP_ATTEMPT_RATE_LIMIT = "1000 per minute"
    MAIL_SERVER = None
    QUEUE_MODE = "inline"  # jobs run at the end of the request; no worker needed
    # The same algorithm at a cost 32 times lower: thousands of tests create accounts and
    # sign in, and the full cost made up much of the suite's time. Production's cost is
    # checked by tests/accounts/test_passwords_cost.py.
    PASSWORD_HASH_METHOD = "scrypt:1024:8:1"


class ProductionConfig(Config):
    NAME = "production"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    ALLOW_DEMO_SEED = False
    HSTS_MAX_AGE = int(os.environ.get("HSTS_MAX_AGE", 365 * 24 * 3600))
    REQUIRE_COMMITTEE_2FA = _bool_env("REQUIRE_COMMITTEE_2FA", True)


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


LOCAL_HOSTS = ("127.0.0.1", "localhost")


def public_url_problem(value):
    """Why ``value`` cannot be PUBLIC_URL (None when it can): scheme and host, no path."""
    parts = urlsplit(value or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"PUBLIC_URL={value!r} must be like https://consult.example.org"
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        return f"PUBLIC_URL={value!r} must hold only the scheme and host (and port)"
    return None


def resolve_public_settings(config, name):
    """Check PUBLIC_URL (required in production) and derive TRUSTED_HOSTS from it."""
    public_url = (config.get("PUBLIC_URL") or "").strip().rstrip("/")
    if not public_url:
        raise RuntimeError(
            "PUBLIC_URL is not set: production refuses to start without it. Set it to the "
            "address people reach the app at, e.g. https://consult.example.org."
        )
    problem = public_url_problem(public_url)
    if problem:
        raise RuntimeError(problem)
    config["PUBLIC_URL"] = public_url
    if config.get("TRUSTED_HOSTS") is None:
        hosts = [urlsplit(public_url).hostname]
        if name != "production":
            hosts += [host for host in LOCAL_HOSTS if host not in hosts]
        config["TRUSTED_HOSTS"] = hosts
