"""Comment tests reuse the proposals' small community (people, write, queries) and add:
more verified residents, a helper that writes comments, and one that makes long threads."""

from datetime import timedelta

import pytest
from sqlalchemy import insert, select

from consult.comments import services
from tests.proposals.conftest import page_text, people, queries, switch_to, write  # noqa: F401


@pytest.fixture
def verified(db, create_user, people):  # noqa: F811 (the imported fixture)
    """``verified(register_name, locale="en")``: an account linked to that register entry."""
    from consult.residents.models import Resident
    from consult.residents.services import verify_resident

    def make(register_name, locale="en", name=None):
        user = create_user(name=name or register_name, locale=locale)
        resident = db.session.scalars(select(Resident).filter_by(full_name=register_name)).one()
        verify_resident(people.committee, resident, user)
        db.session.commit()
        return user

    return make


@pytest.fixture
def proposal(people, write):  # noqa: F811 (the imported fixtures)
    """王芳's parking proposal, open for consultation."""
    return write(people.wang)


@pytest.fixture
def say(db):
    """``say(author, target, text, language="en", stance=None, parent=None)``: a comment."""

    def make(author, target, text, language="en", stance=None, parent=None):
        comment = services.post_comment(
            author, target, text, language, stance=stance, parent=parent
        )
        db.session.commit()
        return comment

    return make


def bulk_thread(db, proposal, authors, count, translated_every=3, translator=None):
    """``count`` comments on ``proposal`` written straight into the table (for size tests):
    threads of roots with replies nested up to six deep, in Chinese and English, every
    ``translated_every``-th one with an English or Chinese translation."""
    from consult.comments.models import Comment
    from consult.core.models import utcnow
    from consult.multilingual.models import HUMAN, new_translation

    now = utcnow()
    rows, parents = [], {}
    first = (db.session.scalar(select(Comment.id).order_by(Comment.id.desc())) or 0) + 1
    for n in range(count):
        number = first + n
        depth = n % 7  # a root, then six replies each deeper than the last
        parent = parents.get(depth - 1) if depth else None
        chinese = n % 2 == 0
        body = (
            f"第{n}条评论：停车位**不够**。" if chinese else f"Comment {n}: *not enough* parking."
        )
        rows.append({
            "id": number, "target_type": "proposal", "target_id": proposal.id,
            "parent_id": parent, "depth": depth if parent else 0,
            "author_id": authors[n % len(authors)].id, "body": body,
            "body_html": f"<p>{body}</p>", "translated_html": {},
            "language": "zh-Hans" if chinese else "en", "revision": 1,
            "stance": ("for", "against", "neutral")[n % 3] if not parent else None,
            "likes_count": n % 5, "status": "visible", "created_at": now + timedelta(seconds=n),
        })  # fmt: skip
        parents[depth] = number
    db.session.execute(insert(Comment), rows)
    if translator is not None:
        translations = [
            new_translation("comment", row["id"], "en" if row["language"] == "zh-Hans" else "zh-Hans",
                            texts={"body": f"translated {row['id']}"}, method=HUMAN,
                            translator_id=translator.id, revision=1)
            for row in rows[::translated_every]
        ]  # fmt: skip
        db.session.add_all(translations)
    db.session.commit()
    return [row["id"] for row in rows]
