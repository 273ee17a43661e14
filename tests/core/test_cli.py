from consult.accounts.models import User

PASSWORD = "a committee passphrase"


def run(app, *args, input=None, locale="en"):
    return app.test_cli_runner().invoke(
        args=list(args), input=input, env={"CONSULT_LOCALE": locale}
    )


def test_users_create_prompts_for_the_password(app, db):
    result = run(
        app, "users", "create", "Chair@Example.org", "--role", "committee",
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Created committee account chair@example.org" in result.output
    user = db.session.execute(db.select(User).filter_by(email="chair@example.org")).scalar_one()
    assert user.role == "committee" and user.check_password(PASSWORD)


def test_users_create_translator_and_refuses_a_weak_password(app, db):
    result = run(app, "users", "create", "t@example.org", "--role", "translator",
                 input="password\npassword\n")  # fmt: skip
    assert result.exit_code != 0
    assert "too common" in result.output or "at least 10" in result.output
    assert db.session.execute(db.select(User).filter_by(email="t@example.org")).first() is None
    result = run(app, "users", "create", "t@example.org", "--role", "translator",
                 input=f"{PASSWORD}\n{PASSWORD}\n")  # fmt: skip
    assert result.exit_code == 0


def test_users_create_refuses_a_taken_address(app, db, create_user):
    create_user("taken@example.org")
    result = run(app, "users", "create", "taken@example.org", input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code != 0
    assert "already exists" in result.output


def test_seed_demo_creates_the_demo_accounts_once(app, db):
    result = run(app, "seed-demo", "--if-empty")
    assert result.exit_code == 0, result.output
    users = {u.email: u for u in db.session.execute(db.select(User)).scalars()}
    assert users["committee@example.org"].role == "committee"
    assert users["translator@example.org"].role == "translator"
    assert users["wang.fang@example.org"].preferred_locale == "zh_Hans"
    assert users["anna.smith@example.org"].preferred_locale == "en"
    assert all(u.check_password("consult-demo-2026") for u in users.values())
    again = run(app, "seed-demo", "--if-empty")
    assert "demo not seeded" in again.output
    assert db.session.scalar(db.select(db.func.count(User.id))) == len(users)


def test_production_refuses_to_seed(app, db):
    app.config["ALLOW_DEMO_SEED"] = False
    try:
        result = run(app, "seed-demo")
    finally:
        app.config["ALLOW_DEMO_SEED"] = True
    assert result.exit_code != 0
    assert "Refusing" in result.output
    assert db.session.execute(db.select(User)).first() is None


def test_command_line_messages_follow_the_terminal_language(app, db):
    result = run(app, "users", "create", "t@example.org", input="password\npassword\n",
                 locale="zh_TW")  # fmt: skip
    assert result.exit_code != 0
    assert "密碼太常見" in result.output
