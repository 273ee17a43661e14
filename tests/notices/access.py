"""Who may use each notice route (for tests/core/test_route_walker.py)."""

from sqlalchemy import select

from tests.access import ANYONE, COMMITTEE_ONLY, LOGIN, SIGNED_IN

# The demo resident of the walk is Anna Smith, who lives in 春江第一网格 and is reached by
# the community-wide water-cut notice that asks for confirmation.
RESIDENT_IN_SCOPE = {None: LOGIN, "resident": 200, "translator": 403, "committee": 403}

ACCESS = {
    "notices.board": ANYONE,
    "notices.archive": ANYONE,
    "notices.notice": ANYONE,
    "notices.print_notice": ANYONE,
    "notices.confirm": RESIDENT_IN_SCOPE,
    "notices.feed": ANYONE,
    "notices.category_feed": ANYONE,
    "notices.subscriptions": SIGNED_IN,
    "notices.manage": COMMITTEE_ONLY,
    "notices.new_notice": COMMITTEE_ONLY,
    "notices.edit_notice": COMMITTEE_ONLY,
    "notices.publish": COMMITTEE_ONLY,
    "notices.ask_translation": COMMITTEE_ONLY,
    "notices.archive_notice": COMMITTEE_ONLY,
    "notices.delete_notice": COMMITTEE_ONLY,
    "notices.confirmations": COMMITTEE_ONLY,
    "notices.remind": COMMITTEE_ONLY,
    "notices.categories_page": COMMITTEE_ONLY,
    "notices.edit_category": COMMITTEE_ONLY,
    "notices.delete_category": COMMITTEE_ONLY,
    "api.notices_notices": ANYONE,
    "api.notices_notice": ANYONE,
}


def url_values(db):
    """Demo notices for each route, and a draft and a category made for the walk."""
    from consult.accounts.services import find_user_by_email
    from consult.notices import services
    from consult.notices.demo import WATER_TITLE
    from consult.notices.models import Notice

    committee = find_user_by_email("committee@example.org")
    water = db.session.scalars(select(Notice).filter_by(title=WATER_TITLE)).one()
    spare = services.create_category(committee, "Walk", "巡查", slug="walk")
    drafts = [
        services.create_notice(
            committee, title=f"Draft {n}", body="A draft.", language="en", category_id=spare.id
        )  # fmt: skip
        for n in (1, 2)
    ]
    unused = services.create_category(committee, "Unused", "未用", slug="unused")
    db.session.commit()
    return {
        "notice_id": water.id,
        "notices.delete_notice:notice_id": drafts[1].id,
        "notices.publish:notice_id": drafts[0].id,
        "notices.ask_translation:notice_id": drafts[0].id,
        "notices.ask_translation:language": "zh-Hans",
        "notices.feed:lang": "en",
        "notices.category_feed:lang": "zh-Hant",
        "notices.category_feed:slug": "water-power",
        "notices.edit_category:category_id": spare.id,
        "notices.delete_category:category_id": unused.id,
    }
