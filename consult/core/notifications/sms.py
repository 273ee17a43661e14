"""Text messages through a generic HTTP SMS gateway (off unless SMS_GATEWAY_URL is set).

The gateway receives ``POST SMS_GATEWAY_URL`` with a JSON body
``{"to": "+8613800000000", "text": "...", "language": "zh-Hans", "template": "T1"}`` and the
header ``Authorization: Bearer SMS_GATEWAY_KEY``; any 2xx answer means accepted. ``template``
is the gateway's pre-approved template for the language (``SMS_TEMPLATE_EN``,
``SMS_TEMPLATE_ZH_HANS``, ``SMS_TEMPLATE_ZH_HANT``), as mainland providers require.
"""

import json
import urllib.error
import urllib.request

from flask import current_app

from consult.i18n import LOCALE_TAGS


class SmsError(Exception):
    pass


def sms_enabled():
    return bool(current_app.config.get("SMS_GATEWAY_URL"))


def send_sms(phone, text, locale):
    config = current_app.config
    body = {
        "to": phone,
        "text": text,
        "language": LOCALE_TAGS.get(locale, "en"),
        "template": config.get("SMS_TEMPLATES", {}).get(locale),
    }
    request = urllib.request.Request(
        config["SMS_GATEWAY_URL"],
        data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "Authorization": f"Bearer {config.get('SMS_GATEWAY_KEY') or ''}",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=config.get("SMS_TIMEOUT", 10)) as response:
            if not 200 <= response.status < 300:
                raise SmsError(f"gateway answered {response.status}")
    except (urllib.error.URLError, OSError) as error:
        raise SmsError(str(error)) from error
