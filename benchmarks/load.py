"""Load-test helpers: a gunicorn server on a fresh database, wrk against it, a table.

Each load benchmark prepares its data, serves the app with gunicorn (2 sync workers, as
ARCHITECTURE.md measures), runs Debian's ``wrk`` against 127.0.0.1 only for a fixed
duration, and prints each page's rate beside the ``/healthz`` rate of the same run (the
machine's ceiling for a trivial page).
"""

import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``gunicorn wsgi:app`` with ``workers`` sync workers, on a database URL of our choice."""

    def __init__(self, database_url, instance, workers=2, extra_env=None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "CONSULT_INSTANCE_PATH": str(instance),
            "CONSULT_CONFIG": "development",
            "SECRET_KEY": "benchmark-secret-key",
            "PUBLIC_URL": self.url,
            # Benchmarks sign in once per user; do not let the limiter count them.
            "SIGN_IN_RATE_LIMIT": "100000 per minute",
            **(extra_env or {}),
        }
        self.process = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
                "wsgi:app",
            ],  # fmt: skip
            cwd=PROJECT_ROOT,
            env=env,
        )
        self._wait()

    def _wait(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not answer /healthz")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=20)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


# Flask-Login's "strong" session protection ties a session to its User-Agent: wrk sends the
# same one as the sign-in did.
USER_AGENT = "consult-benchmark"


def sign_in(base_url, email, password):
    """A Cookie header for a session signed in through the real form (CSRF included)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.addheaders = [("User-Agent", USER_AGENT)]
    page = opener.open(base_url + "/account/sign-in").read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"email": email, "password": password, "csrf_token": token})
    opener.open(base_url + "/account/sign-in", data.encode())
    if not any(cookie.name == "session" for cookie in jar):
        raise RuntimeError(f"could not sign in as {email}")
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def check_page(url, cookie=None):
    """Fail early unless ``url`` answers 200 itself (not a redirect to sign in)."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    if cookie:
        request.add_header("Cookie", cookie)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=30) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    if status != 200:
        raise RuntimeError(f"{url} answered {status}, not 200")


def wrk(url, seconds=10, connections=16, threads=2, cookie=None, headers=()):
    """(requests per second, non-2xx responses, socket errors) of a fixed-length wrk run.

    ``headers`` are extra "Name: value" lines (an Accept-Language, say)."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    check_page(url, cookie)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["-H", f"User-Agent: {USER_AGENT}"]
    for header in headers:
        command += ["-H", header]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    latency = re.search(r"50%\s+([\d.]+\w+)", output)
    return {
        "rate": rate,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0,
        "median": latency.group(1) if latency else "?",
    }


def print_table(title, rows, headers):
    print(title)
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
