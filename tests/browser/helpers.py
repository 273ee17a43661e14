"""Helpers for browser tests (the fixtures in conftest.py hand these out too)."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = PROJECT_ROOT / "tests" / "browser" / "screenshots"
AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
DEMO_PASSWORD = "consult-demo-2026"


def sign_in_as(page, live_server, email, password=DEMO_PASSWORD):
    page.goto(f"{live_server.url}/account/sign-in")
    page.locator("#email").fill(email)
    page.locator("#password").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def assert_accessible(page, context=""):
    """axe-core finds no serious or critical violation on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run()).violations")
    serious = [v for v in violations if v.get("impact") in {"serious", "critical"}]
    report = "\n".join(
        f"{v['impact']}: {v['id']}: {v['help']} ({len(v['nodes'])} nodes: "
        f"{[n['target'] for n in v['nodes']][:3]})"
        for v in serious
    )
    assert not serious, f"accessibility violations {context} at {page.url}:\n{report}"


def save_screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
