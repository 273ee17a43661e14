"""The demo community's notice board: eight notices across categories, written,
translated and published through the real services (so the audit trail is as it would be):
one pinned, one asking for confirmation, one archived, one whose English is still
"translation coming"."""

from datetime import timedelta

from sqlalchemy import select

from consult.accounts.services import find_user_by_email
from consult.extensions import db
from consult.multilingual import services as translations
from consult.notices import clock, services
from consult.notices.models import Notice
from consult.residents.models import Building, Grid

COMMITTEE, TRANSLATOR = "committee@example.org", "translator@example.org"
CATEGORIES = [
    # slug, English, Simplified Chinese
    ("water-power", "Water and power", "水电"),
    ("safety", "Safety", "安全"),
    ("events", "Community events", "社区活动"),
    ("services", "Services and offices", "便民服务"),
    ("environment", "Environment", "环境卫生"),
]
WATER_TITLE = "停水通知"
# category slug, scope, language, title, body, translation (title, body) or None, options
NOTICES = [
    ("water-power", "community", "zh-Hans", WATER_TITLE,
     "因供水管道维修，**12月3日（周四）9:00—17:00** 全小区停水。\n\n请提前储水。如有困难，请联系居委会。",
     ("Water cut", "Because of repairs to the water main, **the whole community has no water on Thursday 3 December, 9:00–17:00**.\n\nPlease store water in advance. If this is difficult for you, contact the residents' committee."),
     {"pinned": True, "needs_confirmation": True}),
    ("safety", "community", "zh-Hans", "冬季消防安全提醒",
     "冬季用电用火增多，请勿在楼道堆放杂物，电动自行车不得进楼充电。",
     ("Fire safety in winter", "More heaters and cooking in winter: keep stairwells clear, and never charge an e-bike inside the building."),
     {}),
    ("events", "community", "en", "Language exchange corner: every Saturday",
     "From this Saturday, the community centre hosts a **language exchange** from 9:30 to 11:30. Chinese and international neighbours are welcome.",
     ("语言交流角：每周六", "从本周六起，社区中心每周六9:30—11:30举办**语言交流**活动，欢迎中外邻居参加。"),
     {}),
    ("services", "community", "zh-Hans", "社区服务中心元旦开放时间",
     "1月1日至1月3日社区服务中心暂停办公，1月4日恢复正常。紧急事务请拨打值班电话。",
     ("Service centre opening over New Year", "The community service centre is closed from 1 to 3 January and opens again on 4 January. For urgent matters call the duty phone."),
     {}),
    ("environment", "grid:春江第一网格", "zh-Hans", "第一网格绿化修剪",
     "本周三上午对第一网格的树木进行修剪，请勿将车辆停在树下。",
     ("Tree trimming in Chunjiang Grid 1", "On Wednesday morning the trees in Chunjiang Grid 1 are trimmed: please do not park under them."),
     {}),
    ("water-power", "building:文鼎苑8", "zh-Hans", "文鼎苑8幢电梯检修",
     "文鼎苑8幢电梯将于下周一进行年度检修，检修期间请走楼梯。",
     ("Lift inspection in Wendingyuan 8", "The lift of Wendingyuan 8 has its yearly inspection next Monday; please take the stairs meanwhile."),
     {}),
    ("events", "community", "zh-Hans", "国庆游园活动回顾",
     "感谢大家参加国庆游园活动！照片已贴在社区服务中心。",
     ("Looking back on the National Day fair", "Thank you for joining the National Day fair! The photos are up at the community service centre."),
     {"archived": True}),
    ("environment", "community", "zh-Hans", "垃圾分类新规",
     "从下月起，厨余垃圾每天7:00—9:00和18:00—20:00定时投放。",
     None,  # its English is still coming: a translator has been asked
     {}),
]  # fmt: skip


def _scope(value):
    kind, _, name = value.partition(":")
    if kind == "grid":
        return {"scope": "grid", "grid_id": db.session.scalars(select(Grid.id).filter_by(name=name)).one()}  # fmt: skip
    if kind == "building":
        return {"scope": "building", "building_id": db.session.scalars(select(Building.id).filter_by(name=name)).one()}  # fmt: skip
    return {"scope": "community"}


def seed_notices():
    """Yield a line per step, as other seed steps do."""
    if db.session.scalar(select(Notice.id).limit(1)) is not None:
        yield "exists: demo notices"
        return
    committee = find_user_by_email(COMMITTEE)
    translator = find_user_by_email(TRANSLATOR)
    if committee is None:
        yield "skipped: no committee account"
        return
    by_slug = {}
    for slug, en, zh in CATEGORIES:
        by_slug[slug] = services.create_category(committee, en, zh, slug=slug)
    now = clock.now()
    for index, (slug, scope, language, title, body, translated, options) in enumerate(NOTICES):
        notice = services.create_notice(
            committee, title=title, body=body, language=language,
            category_id=by_slug[slug].id, **_scope(scope),
            pinned=options.get("pinned"), needs_confirmation=options.get("needs_confirmation"),
        )  # fmt: skip
        other = "en" if language.startswith("zh") else "zh-Hans"
        if translated is not None and translator is not None:
            translations.save_translation(
                translator, notice, other, {"title": translated[0], "body": translated[1]}
            )
        else:
            services.ask_translation(committee, notice, other)
        # Older notices first, so the board's order reads naturally.
        services.publish_notice(committee, notice, mark_missing=translated is None)
        notice.publish_at = now - timedelta(days=len(NOTICES) - index, hours=1)
        if options.get("archived"):
            notice.publish_at = now - timedelta(days=60)
            notice.expires_at = now - timedelta(days=30)
        db.session.flush()
    db.session.commit()
    # The queue sends each notice (nobody follows any yet in the demo).
    yield f"{len(NOTICES)} notices, {len(CATEGORIES)} categories"
