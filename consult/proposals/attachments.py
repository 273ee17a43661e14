"""Images and files of proposals: checked by their first bytes and size, stored under
UPLOAD_DIR with random names, served with headers that stop a browser running them.

Accepted: PNG, JPEG, GIF and WebP images (shown on the page) and PDF files (downloaded).
SVG, HTML and everything else are refused whatever their name says: a file's type is what
its bytes are, and the name an upload claims is kept only for the download.
"""

import os
import secrets
from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _l

from consult.core import audit
from consult.core.files import remove_after_commit
from consult.core.services import ServiceError
from consult.extensions import db
from consult.proposals.models import Attachment, AttachmentKind
from consult.proposals.permissions import can_edit_proposal, can_remove_attachment

MAX_ATTACHMENTS = 10
FOLDER = "proposals"
# content type → (kind, file extension), recognised from the first bytes.
TYPES = {
    "image/png": (AttachmentKind.IMAGE, ".png"),
    "image/jpeg": (AttachmentKind.IMAGE, ".jpg"),
    "image/gif": (AttachmentKind.IMAGE, ".gif"),
    "image/webp": (AttachmentKind.IMAGE, ".webp"),
    "application/pdf": (AttachmentKind.FILE, ".pdf"),
}

audit.describe("proposal.attachment_added", _l("Attachment added to a proposal"))
audit.describe("proposal.attachment_removed", _l("Attachment removed from a proposal"))


def sniff(head):
    """The content type the bytes ``head`` start with, or None when not an accepted one."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    return None


def upload_folder():
    folder = Path(current_app.config["UPLOAD_DIR"]) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def stored_path(attachment):
    return Path(current_app.config["UPLOAD_DIR"]) / FOLDER / attachment.stored_name


def _clean_filename(name, extension):
    """The uploaded name without folders or control characters, ending in its real type."""
    name = os.path.basename((name or "").replace("\\", "/"))
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '"<>:|?*').strip(" .")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return (stem[:120] or "attachment") + extension


def add_attachment(actor, proposal, upload, description=""):
    """Keep ``upload`` (a werkzeug FileStorage) with ``proposal``; refused by type and size."""
    if not can_edit_proposal(actor, proposal):
        raise ServiceError(_l("Only the author can add files, while the proposal can be edited."))
    if upload is None or not getattr(upload, "filename", ""):
        raise ServiceError(_l("Choose a file to upload."), "file")
    if len(proposal.attachments) >= MAX_ATTACHMENTS:
        raise ServiceError(
            _l("A proposal has at most %(count)d files.", count=MAX_ATTACHMENTS), "file"
        )
    limit = current_app.config["UPLOAD_MAX_BYTES"]
    data = upload.stream.read(limit + 1)
    if len(data) > limit:
        megabytes = "%g" % (limit / 2**20)
        raise ServiceError(_l("The file is larger than %(size)s MB.", size=megabytes), "file")
    if not data:
        raise ServiceError(_l("The file is empty."), "file")
    content_type = sniff(data[:16])
    if content_type is None:
        raise ServiceError(
            _l("Only PNG, JPEG, GIF and WebP images and PDF files can be attached."), "file"
        )
    kind, extension = TYPES[content_type]
    description = " ".join((description or "").split())[:200]
    attachment = Attachment(
        proposal_id=proposal.id, kind=kind, content_type=content_type, size=len(data),
        filename=_clean_filename(upload.filename, extension), description=description,
        stored_name=secrets.token_hex(16) + extension, uploaded_by_id=actor.id,
    )  # fmt: skip
    (upload_folder() / attachment.stored_name).write_bytes(data)
    db.session.add(attachment)
    db.session.flush()
    audit.record("proposal.attachment_added", attachment, actor=actor,
                 data={"proposal": proposal.id, "filename": attachment.filename,
                       "type": content_type, "size": len(data)})  # fmt: skip
    return attachment


def remove_attachment(actor, attachment):
    if not can_remove_attachment(actor, attachment):
        raise ServiceError(
            _l("Only the author can remove files, while the proposal can be edited.")
        )
    audit.record("proposal.attachment_removed", attachment, actor=actor,
                 data={"proposal": attachment.proposal_id, "filename": attachment.filename})  # fmt: skip
    delete_stored_file(attachment)
    db.session.delete(attachment)


def delete_stored_file(attachment):
    # Once the change commits: a refused account deletion or a failed request keeps it.
    remove_after_commit(stored_path(attachment))
