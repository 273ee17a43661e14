"""@mentions: ``@王芳`` or ``@Anna Smith`` in a comment names someone by their display name.

Names may hold spaces and Chinese is written without them, so after each ``@`` every
beginning of the following text that could be a name (up to four words, or up to twelve
characters of a word) is looked up in one query; the longest name found wins. A name that
several accounts share names nobody, unless exactly one of them already takes part in the
discussion (wrote the thing or a comment in it). Mentions inside code are ignored.
"""

import re

from sqlalchemy import select

from consult.extensions import db

MAX_MENTIONS = 10
MAX_WORDS = 4
MAX_CHARS = 12
NAME_LENGTH = 80
# "@" not inside an e-mail address (a Chinese character may come right before it).
_AT = re.compile(r"(?<![A-Za-z0-9_.+\-@])@(?=\w)")
_CODE = re.compile(r"`[^`]*`|```.*?```", re.DOTALL)
_STOP = re.compile(r"[\s,，。.!！?？:：;；、()（）\[\]【】\"'“”‘’<>《》]")


def _candidates(text):
    """Every beginning of ``text`` that could be a display name, longest first."""
    words = text[: NAME_LENGTH + 1].split()
    found = set()
    for count in range(1, min(MAX_WORDS, len(words)) + 1):
        phrase = " ".join(words[:count])
        found.add(phrase.rstrip(".,!?;:，。！？；：、"))
    first = words[0] if words else ""
    # A Chinese name runs straight into the next words ("@王芳说得对"): try each length.
    head = _STOP.split(first, maxsplit=1)[0]
    for length in range(1, min(MAX_CHARS, len(head)) + 1):
        found.add(head[:length])
    return sorted((c for c in found if c), key=len, reverse=True)


def mention_starts(text):
    """The text following each ``@`` that could start a mention (code spans left out)."""
    plain = _CODE.sub(" ", text or "")
    return [plain[match.end() :] for match in _AT.finditer(plain)]


def mentioned_users(text, participants=()):
    """The active accounts ``text`` mentions (at most MAX_MENTIONS), in order of mention.

    ``participants`` are ids of people already in the discussion: they win when several
    accounts share a mentioned name.
    """
    from consult.accounts.models import User

    starts = mention_starts(text)[: MAX_MENTIONS * 2]
    if not starts:
        return []
    per_start = [_candidates(start) for start in starts]
    names = {name for candidates in per_start for name in candidates}
    rows = db.session.execute(
        select(User.id, User.display_name).where(User.display_name.in_(names), User.active)
    ).all()
    by_name = {}
    for user_id, name in rows:
        by_name.setdefault(name, []).append(user_id)
    chosen = []
    for candidates in per_start:
        for name in candidates:
            ids = by_name.get(name)
            if not ids:
                continue
            known = [i for i in ids if i in participants] if len(ids) > 1 else ids
            if len(known) == 1 and known[0] not in chosen:
                chosen.append(known[0])
            break
        if len(chosen) >= MAX_MENTIONS:
            break
    if not chosen:
        return []
    users = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(chosen)))}
    return [users[i] for i in chosen if i in users]
