"""Notifications: each person's settings, the daily digest, urgent messages, SMS, languages."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from sqlalchemy import select

from consult.core.notifications import notify
from consult.core.notifications.delivery import send_digests
from consult.core.notifications.models import Notification
from consult.core.queue import Job, JobStatus, run_pending
from consult.residents import IMPORT_FINISHED, VERIFIED
from tests.conftest import sign_in


class Gateway(BaseHTTPRequestHandler):
    """A small SMS gateway: records what it is sent, answers 202."""

    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Gateway.received.append(
            {"auth": self.headers["Authorization"], "body": json.loads(body.decode("utf-8"))}
        )
        self.send_response(202)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def sms_gateway(app):
    server = HTTPServer(("127.0.0.1", 0), Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Gateway.received = []
    saved = {k: app.config.get(k) for k in ("SMS_GATEWAY_URL", "SMS_GATEWAY_KEY", "SMS_TEMPLATES")}
    app.config.update(
        SMS_GATEWAY_URL=f"http://127.0.0.1:{server.server_port}/send",
        SMS_GATEWAY_KEY="k-123",
        SMS_TEMPLATES={"zh_Hans": "TPL-ZH", "en": "TPL-EN", "zh_Hant": "TPL-HANT"},
    )
    yield Gateway.received
    app.config.update(saved)
    server.shutdown()
    server.server_close()


@pytest.fixture
def register(db):
    from consult.residents import importer
    from tests.residents.conftest import ROWS, make_csv

    rows = [dict(row) for row in ROWS]
    rows[0]["phone"] = "13800000001"  # 王芳, zh;en
    rows[2]["phone"] = "+44 7700 900123"  # Anna Smith, en;zh
    rows[3]["phone"] = "13900000003"  # 김민준, ko (no account, no e-mail)
    rows[3]["email"] = "kim@example.org"
    importer.import_register(make_csv(rows))
    db.session.commit()


def resident(db, name):
    from consult.residents.models import Resident

    return db.session.scalars(select(Resident).filter_by(full_name=name)).one()


def deliver(app):
    with app.test_request_context():
        run_pending()


def test_by_default_each_message_comes_at_once_by_e_mail_in_the_readers_language(
    app, db, register, create_user, outbox
):
    from consult.residents import services

    committee = create_user(role="committee")
    wang = create_user("wang.fang@example.org", locale="zh_Hans")
    with app.test_request_context():
        services.verify_resident(committee, resident(db, "王芳"), wang)
        db.session.commit()
        run_pending()
    [message] = outbox()
    assert message["To"] == "wang.fang@example.org"
    assert message["Subject"] == "您已成为春江社区的已认证居民"
    assert message["Content-Language"] == "zh-Hans"
    assert "http://consult.test/register/me" in message.get_content()


def test_links_come_from_public_url_not_the_request(app, db, create_user, outbox):
    user = create_user()
    previous = app.config["PUBLIC_URL"]
    app.config["PUBLIC_URL"] = "https://consult.example.org"
    try:
        with app.test_request_context(base_url="http://evil.example"):
            notify(IMPORT_FINISHED, [user], path="/register/import/1", file="a.csv")
            db.session.commit()
            run_pending()
    finally:
        app.config["PUBLIC_URL"] = previous
    body = outbox()[0].get_content()
    assert "https://consult.example.org/register/import/1" in body and "evil" not in body


def test_settings_choose_daily_or_never_and_the_digest_gathers_the_day(
    app, client, db, create_user, outbox
):
    user = create_user("li@example.org", locale="en")
    sign_in(client, user)
    response = client.post(
        "/notifications/settings",
        data={
            "residents.import_finished__frequency": "daily",
            "residents.import_finished__email": "y",
            "residents.verified__frequency": "never",
            "residents.verification_revoked__frequency": "each",
        },
    )
    assert response.status_code == 302
    with app.test_request_context():
        notify(IMPORT_FINISHED, [user], path="/register/import/1", file="first.csv")
        notify(IMPORT_FINISHED, [user], path="/register/import/2", file="second.csv")
        notify(VERIFIED, [user], path="/register/me", community="Chunjiang")
        db.session.commit()
        run_pending()
    assert outbox() == []  # daily: nothing yet; never: nothing at all
    kinds = db.session.scalars(select(Notification.kind).filter_by(user_id=user.id)).all()
    assert sorted(kinds) == ["residents.import_finished"] * 2
    with app.test_request_context():
        send_digests()
        send_digests()  # the next day's run finds nothing new
    [digest] = outbox()
    assert digest["Subject"] == "Your daily summary: 2 new messages"
    text = digest.get_content()
    assert "first.csv" in text and "second.csv" in text


def test_the_inbox_shows_messages_in_the_readers_language_and_counts_unread(
    app, client, db, create_user
):
    user = create_user(locale="zh_Hant")
    with app.test_request_context():
        notify(IMPORT_FINISHED, [user], path="/register/me", file="名冊.csv")
        db.session.commit()
    sign_in(client, user)
    home = client.get("/").get_data(as_text=True)
    assert 'class="nav-badge">1<' in home
    inbox = client.get("/notifications").get_data(as_text=True)
    assert "居民名冊檔案 名冊.csv 已匯入完畢" in inbox
    message = db.session.scalars(select(Notification).filter_by(user_id=user.id)).one()
    opened = client.get(f"/notifications/{message.id}")
    assert opened.status_code == 302 and opened.headers["Location"].endswith("/register/me")
    assert "nav-badge" not in client.get("/").get_data(as_text=True)


def test_nobody_opens_someone_elses_message(app, client, db, create_user):
    owner, other = create_user(), create_user()
    with app.test_request_context():
        [message] = notify(IMPORT_FINISHED, [owner], path="/", file="x.csv")
        db.session.commit()
    sign_in(client, other)
    assert client.get(f"/notifications/{message.id}").status_code == 403


def test_an_urgent_message_reaches_everyone_in_scope_by_every_channel_in_their_language(
    app, client, db, register, create_user, outbox, sms_gateway
):
    from consult.residents import services

    committee = create_user("chair@example.org", role="committee")
    anna = create_user("anna.smith@example.org", locale="en")
    services.verify_resident(committee, resident(db, "Anna Smith"), anna)
    db.session.commit()
    sign_in(client, committee)
    grid_one = resident(db, "王芳").household.building.grid
    response = client.post(
        "/notifications/urgent",
        data={
            "scope": f"grid:{grid_one.id}",
            "subject_zh_Hans": "停水通知",
            "body_zh_Hans": "明天9点到12点停水。",
            "subject_en": "Water cut",
            "body_en": "No water tomorrow from 9 to 12.",
        },
    )
    assert response.status_code == 302
    mails = {m["To"]: m for m in outbox() if m["Subject"] in ("停水通知", "Water cut")}
    # Grid one: 王芳 (no account; register e-mail), 陈小雨 (no contact), Anna (account).
    assert mails["wang.fang@example.org"]["Subject"] == "停水通知"
    assert mails["anna.smith@example.org"]["Subject"] == "Water cut"
    assert "kim@example.org" not in mails  # another grid
    texts = {item["body"]["to"]: item for item in sms_gateway}
    assert set(texts) == {"13800000001", "+44 7700 900123"}
    assert texts["13800000001"]["body"]["template"] == "TPL-ZH"
    assert texts["13800000001"]["body"]["text"].startswith("停水通知")
    assert texts["+44 7700 900123"]["body"]["language"] == "en"
    assert all(item["auth"] == "Bearer k-123" for item in sms_gateway)
    inbox = db.session.scalars(select(Notification).filter_by(user_id=anna.id, kind="urgent")).one()
    assert inbox.urgent


def test_traditional_readers_get_the_simplified_text_converted(
    app, db, register, create_user, outbox
):
    from consult.core.notifications.services import send_urgent

    committee = create_user(role="committee")
    reader = create_user(locale="zh_Hant")
    from consult.residents import services

    services.verify_resident(committee, resident(db, "김민준"), reader)
    db.session.commit()
    grid_two = resident(db, "김민준").household.building.grid
    with app.test_request_context():
        send_urgent(
            committee,
            f"grid:{grid_two.id}",
            {"zh_Hans": ("停水通知", "明天停水。"), "en": ("", "")},
        )
        db.session.commit()
        run_pending()
    subjects = {m["To"]: m["Subject"] for m in outbox() if "停" in m["Subject"]}
    assert subjects[reader.email] == "停水通知"  # the same characters in both scripts
    body = [m for m in outbox() if m["To"] == reader.email and m["Subject"] == "停水通知"][0]
    assert "明天停水" in body.get_content()


def test_an_urgent_message_needs_a_scope_and_a_text_and_the_committee(app, client, db, create_user):
    sign_in(client, create_user(role="committee"))
    response = client.post("/notifications/urgent", data={"scope": "community", "subject_en": "x"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Write the message" in html and 'value="x"' in html
    response = client.post("/notifications/urgent", data={"scope": "planet:1", "subject_en": "x"})
    assert response.status_code == 422 and 'id="scope-error"' in response.get_data(as_text=True)
    client.post("/account/sign-out")
    sign_in(client, create_user())
    assert client.post("/notifications/urgent", data={}).status_code == 403


def test_a_text_message_goes_to_the_gateway_when_chosen(
    app, client, db, register, create_user, sms_gateway
):
    from consult.residents import services

    committee = create_user(role="committee")
    wang = create_user("wang.fang@example.org", locale="zh_Hans")
    sign_in(client, wang)
    client.post(
        "/notifications/settings",
        data={
            "residents.verified__frequency": "each",
            "residents.verified__sms": "y",
            "residents.verification_revoked__frequency": "each",
            "residents.import_finished__frequency": "each",
        },
    )
    with app.test_request_context():
        services.verify_resident(committee, resident(db, "王芳"), wang)
        db.session.commit()
        run_pending()
    [text] = sms_gateway
    assert text["body"]["to"] == "13800000001" and text["body"]["language"] == "zh-Hans"
    assert "已认证居民" in text["body"]["text"]


def test_messages_are_sent_from_a_worker_outside_any_request(app, db, create_user, outbox):
    """The queue's worker has an app but no request: e-mails still render and link."""
    from consult.core.queue import run_job

    user = create_user(locale="zh_Hans")
    with app.test_request_context():
        [message] = notify(IMPORT_FINISHED, [user], path="/register/import/9", file="x.csv")
        db.session.commit()
        job_id = db.session.scalars(select(Job.id).where(Job.kind == "notifications.deliver")).one()
        from flask import g

        g.pop("consult_inline_jobs", None)  # this test plays the worker instead
    with app.app_context():
        assert run_job(job_id).status == JobStatus.DONE
    [mail] = outbox()
    assert mail["Subject"] == "居民名册文件 x.csv 已导入完毕"
    assert "http://consult.test/register/import/9" in mail.get_content()
