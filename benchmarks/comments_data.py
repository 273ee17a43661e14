"""A long discussion for the comment benchmarks: a proposal with thousands of comments in
nested threads, in Chinese and English, a third of them translated, and a smaller one.

The proposals and the residents are made through the services; the comments are written
with bulk inserts (the services would spend minutes on audit entries the pages never read),
with their Markdown rendered as the services render it.
"""

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select

PASSWORD = "benchmark passphrase 2026"
ZH = ["晚上七点以后几乎找不到车位，**外来车辆**太多了。", "我支持在北门旁边建临时停车场。",
      "孩子们需要踢球的地方，不要占用空地。", "可以和写字楼错峰共享停车位：\n\n- 晚上开放\n- 早上八点前离开",
      "费用怎么算？每月100元可以接受。"]  # fmt: skip
EN = ["After 7 pm there is hardly a *free* space.", "I support a temporary car park by the north gate.",
      "Children need somewhere to play football.", "Share the office car park at night:\n\n- open from 7 pm\n- leave before 8 am",
      "See https://example.org/parking for how other compounds did it."]  # fmt: skip


def residents(app, count):
    """A committee member, a translator and ``count`` verified residents (emails)."""
    from consult.accounts.services import create_user
    from consult.extensions import db
    from consult.residents import importer
    from consult.residents.csvformat import COLUMNS, export_csv
    from consult.residents.models import Resident
    from consult.residents.services import verify_resident

    with app.app_context():
        committee = create_user("committee@example.org", "Committee", PASSWORD, role="committee")
        create_user("translator@example.org", "Translator", PASSWORD, role="translator")
        rows = []
        for n in range(count):
            values = dict.fromkeys(COLUMNS, "")
            values.update(household_code=f"H-{n}", building="1", grid="G",
                          full_name=f"Resident {n}")  # fmt: skip
            rows.append(tuple(values[column] for column in COLUMNS))
        importer.import_register(export_csv(rows))
        emails = []
        for n in range(count):
            user = create_user(
                f"r{n}@example.org", f"居民{n}" if n % 2 else f"Resident {n}", PASSWORD
            )
            resident = db.session.scalars(select(Resident).filter_by(full_name=f"Resident {n}")).one()  # fmt: skip
            verify_resident(committee, resident, user)
            emails.append(user.email)
        db.session.commit()
    return emails


def open_proposal(app, title):
    from consult.accounts.services import find_user_by_email
    from consult.extensions import db
    from consult.proposals import services
    from consult.proposals.dates import community_today

    with app.app_context():
        author = find_user_by_email("r0@example.org")
        proposal = services.create_proposal(
            author,
            title=title,
            summary="晚上找不到车位。",
            body="最近车越来越多。",
            language="zh-Hans",
        )
        services.publish_proposal(author, proposal, community_today() + timedelta(days=30))
        db.session.commit()
        return proposal.id


def discussion(app, proposal_id, count, seed=2026):
    """``count`` comments on the proposal: threads whose replies nest up to six deep, half in
    Chinese and half in English, a third translated (some verified), stances and likes."""
    from consult.comments.content import digest
    from consult.comments.models import Comment
    from consult.extensions import db
    from consult.multilingual.models import HUMAN, Translation
    from consult.text.markdown import render_markdown

    rng = random.Random(seed)
    with app.app_context():
        from consult.accounts.models import User

        authors = db.session.scalars(select(User.id).where(User.email.like("r%@example.org"))).all()
        translator = db.session.scalar(select(User.id).filter_by(email="translator@example.org"))
        first = (db.session.scalar(select(Comment.id).order_by(Comment.id.desc())) or 0) + 1
        now = datetime.now(UTC) - timedelta(days=3)
        comments, translations, open_threads = [], [], []
        for n in range(count):
            number = first + n
            parent = rng.choice(open_threads) if open_threads and rng.random() < 0.75 else None
            depth = parent[1] + 1 if parent else 0
            chinese = rng.random() < 0.5
            body = rng.choice(ZH if chinese else EN) + f" ({n})"
            other = rng.choice(EN if chinese else ZH) + f" ({n})"
            translated = rng.random() < 0.33
            language, target = ("zh-Hans", "en") if chinese else ("en", "zh-Hans")
            comments.append({
                "id": number, "target_type": "proposal", "target_id": proposal_id,
                "parent_id": parent[0] if parent else None, "depth": depth,
                "author_id": rng.choice(authors), "body": body,
                "body_html": render_markdown(body), "language": language, "revision": 1,
                "translated_html": ({target[:2]: {"digest": digest(other), "html": render_markdown(other)}}
                                    if translated else {}),
                "stance": rng.choice(["for", "against", "neutral", None]) if not parent else None,
                "likes_count": rng.randrange(6), "status": "visible",
                "created_at": now + timedelta(seconds=20 * n),
            })  # fmt: skip
            if translated:
                translations.append({
                    "content_type": "comment", "content_id": number, "language": target,
                    "base_language": target[:2], "texts": {"body": other}, "method": HUMAN.value,
                    "from_machine_draft": False, "translator_id": translator, "revision": 1,
                    "verified_by_id": translator if rng.random() < 0.5 else None,
                    "created_at": now, "updated_at": now,
                })  # fmt: skip
            open_threads.append((number, depth))
            if depth >= 6 or len(open_threads) > 40:
                open_threads.pop(0)
        db.session.execute(insert(Comment), comments)
        if translations:
            db.session.execute(insert(Translation), translations)
        db.session.execute(
            db.text("UPDATE proposals SET comments_count = :count WHERE id = :id"),
            {"count": count, "id": proposal_id},
        )
        db.session.commit()
        return {"comments": count, "translations": len(translations),
                "deepest": max(c["depth"] for c in comments)}  # fmt: skip
