"""10,000 proposals with their translations, timelines and answers, for the benchmarks.

Written with bulk inserts (the services would spend minutes on audit entries that the pages
never read), on a database migrated to head: six in ten proposals are written in Chinese,
the rest in English; nearly every one has a translation into the other content language
(some verified, some outdated, some by a machine); each has a timeline; one in ten is
answered, with its answer translated.
"""

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "benchmark passphrase 2026"
CATEGORIES = [("Parking", "停车"), ("Environment", "环境"), ("Safety", "安全"),
              ("Community life", "社区活动"), ("Facilities", "设施维修")]  # fmt: skip
ZH_TOPICS = ["停车位", "路灯", "垃圾分类", "儿童游乐场", "电梯维修", "绿化", "噪音", "快递柜"]
EN_TOPICS = ["parking", "street lights", "rubbish sorting", "a playground", "lift repairs",
             "greenery", "noise", "parcel lockers"]  # fmt: skip
ZH_BODY = (
    "我们建议居委会尽快处理这个问题。\n\n- 先调查居民意见\n- 再制定方案\n- 最后公布结果\n\n" * 3
)
EN_BODY = "We ask the committee to look into this soon.\n\n- ask residents first\n- then draw up a plan\n- then publish the result\n\n" * 3  # fmt: skip


def build(app, count=10_000, seed=2026):
    """Fill the app's (migrated, empty) database; returns the ids of a few proposals."""
    from consult.accounts.services import create_user
    from consult.extensions import db
    from consult.multilingual.models import Translation
    from consult.proposals.models import Answer, Category, Proposal, StateChange

    rng = random.Random(seed)
    with app.app_context():
        committee = create_user("committee@example.org", "Committee", PASSWORD, role="committee")
        translator = create_user("translator@example.org", "Translator", PASSWORD, role="translator")  # fmt: skip
        authors = [create_user(f"author{n}@example.org", f"Author {n}", PASSWORD).id
                   for n in range(5)]  # fmt: skip
        db.session.execute(insert(Category), [
            {"names": {"en": en, "zh-Hans": zh, "zh-Hant": zh}, "position": n}
            for n, (en, zh) in enumerate(CATEGORIES)])  # fmt: skip
        categories = db.session.scalars(select(Category.id)).all()
        now = datetime.now(UTC)
        proposals, states = [], []
        for n in range(count):
            chinese = rng.random() < 0.6
            topic = rng.randrange(len(ZH_TOPICS))
            state = rng.choices(["open", "review", "answered", "closed", "withdrawn"],
                                [60, 15, 12, 8, 5])[0]  # fmt: skip
            published = now - timedelta(minutes=count - n)
            proposals.append({
                "id": n + 1,
                "title": f"{ZH_TOPICS[topic]}问题第{n}号" if chinese else f"About {EN_TOPICS[topic]}, number {n}",
                "summary": "请居委会关注。" if chinese else "Please look into it.",
                "body": ZH_BODY if chinese else EN_BODY,
                "language": "zh-Hans" if chinese else "en",
                "revision": 2 if n % 17 == 0 else 1,
                "state": state, "author_id": rng.choice(authors),
                "category_id": rng.choice(categories), "scope": "community",
                "closes_on": date.today() + timedelta(days=30),
                "published_at": published, "created_at": published, "updated_at": published,
                "supports_count": rng.randrange(200), "comments_count": 0,
            })  # fmt: skip
            states.append(state)
        db.session.execute(insert(Proposal), proposals)
        timeline = []
        for p in proposals:
            path = {"open": ["open"], "review": ["open", "review"],
                    "answered": ["open", "review", "answered"],
                    "closed": ["open", "review", "answered", "closed"],
                    "withdrawn": ["open", "withdrawn"]}[p["state"]]  # fmt: skip
            for step, state in enumerate(["draft", *path]):
                timeline.append({"proposal_id": p["id"], "state": state,
                                 "at": p["published_at"] + timedelta(seconds=step)})  # fmt: skip
        db.session.execute(insert(StateChange), timeline)
        translations, answers = [], []
        for p in proposals:
            if p["id"] % 23 == 0:
                continue  # waiting at the translation desk
            chinese = p["language"] == "zh-Hans"
            machine = p["id"] % 11 == 0
            translations.append({
                "content_type": "proposal", "content_id": p["id"],
                "language": "en" if chinese else "zh-Hans", "base_language": "en" if chinese else "zh",
                "texts": {"title": f"Translated title {p['id']}" if chinese else f"译文标题{p['id']}",
                          "summary": "Please look into it." if chinese else "请居委会关注。",
                          "body": EN_BODY if chinese else ZH_BODY},
                "method": "machine" if machine else "human", "from_machine_draft": False,
                "translator_id": None if machine else translator.id, "revision": 1,
                "verified_by_id": committee.id if p["id"] % 3 == 0 and not machine else None,
                "created_at": now, "updated_at": now,
            })  # fmt: skip
            if p["state"] in ("answered", "closed"):
                answers.append({"id": len(answers) + 1, "proposal_id": p["id"],
                                "outcome": rng.choice(["adopted", "adopted_in_part", "not_adopted"]),
                                "body": "居委会经讨论决定采纳。", "language": "zh-Hans", "revision": 1,
                                "prevailing_language": "zh-Hans", "author_id": committee.id,
                                "published_at": now, "created_at": now, "updated_at": now})  # fmt: skip
        db.session.execute(insert(Translation), translations)
        db.session.execute(insert(Answer), answers)
        db.session.execute(insert(Translation), [
            {"content_type": "proposal_answer", "content_id": a["id"], "language": "en",
             "base_language": "en", "texts": {"body": "The committee adopts it."},
             "method": "human", "from_machine_draft": False, "translator_id": translator.id,
             "revision": 1, "verified_by_id": committee.id, "created_at": now, "updated_at": now}
            for a in answers])  # fmt: skip
        db.session.commit()
        translated_zh = next(p["id"] for p in proposals if p["language"] == "zh-Hans"
                             and p["id"] % 23 and p["state"] == "answered")  # fmt: skip
        db.engine.dispose()
    return {"answered": translated_zh, "count": count, "translations": len(translations)}


def migrated_app(url):
    """An app on a new database at ``url``, migrated to head."""
    from flask_migrate import upgrade

    from consult import create_app

    app = create_app("development", overrides={"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade(directory=str(PROJECT_ROOT / "migrations"))
    return app
