"""Receipt codes: random, easy to read aloud and to type (no I, L, O or U)."""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
GROUPS, GROUP_LENGTH = 3, 4  # 60 random bits: 7KQM-4TZP-X2B9
LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def new_receipt():
    groups = ("".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH)) for _ in range(GROUPS))
    return "-".join(groups)


def normalise_receipt(text):
    """A typed code as stored (case, spaces, dashes and look-alikes forgiven), or None."""
    letters = "".join(ch for ch in (text or "").upper() if ch.isalnum()).translate(LOOK_ALIKES)
    if len(letters) != GROUPS * GROUP_LENGTH or any(ch not in ALPHABET for ch in letters):
        return None
    return "-".join(letters[i : i + GROUP_LENGTH] for i in range(0, len(letters), GROUP_LENGTH))
