"""Machine translation through a LibreTranslate-style HTTP API (off unless configured).

``MACHINE_TRANSLATION_URL`` names the service (``https://translate.example.org``); each
field is sent as ``POST <url>/translate`` with JSON ``{"q": text, "source": "zh",
"target": "en", "format": "text"}`` (and ``"api_key"`` when ``MACHINE_TRANSLATION_KEY`` is
set), and the answer's ``translatedText`` is kept. Languages are sent without script or
region; Chinese comes back in Simplified and is converted by OpenCC when the target is
Traditional.

The output is a *machine translation*: offered to translators as a draft at the desk, and
shown to readers marked as machine translation, never as a person's. It runs on the task
queue, with no database transaction open while the service answers.
"""

import json
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from flask import current_app
from flask_babel import lazy_gettext as _l

from consult.core import audit
from consult.core.queue import task
from consult.extensions import db
from consult.multilingual import services
from consult.multilingual.languages import (
    base_language,
    content_languages,
    normalize_tag,
    same_language,
)
from consult.multilingual.models import MACHINE, new_translation
from consult.multilingual.reading import has_text_by_a_person
from consult.multilingual.registry import content_type_of, find_content, get_content_type
from consult.text.chinese import convert_for

audit.describe("translation.machine", _l("Machine translation saved"))


class MachineTranslationError(Exception):
    """The service could not be reached or gave no translation."""


def provider_configured():
    return bool(current_app.config.get("MACHINE_TRANSLATION_URL"))


def engine_name():
    """How the service is named on translations: its host."""
    return urlsplit(current_app.config["MACHINE_TRANSLATION_URL"]).netloc or "machine"


def translate_text(text, source, target):
    """``text`` translated from ``source`` to ``target`` (BCP 47 tags) by the service."""
    if not text.strip():
        return ""
    config = current_app.config
    body = {"q": text, "source": base_language(source), "target": base_language(target),
            "format": "text"}  # fmt: skip
    if config.get("MACHINE_TRANSLATION_KEY"):
        body["api_key"] = config["MACHINE_TRANSLATION_KEY"]
    request = urllib.request.Request(
        config["MACHINE_TRANSLATION_URL"].rstrip("/") + "/translate",
        data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=config["MACHINE_TRANSLATION_TIMEOUT"]) as r:
            answer = json.loads(r.read().decode("utf-8"))
    except (OSError, ValueError) as error:  # HTTP errors, timeouts, bad JSON
        raise MachineTranslationError(str(error)) from error
    translated = answer.get("translatedText") if isinstance(answer, dict) else None
    if not isinstance(translated, str):
        raise MachineTranslationError(f"no translatedText in {str(answer)[:200]}")
    return convert_for(translated, "zh-Hans", target) or translated


def translate_fields(texts, source, target):
    return {name: translate_text(text, source, target) for name, text in texts.items()}


def save_machine_translation(content, language, texts, engine, revision):
    """Keep a machine translation of revision ``revision`` of ``content`` (from the queue).

    A person's translation is never replaced by a machine's; a newer machine translation
    replaces an older one.
    """
    content_type = content_type_of(content)
    tag = normalize_tag(language)
    row = services.find_translation(content, tag)
    if row is not None and row.method != MACHINE:
        return None
    if revision != content_type.revision_of(content):
        return None  # the original changed meanwhile: a newer job translates that
    cleaned = {name: (texts.get(name) or "").strip() for name in content_type.fields}
    if row is None:
        row = new_translation(content_type.name, content.id, tag, texts=cleaned, method=MACHINE)
        db.session.add(row)
    row.texts, row.method, row.engine, row.revision = cleaned, MACHINE, engine[:120], revision
    row.translator_id = None
    db.session.flush()
    audit.record(
        "translation.machine",
        row,
        data={"content": f"{content_type.name}:{content.id}", "language": tag,
              "revision": revision, "engine": row.engine},
    )  # fmt: skip
    services.text_changed(content)
    return row


@task("multilingual.machine_translate")
def machine_translate(job, content_type, content_id):
    """Machine drafts of one content in every content language without a person's text."""
    kind = get_content_type(content_type)
    content = find_content(content_type, content_id)
    if kind is None or content is None or not provider_configured():
        return
    source = kind.original_language(content)
    texts, revision = kind.texts_of(content), kind.revision_of(content)
    targets = [
        tag
        for tag in content_languages()
        if not same_language(tag, source) and not has_text_by_a_person(content, tag)
    ]
    db.session.rollback()  # no transaction stays open while the service answers
    drafts = {tag: translate_fields(texts, source, tag) for tag in targets}
    engine = engine_name()
    for tag, translated in drafts.items():
        content = find_content(content_type, content_id)
        if content is not None:
            save_machine_translation(content, tag, translated, engine, revision)
    db.session.commit()
