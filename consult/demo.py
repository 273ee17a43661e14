"""The demo community: demo data only (production refuses to seed it)."""

from consult.core.permissions import COMMITTEE, RESIDENT, TRANSLATOR
from consult.extensions import db
from consult.residents.accounts import services
from consult.residents.accounts.models import User

DEMO_PASSWORD = "consult-demo-2026"

DEMO_ACCOUNTS = [
    # email, display name, role, UI language
    ("committee@example.org", "周敏 Zhou Min", COMMITTEE, "zh_Hans"),
    ("translator@example.org", "李娜 Li Na", TRANSLATOR, "en"),
    ("wang.fang@example.org", "王芳", RESIDENT, "zh_Hans"),
    ("anna.smith@example.org", "Anna Smith", RESIDENT, "en"),
]


def database_is_empty():
    return db.session.execute(db.select(User.id).limit(1)).first() is None


def seed_accounts():
    for email, name, role, locale in DEMO_ACCOUNTS:
        if services.find_user_by_email(email):
            yield f"exists: {email}"
            continue
        services.create_user(email, name, DEMO_PASSWORD, role=role, locale=locale)
        yield f"created {role}: {email}"


def seed_register():
    from consult.residents.demo import seed_register as seed_residents

    yield from seed_residents()


SEED_STEPS = [seed_accounts, seed_register]


def seed():
    """Run every seed step; each is idempotent, so seeding twice changes nothing."""
    for step in SEED_STEPS:
        yield from step()
    db.session.commit()
