"""E-mail really goes out over SMTP when MAIL_SERVER is set (a local aiosmtpd server)."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(app):
    inbox = Inbox()
    with socket.socket() as probe:  # a free port: aiosmtpd cannot start on port 0
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    saved = {k: app.config[k] for k in ("MAIL_SERVER", "MAIL_PORT", "MAIL_USE_TLS")}
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_USE_TLS=False)
    yield inbox
    app.config.update(saved)
    controller.stop()


def test_reset_mail_goes_through_smtp_not_the_outbox(client, create_user, smtp_server, outbox):
    create_user("resident@example.org", locale="zh_Hant")
    response = client.post("/account/forgot-password", data={"email": "resident@example.org"})
    assert response.status_code == 302
    assert outbox() == []
    [envelope] = smtp_server.messages
    assert envelope.rcpt_tos == ["resident@example.org"]
    message = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert message["Content-Language"] == "zh-Hant"
    assert message["Subject"] == "重設您的 Consult 密碼"
    assert "/account/reset-password/" in message.get_content()
