"""Images and files: checked by their bytes and size, stored under UPLOAD_DIR, served with
headers that keep a browser from running them."""

import io
from pathlib import Path

from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from consult.proposals.models import Attachment
from tests.conftest import sign_in
from tests.proposals.access import PNG
from tests.proposals.conftest import page_text, switch_to

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!doctype html><html><script>alert(1)</script></html>"


def _upload(client, proposal, data, name, description=""):
    return client.post(
        f"/proposals/{proposal.id}/attachments",
        data={"file": (io.BytesIO(data), name), "description": description},
        content_type="multipart/form-data",
        headers={"Accept-Language": "en"},
    )


def test_an_image_is_stored_in_upload_dir_and_shown_with_safe_headers(
    app, client, db, people, write
):
    proposal = write(people.anna, title="Racks", language="en", body="x")
    sign_in(client, people.anna)
    response = _upload(client, proposal, PNG, "../../etc/racks.png", "Bicycles at the door")
    assert response.status_code == 302
    attachment = db.session.scalars(select(Attachment)).one()
    stored = Path(app.config["UPLOAD_DIR"]) / "proposals" / attachment.stored_name
    assert stored.read_bytes() == PNG
    assert attachment.filename == "racks.png" and attachment.content_type == "image/png"

    client.post("/account/sign-out")
    page = page_text(client.get(f"/proposals/{proposal.id}"))
    assert f'src="/proposals/attachments/{attachment.id}"' in page
    assert 'alt="Bicycles at the door"' in page
    with client.get(f"/proposals/attachments/{attachment.id}") as served:
        assert served.status_code == 200 and served.data == PNG
        assert served.mimetype == "image/png"
        assert served.headers["X-Content-Type-Options"] == "nosniff"
        assert served.headers["Content-Disposition"].startswith("inline")
        assert "sandbox" in served.headers["Content-Security-Policy"]


def test_a_pdf_is_always_downloaded(client, db, people, write):
    proposal = write(people.anna, title="Plan", language="en", body="x")
    sign_in(client, people.anna)
    assert _upload(client, proposal, PDF, "plan.pdf").status_code == 302
    attachment = db.session.scalars(select(Attachment)).one()
    with client.get(f"/proposals/attachments/{attachment.id}") as served:
        assert served.headers["Content-Disposition"] == "attachment; filename=plan.pdf"
        assert served.mimetype == "application/pdf"


def test_svg_html_and_disguised_files_are_refused(client, db, people, write):
    proposal = write(people.anna, title="Plan", language="en", body="x")
    sign_in(client, people.anna)
    for data, name in ((SVG, "logo.svg"), (HTML, "page.html"), (SVG, "logo.png"),
                       (HTML, "photo.jpg"), (b"MZ\x90\x00", "setup.exe")):  # fmt: skip
        response = _upload(client, proposal, data, name)
        assert response.status_code == 422, name
        assert "Only PNG, JPEG, GIF and WebP images and PDF files can be attached." in page_text(
            response
        )
    assert db.session.scalars(select(Attachment)).all() == []


def test_files_over_the_size_limit_are_refused(app, client, db, people, write):
    proposal = write(people.anna, title="Plan", language="en", body="x")
    sign_in(client, people.anna)
    saved = app.config["UPLOAD_MAX_BYTES"]
    # A small limit: werkzeug's test client leaves bodies over 500 KB in unclosed files.
    app.config["UPLOAD_MAX_BYTES"] = 256 * 1024
    try:
        assert _upload(client, proposal, PNG + b"\x00" * 200_000, "fits.png").status_code == 302
        response = _upload(client, proposal, PNG + b"\x00" * (256 * 1024), "big.png")
    finally:
        app.config["UPLOAD_MAX_BYTES"] = saved
    assert response.status_code == 422
    assert "The file is larger than 0.25 MB." in page_text(response)
    assert _upload(client, proposal, b"", "empty.png").status_code == 422


def test_only_the_author_attaches_and_a_drafts_files_stay_private(client, db, people, write):
    draft = write(people.anna, published=False, title="Draft", language="en", body="x")
    sign_in(client, people.anna)
    assert _upload(client, draft, PNG, "a.png").status_code == 302
    attachment = db.session.scalars(select(Attachment)).one()
    switch_to(client, people.wang)
    assert _upload(client, draft, PNG, "b.png").status_code == 403
    assert client.get(f"/proposals/attachments/{attachment.id}").status_code == 403
    assert client.post(f"/proposals/attachments/{attachment.id}/remove").status_code == 403
    switch_to(client, people.anna)
    assert client.post(f"/proposals/attachments/{attachment.id}/remove").status_code == 302
    assert db.session.scalars(select(Attachment)).all() == []


def _stored(app, attachment):
    return Path(app.config["UPLOAD_DIR"]) / "proposals" / attachment.stored_name


def test_a_removed_file_leaves_the_disk_with_its_row(app, client, db, people, write):
    proposal = write(people.anna, title="Racks", language="en", body="x")
    sign_in(client, people.anna)
    assert _upload(client, proposal, PNG, "racks.png").status_code == 302
    attachment = db.session.scalars(select(Attachment)).one()
    stored = _stored(app, attachment)
    assert stored.exists()
    response = client.post(f"/proposals/attachments/{attachment.id}/remove")
    assert response.status_code == 302
    assert db.session.scalars(select(Attachment)).all() == []
    assert not stored.exists()
    assert client.get(f"/proposals/attachments/{attachment.id}").status_code == 404


def test_a_dropped_draft_keeps_its_file_until_the_change_commits(app, db, people, write):
    # Account deletion drops drafts in the same change as every other domain's hook; if a
    # later step refuses and the change rolls back, the draft is back and so is its file.
    from consult.proposals.attachments import add_attachment
    from consult.proposals.services import remove_draft

    draft = write(people.anna, published=False, title="Racks", language="en", body="x")
    upload = FileStorage(io.BytesIO(PNG), "racks.png", content_type="image/png")
    attachment = add_attachment(people.anna, draft, upload)
    db.session.commit()
    stored = _stored(app, attachment)

    remove_draft(draft)
    db.session.rollback()
    assert stored.read_bytes() == PNG
    assert db.session.get(Attachment, attachment.id) is not None

    remove_draft(db.session.get(type(draft), draft.id))
    db.session.commit()
    assert not stored.exists()
