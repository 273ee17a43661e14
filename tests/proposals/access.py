"""Who may use each proposal route (for tests/core/test_route_walker.py)."""

import io

from sqlalchemy import select

from tests.access import ANYONE, COMMITTEE_ONLY, LOGIN, SIGNED_IN

# The demo resident of the walk is Anna Smith, a verified resident and an author.
AUTHOR_ONLY = {None: LOGIN, "resident": 200, "translator": 403, "committee": 403}
VERIFIED_AND_COMMITTEE = {None: LOGIN, "resident": 200, "translator": 403, "committee": 200}

ACCESS = {
    "proposals.index": ANYONE,
    "proposals.proposal": ANYONE,
    "proposals.new_proposal": VERIFIED_AND_COMMITTEE,
    "proposals.edit_proposal": AUTHOR_ONLY,
    "proposals.publish_proposal": AUTHOR_ONLY,
    "proposals.delete_proposal": AUTHOR_ONLY,
    "proposals.withdraw_proposal": AUTHOR_ONLY,
    "proposals.add_attachment": AUTHOR_ONLY,
    "proposals.remove_attachment": AUTHOR_ONLY,
    "proposals.attachment": ANYONE,
    # Only verified residents support: the demo translator and committee member are not.
    "proposals.support": AUTHOR_ONLY,
    "proposals.unsupport": AUTHOR_ONLY,
    "proposals.follow": SIGNED_IN,
    "proposals.unfollow": SIGNED_IN,
    "proposals.start_review": COMMITTEE_ONLY,
    "proposals.answer": COMMITTEE_ONLY,
    "proposals.publish_answer": COMMITTEE_ONLY,
    "proposals.close": COMMITTEE_ONLY,
    "proposals.categories_page": COMMITTEE_ONLY,
    "proposals.edit_category": COMMITTEE_ONLY,
    "proposals.delete_category": COMMITTEE_ONLY,
    "proposals.settings": COMMITTEE_ONLY,
    "api.proposals_proposals": ANYONE,
    "api.proposals_proposal": ANYONE,
}

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def demo_proposal(db, title):
    from consult.proposals.models import Proposal

    return db.session.scalars(select(Proposal).filter_by(title=title)).one()


def url_values(db):
    """Demo proposals for each route, and drafts and files of Anna's made for the walk."""
    from werkzeug.datastructures import FileStorage

    from consult.accounts.services import find_user_by_email
    from consult.proposals import attachments, services
    from consult.proposals.models import Category

    anna = find_user_by_email("anna.smith@example.org")
    parking = demo_proposal(db, "小区停车位不足怎么办")
    signs = demo_proposal(db, "Bilingual signs at the community service centre")
    drafts = [
        services.create_proposal(anna, title=f"Draft {n}", body="A draft.", language="en")
        for n in (1, 2)
    ]
    files = [
        attachments.add_attachment(anna, signs, FileStorage(io.BytesIO(PNG), f"photo{n}.png"))
        for n in (1, 2)
    ]
    db.session.commit()
    return {
        "proposal_id": parking.id,
        "proposals.edit_proposal:proposal_id": signs.id,
        "proposals.withdraw_proposal:proposal_id": signs.id,
        "proposals.add_attachment:proposal_id": signs.id,
        "proposals.publish_proposal:proposal_id": drafts[0].id,
        "proposals.delete_proposal:proposal_id": drafts[1].id,
        "proposals.start_review:proposal_id": demo_proposal(db, "增加儿童游乐设施").id,
        "proposals.answer:proposal_id": demo_proposal(db, "垃圾分类指引需要英文版").id,
        "proposals.publish_answer:proposal_id": demo_proposal(db, "垃圾分类指引需要英文版").id,
        "proposals.close:proposal_id": demo_proposal(db, "A weekend language exchange corner").id,
        "attachment_id": files[0].id,
        "proposals.remove_attachment:attachment_id": files[1].id,
        "category_id": db.session.scalars(select(Category.id)).first(),
    }
