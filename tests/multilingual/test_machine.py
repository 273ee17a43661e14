"""Machine translation against a small local server speaking LibreTranslate's API: drafts
for translators, marked as machine translation for readers, never a person's text."""

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from sqlalchemy import select

from consult.core.queue import Job, JobStatus
from consult.multilingual.models import MACHINE, Translation
from consult.multilingual.reading import has_text_by_a_person
from consult.proposals.dates import community_today
from tests.conftest import sign_in
from tests.proposals.conftest import page_text, switch_to

WORDS = {"小区停车位不足怎么办": "Insufficient parking spaces in the community",
         "Dark path": "黑暗的小路", "Lights": "路灯"}  # fmt: skip


class LibreTranslate(BaseHTTPRequestHandler):
    """POST /translate {q, source, target, format, api_key} → {translatedText}."""

    received = []
    failing = False

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8"))
        LibreTranslate.received.append((self.path, body))
        if LibreTranslate.failing or self.path != "/translate":
            self.send_response(500)
            self.end_headers()
            return
        text = WORDS.get(body["q"], f"[{body['source']}→{body['target']}] {body['q']}")
        payload = json.dumps({"translatedText": text}, ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def service(app):
    server = HTTPServer(("127.0.0.1", 0), LibreTranslate)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    LibreTranslate.received, LibreTranslate.failing = [], False
    app.config.update(
        MACHINE_TRANSLATION_URL=f"http://127.0.0.1:{server.server_port}",
        MACHINE_TRANSLATION_KEY="key-123",
    )
    yield LibreTranslate
    app.config.update(MACHINE_TRANSLATION_URL=None, MACHINE_TRANSLATION_KEY=None)
    server.shutdown()
    server.server_close()


def _publish(client, people, write, **fields):
    proposal = write(people.wang, published=False, **fields)
    sign_in(client, people.wang)
    closes = (community_today() + timedelta(days=10)).isoformat()
    response = client.post(f"/proposals/{proposal.id}/publish", data={"closes_on": closes})
    assert response.status_code == 302
    return proposal


def test_off_by_default(client, db, people, write):
    proposal = _publish(client, people, write)
    assert (
        db.session.scalars(select(Job).filter_by(kind="multilingual.machine_translate")).all() == []
    )
    switch_to(client, people.translator)
    assert "machine translation" not in page_text(client.get(f"/desk/proposal/{proposal.id}/en"))


def test_publishing_asks_the_service_and_readers_see_a_marked_machine_translation(
    app, client, db, people, write, service
):
    proposal = _publish(client, people, write)
    paths = {path for path, _ in service.received}
    assert paths == {"/translate"}
    sent = [body for _, body in service.received]
    assert {(b["source"], b["target"], b["format"], b["api_key"]) for b in sent} == {
        ("zh", "en", "text", "key-123")
    }
    row = db.session.scalars(select(Translation)).one()
    assert row.method == MACHINE and row.translator_id is None and row.language == "en"
    assert row.texts["title"] == "Insufficient parking spaces in the community"
    assert not has_text_by_a_person(proposal, "en")

    reader = app.test_client()
    page = page_text(reader.get(f"/proposals/{proposal.id}", headers={"Accept-Language": "en"}))
    assert "Insufficient parking spaces in the community" in page
    assert "Machine translation" in page and "not checked by a person" in page
    assert "translated from Chinese by" not in page.lower()


def test_translators_start_from_the_machine_draft_and_it_becomes_theirs(
    app, client, db, people, write, service
):
    proposal = _publish(client, people, write)
    switch_to(client, people.translator)
    desk = page_text(client.get("/desk"))
    assert proposal.title in desk  # a machine's text does not take it off the desk
    form = page_text(client.get(f"/desk/proposal/{proposal.id}/en"))
    assert "Insufficient parking spaces in the community" in form
    assert "machine translation&#39;s draft" in form or "machine translation's draft" in form
    response = client.post(
        f"/desk/proposal/{proposal.id}/en",
        data={"field_title": "Not enough parking spaces in the compound",
              "field_summary": "No space.", "field_body": "Full.", "from_machine_draft": "y"},
    )  # fmt: skip
    assert response.status_code == 302
    row = db.session.scalars(select(Translation)).one()
    assert row.method != MACHINE and row.translator_id == people.translator.id
    assert row.from_machine_draft and has_text_by_a_person(proposal, "en")
    reader = app.test_client()
    page = page_text(reader.get(f"/proposals/{proposal.id}", headers={"Accept-Language": "en"}))
    assert "(starting from a machine translation)" in page


def test_a_machine_never_replaces_a_persons_translation(db, people, write, service):
    from consult.multilingual import services
    from consult.multilingual.machine import machine_translate

    proposal = write(people.wang)
    services.save_translation(people.translator, proposal, "en",
                              {"title": "Parking", "summary": "s", "body": "b"})  # fmt: skip
    db.session.commit()
    machine_translate(None, "proposal", proposal.id)
    row = db.session.scalars(select(Translation)).one()
    assert row.method != MACHINE and row.texts["title"] == "Parking"
    assert service.received == []  # nothing was missing: nothing was asked


def test_chinese_from_the_service_is_converted_for_a_traditional_content_language(
    app, db, people, write, service
):
    from consult.multilingual.machine import machine_translate

    previous = app.config["CONTENT_LANGUAGES"]

    app.config["CONTENT_LANGUAGES"] = ("zh-Hant", "en")

    try:
        proposal = write(people.anna, title="Lights", summary="", body="Dark path", language="en")
        machine_translate(None, "proposal", proposal.id)
    finally:
        app.config["CONTENT_LANGUAGES"] = previous
    row = db.session.scalars(select(Translation)).one()
    assert row.language == "zh-Hant" and row.texts == {
        "title": "路燈",
        "summary": "",
        "body": "黑暗的小路",
    }


def test_a_failing_service_leaves_the_original_and_a_failed_job(client, db, people, write, service):
    service.failing = True
    proposal = _publish(client, people, write)
    job = db.session.scalars(select(Job).filter_by(kind="multilingual.machine_translate")).one()
    assert job.status == JobStatus.FAILED
    assert db.session.scalars(select(Translation)).all() == []
    page = page_text(client.get(f"/proposals/{proposal.id}"))
    assert proposal.title in page


def test_the_desk_button_asks_for_a_draft(client, db, people, write, service, app):
    url = app.config["MACHINE_TRANSLATION_URL"]
    app.config["MACHINE_TRANSLATION_URL"] = None
    proposal = write(people.wang)  # published while no service was configured
    app.config["MACHINE_TRANSLATION_URL"] = url
    sign_in(client, people.translator)
    page = page_text(client.get(f"/desk/proposal/{proposal.id}/en"))
    assert "Get a machine translation as a draft" in page
    response = client.post(f"/desk/proposal/{proposal.id}/en/machine-draft")
    assert response.status_code == 302
    page = page_text(client.get(response.headers["Location"]))
    assert "Insufficient parking spaces in the community" in page
