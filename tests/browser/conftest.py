"""Browser tests: the real app served on 127.0.0.1, driven by Playwright in Debian's Chromium.

The live server has its own fresh database (per database kind) with the demo community,
and CSRF switched on, as in production.
"""

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from consult import create_app
from consult.extensions import db
from tests.browser import helpers
from tests.databases import KINDS, fresh_database

CHROMIUM = os.environ.get("CONSULT_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


class LiveServer:
    def __init__(self, app, database_url=None, folder=None):
        self.app = app
        self.database_url = database_url
        self.folder = folder
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self):
        self._thread.start()

    def stop(self):
        self._server.shutdown()
        self._thread.join(timeout=10)


@pytest.fixture(scope="session", params=KINDS)
def live_server(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"live-{request.param}")
    with fresh_database(request.param, folder) as url:
        app = create_app(
            "testing",
            overrides={
                "SQLALCHEMY_DATABASE_URI": url,
                "WTF_CSRF_ENABLED": True,
                "MAIL_OUTBOX": str(folder / "outbox"),
                "UPLOAD_DIR": str(folder / "uploads"),
            },
        )
        with app.app_context():
            db.create_all()
            from consult.cli import seed_demo

            list(seed_demo())
        server = LiveServer(app, url, folder)
        # Links in letters and e-mails lead to where this server listens (a free port).
        app.config["PUBLIC_URL"] = server.url
        server.start()
        yield server
        server.stop()
        with app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, timeout=60_000
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser, tmp_path):
    """Make a page: ``browser_page(locale="zh-CN", width=375)``; CSP is bypassed only so
    that the test can inject axe-core."""
    contexts = []

    def make(locale="en-GB", width=1024, height=900):
        context = browser.new_context(
            locale=locale, viewport={"width": width, "height": height}, bypass_csp=True
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        # Let requests in flight (the favicon) finish: a dropped one can leave the live
        # server's file handle to the garbage collector, a ResourceWarning under -W error.
        for page in context.pages:
            page.wait_for_load_state("networkidle")
        context.close()


@pytest.fixture
def sign_in_as(live_server):
    """``sign_in_as(page, email, password=demo password)`` through the real sign-in form."""
    return lambda page, email, password=helpers.DEMO_PASSWORD: helpers.sign_in_as(
        page, live_server, email, password
    )


@pytest.fixture
def assert_accessible():
    return helpers.assert_accessible


@pytest.fixture
def save_screenshot():
    return helpers.save_screenshot


@pytest.fixture
def queue_worker(live_server):
    """A real queue worker (``flask queue worker``) for the live server, as in production:
    the live app hands jobs to Huey (SQLite storage in the test's folder) instead of running
    them at the end of the request."""
    import subprocess
    import sys

    from consult.core.queue.backend import QueueBackend

    app = live_server.app
    queue_path = live_server.folder / "queue.sqlite3"
    saved = dict(app.config), app.extensions["consult.queue"]
    app.config.update(QUEUE_MODE="huey", QUEUE_PATH=str(queue_path), QUEUE_NAME="browser")
    app.extensions["consult.queue"] = QueueBackend(app)
    env = {
        **os.environ,
        "CONSULT_CONFIG": "development",
        "DATABASE_URL": live_server.database_url,
        "CONSULT_INSTANCE_PATH": str(live_server.folder / "worker"),
        "SECRET_KEY": app.config["SECRET_KEY"],
        "QUEUE_PATH": str(queue_path),
        "QUEUE_NAME": "browser",
        "MAIL_OUTBOX": app.config["MAIL_OUTBOX"],
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "wsgi", "queue", "worker", "--workers", "1"],
        cwd=Path(__file__).resolve().parent.parent.parent,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield worker
    worker.terminate()
    worker.wait(timeout=20)
    app.config.clear()
    app.config.update(saved[0])
    app.extensions["consult.queue"] = saved[1]
