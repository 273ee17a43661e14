"""Candidates' photos: checked (size, type, dimensions), re-encoded (which drops EXIF data
such as where a photo was taken) and kept under UPLOAD_DIR/elections/.

Only JPEG, PNG and WebP pictures are taken, at most MAX_BYTES; Pillow must be able to read
them. Every photo is saved as a JPEG at most MAX_SIDE pixels on its longer side, under a
random name, so a file name never comes from the uploader.
"""

import io
import re
import secrets
from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _l
from PIL import Image, UnidentifiedImageError

from consult.core import audit
from consult.core.files import remove_after_commit
from consult.core.services import ServiceError
from consult.elections.services.common import ensure_committee
from consult.extensions import db

MAX_BYTES = 3 * 1024 * 1024
MAX_SIDE = 800
MIN_SIDE = 100
MAX_PIXELS = 40_000_000  # a "decompression bomb" is refused before it is decoded
FORMATS = {"JPEG", "PNG", "WEBP"}
NAME = re.compile(r"^cand-[0-9a-f]{32}\.jpg$")

audit.describe("election.candidate_photo", _l("Candidate photo changed"))


def photo_folder():
    folder = Path(current_app.config["UPLOAD_DIR"]) / "elections"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def photo_path(name):
    """The file of a stored photo name, or None for a name we never made."""
    if not name or not NAME.match(name):
        return None
    return photo_folder() / name


def checked_image(data):
    """The picture in ``data``, or ServiceError saying why it is refused."""
    if not data:
        raise ServiceError(_l("Choose a photo to upload."), "photo")
    if len(data) > MAX_BYTES:
        raise ServiceError(_l("The photo is larger than %(size)d MB.", size=MAX_BYTES // 2**20), "photo")  # fmt: skip
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind, (width, height) = probe.format, probe.size
            if kind not in FORMATS or width * height > MAX_PIXELS:
                raise ServiceError(_l("Upload a JPEG, PNG or WebP picture."), "photo")
            probe.verify()
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ServiceError(_l("Upload a JPEG, PNG or WebP picture."), "photo") from None
    if min(width, height) < MIN_SIDE:
        raise ServiceError(_l("The photo is too small: at least %(side)d pixels on each side.", side=MIN_SIDE), "photo")  # fmt: skip
    return image


def set_candidate_photo(actor, candidate, data):
    ensure_committee(actor)
    image = checked_image(data).convert("RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    name = f"cand-{secrets.token_hex(16)}.jpg"
    image.save(photo_folder() / name, "JPEG", quality=85)
    old = candidate.photo
    candidate.photo = name
    db.session.flush()
    if old and (path := photo_path(old)) is not None:
        # The old file goes only once this change commits; a rollback keeps it.
        remove_after_commit(path)
    audit.record("election.candidate_photo", candidate, actor=actor, changes={"photo": (old, name)})  # fmt: skip
    return candidate
