"""Short invitation codes that a person can type: ``K7QM-4TZP``.

Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L, nor U), about 39
bits: with the entry page rate-limited, guessing one of even thousands of live codes is
hopeless. A code is derived from the invitation's random ``code_nonce`` with the secret key
(HMAC), so the letter can be printed again; only a keyed digest of it is stored, to look it
up, so a copy of the database alone reveals no code. Changing SECRET_KEY retires every
printed code, as it does every QR link.
"""

import hashlib
import hmac
import secrets
import unicodedata

from flask import current_app

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
GROUP = 4


def _key(purpose):
    secret = current_app.config["SECRET_KEY"]
    secret = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(secret, purpose.encode(), hashlib.sha256).digest()


def new_nonce():
    return secrets.token_hex(16)


def code_for(nonce):
    """The short code of an invitation with ``nonce``, grouped for reading: ``K7QM-4TZP``."""
    number = int.from_bytes(hmac.new(_key("invitation-code"), nonce.encode(), "sha256").digest())
    chars = []
    for _ in range(LENGTH):
        number, index = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[index])
    code = "".join(chars)
    return "-".join(code[i : i + GROUP] for i in range(0, LENGTH, GROUP))


def normalize(text):
    """What a person typed, as a bare code (``k7qm 4tzp``, full-width ``Ｋ７ＱＭ－４ＴＺＰ``
    → ``K7QM4TZP``), or None when it cannot be one."""
    text = unicodedata.normalize("NFKC", text or "").upper()
    code = "".join(char for char in text if char.isalnum())
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code


def digest(code):
    """The stored, keyed digest of a code (typed or printed, grouped or not)."""
    bare = normalize(code)
    if bare is None:
        return None
    return hmac.new(_key("invitation-code-lookup"), bare.encode(), "sha256").hexdigest()
