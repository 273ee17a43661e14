"""Proposals on "My data", and what deleting an account does to them: drafts and follows go,
published proposals and supports stay, attributed to "a former resident"."""

from sqlalchemy import select

from consult.proposals import supports
from consult.proposals.models import Follow, Proposal, Support
from tests.data_rights.helpers import MyData, browser, delete_account
from tests.proposals.conftest import PARKING


def anna_writes(db, people, write):
    signs = write(people.anna, title="Bilingual signs at the gate", language="en",
                  summary="Signs in Chinese and English.", body="Please.")  # fmt: skip
    draft = write(people.anna, published=False, title="My unfinished idea", language="en")
    parking = write(people.wang)  # 王芳's parking proposal
    write(people.wang, published=False, title="王芳的草稿")
    supports.support_proposal(people.anna, parking)
    db.session.commit()
    return signs, draft, parking


def test_my_data_lists_my_proposals_supports_and_follows_and_nobody_elses(app, db, people, write):
    signs, draft, parking = anna_writes(db, people, write)
    mine = MyData(app, people.anna)
    assert "Proposals you wrote" in mine.page and "Proposals you support" in mine.page
    assert {row["title"] for row in mine.rows("proposals")} == {signs.title, draft.title}
    assert [row["id"] for row in mine.rows("proposal_supports")] == [parking.id]
    followed = {row["id"] for row in mine.rows("proposal_follows")}
    assert followed == {signs.id, draft.id, parking.id}  # authors and supporters follow
    assert "proposals.csv" in mine.files and "proposal_supports.csv" in mine.files
    assert "Bilingual signs at the gate" in mine.files["proposals.csv"]
    # Nothing of 王芳's but the title of the proposal Anna supports.
    assert not mine.holds("王芳的草稿") and not mine.holds("王芳")
    theirs = MyData(app, people.wang)
    assert {row["title"] for row in theirs.rows("proposals")} == {PARKING["title"], "王芳的草稿"}
    assert theirs.rows("proposal_supports") == []


def test_deleting_the_account_keeps_what_was_published_and_drops_drafts_and_follows(
    app, db, people, write
):
    signs, draft, parking = anna_writes(db, people, write)
    signs_id, draft_id, anna_id = signs.id, draft.id, people.anna.id
    response = delete_account(app, db, people.anna, people.committee)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    assert db.session.get(Proposal, draft_id) is None
    assert db.session.get(Proposal, signs_id).author_id == anna_id
    assert db.session.scalars(select(Follow).filter_by(user_id=anna_id)).first() is None
    # Her support stays: the consultation's count does not change after the fact.
    assert db.session.scalars(select(Support).filter_by(user_id=anna_id)).one()
    assert db.session.get(Proposal, parking.id).supports_count == 1
    page = browser(app, people.kim).get(f"/proposals/{signs_id}").get_data(as_text=True)
    assert "Bilingual signs at the gate" in page
    assert "a former resident" in page and "Anna Smith" not in page
