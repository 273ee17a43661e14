"""The demo community's accounts (demo data only: production refuses to seed)."""

from consult.accounts import services
from consult.core.permissions import COMMITTEE, RESIDENT, TRANSLATOR

DEMO_PASSWORD = "consult-demo-2026"

DEMO_ACCOUNTS = [
    # email, display name, role, UI language
    ("committee@example.org", "周敏 Zhou Min", COMMITTEE, "zh_Hans"),
    ("translator@example.org", "李娜 Li Na", TRANSLATOR, "en"),
    ("wang.fang@example.org", "王芳", RESIDENT, "zh_Hans"),
    ("anna.smith@example.org", "Anna Smith", RESIDENT, "en"),
]


def seed_accounts():
    for email, name, role, locale in DEMO_ACCOUNTS:
        if services.find_user_by_email(email):
            yield f"exists: {email}"
            continue
        services.create_user(email, name, DEMO_PASSWORD, role=role, locale=locale)
        yield f"created {role}: {email}"
