"""E-mail: through SMTP when MAIL_SERVER is set, else written to the outbox folder.

Every message is rendered in its recipient's language.
"""

import smtplib
import uuid
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale

from consult.i18n import DEFAULT_LOCALE, normalize_locale


def send_email(to, subject, template, locale, **context):
    """Render ``templates/emails/<template>.txt`` in ``locale`` and send it to ``to``.

    ``subject`` is a lazy string, so it too is rendered in the recipient's language.
    """
    locale = normalize_locale(locale) or DEFAULT_LOCALE
    with force_locale(locale):
        message = EmailMessage()
        message["Subject"] = str(subject)
        message["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
        message["To"] = to
        message["Date"] = format_datetime(datetime.now(UTC))
        message["Message-ID"] = make_msgid(domain="consult.local")
        message.set_content(render_template(f"emails/{template}.txt", **context))
        # After set_content, which replaces every Content-* header.
        message["Content-Language"] = locale.replace("_", "-")
    _deliver(message)
    return message


def _deliver(message):
    config = current_app.config
    if config.get("MAIL_SERVER"):
        smtp_class = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
        with smtp_class(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
            if config["MAIL_USE_TLS"] and not config["MAIL_USE_SSL"]:
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message)
        return
    outbox = Path(config["MAIL_OUTBOX"])
    outbox.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    path = outbox / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
    path.write_bytes(bytes(message))
    current_app.logger.info("e-mail to %s written to %s", message["To"], path)
