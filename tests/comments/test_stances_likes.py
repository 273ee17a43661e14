"""Stances counted on the proposal page, likes once per resident (under concurrent requests
too), and the proposal's count of comments behind "most discussed"."""

import re
import threading
import urllib.error
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from consult import create_app
from consult.comments import likes, moderation, services
from consult.comments.models import Comment, CommentLike
from consult.core.services import ServiceError
from consult.extensions import db as _db
from tests.comments.conftest import page_text
from tests.conftest import PASSWORD, sign_in
from tests.databases import KINDS, fresh_database
from tests.proposals.test_supports import _opener

EN = {"Accept-Language": "en"}


def _stances(html):
    found = re.findall(r'stance-(for|against|neutral)">[^<]+</span> (\d+)</li>', html)
    return {stance: int(count) for stance, count in found}


def test_stances_are_shown_and_each_person_counts_once_by_their_latest(
    client, db, people, proposal, say, verified
):
    kim = verified("김민준")
    say(people.anna, proposal, "For it.", stance="for")
    say(people.wang, proposal, "反对。", "zh-Hans", stance="against")
    later = say(people.wang, proposal, "想了想，我中立。", "zh-Hans", stance="neutral")
    say(kim, proposal, "No stance, just a question.")
    say(kim, proposal, "Against.", stance="against")
    html = page_text(client.get(f"/proposals/{proposal.id}", headers=EN))
    assert _stances(html) == {"for": 1, "against": 1, "neutral": 1}
    assert '<span class="badge stance stance-against">against</span>' in html
    # A deleted comment's stance no longer counts: 王芳's earlier one does again.
    services.delete_comment(people.wang, later)
    db.session.commit()
    html = page_text(client.get(f"/proposals/{proposal.id}", headers=EN))
    assert _stances(html) == {"for": 1, "against": 2, "neutral": 0}
    zh = page_text(client.get(f"/proposals/{proposal.id}", headers={"Accept-Language": "zh-CN"}))
    assert "赞成" in zh and "反对" in zh and "中立" in zh


def test_the_proposal_counts_the_comments_readers_see_and_most_discussed_uses_it(
    client, db, people, write, say, verified
):
    quiet = write(people.wang, title="安静的提案")
    busy = write(people.wang, title="热闹的提案")
    first = say(people.anna, busy, "One")
    say(people.wang, busy, "二", "zh-Hans", parent=first)
    gone = say(people.anna, busy, "Three")
    say(people.anna, quiet, "Only one")
    services.delete_comment(people.anna, gone)
    db.session.commit()
    db.session.refresh(busy)
    assert (busy.comments_count, quiet.comments_count) == (2, 1)
    listing = page_text(client.get("/proposals?sort=discussed", headers=EN))
    assert listing.index("热闹的提案") < listing.index("安静的提案")
    assert "2 comments" in listing and "1 comment" in listing
    hidden = moderation.hide_comment(people.committee, first, "spam")
    db.session.commit()
    db.session.refresh(busy)
    assert busy.comments_count == 1 and hidden.status == "hidden"


def test_a_resident_likes_a_comment_once(client, db, people, proposal, say, verified):
    comment = say(people.wang, proposal, "夜间开放停车场。", "zh-Hans")
    sign_in(client, people.anna)
    page = page_text(client.get(f"/proposals/{proposal.id}"))
    assert f'action="/comments/{comment.id}/like"' in page and 'aria-pressed="false"' in page
    assert client.post(f"/comments/{comment.id}/like").status_code == 302
    again = client.post(f"/comments/{comment.id}/like", follow_redirects=True)
    assert "You already like this comment." in page_text(again)
    db.session.refresh(comment)
    assert comment.likes_count == 1
    page = page_text(client.get(f"/proposals/{proposal.id}"))
    assert "1 like" in page and f'action="/comments/{comment.id}/unlike"' in page
    assert 'aria-pressed="true"' in page
    assert client.post(f"/comments/{comment.id}/unlike").status_code == 302
    db.session.refresh(comment)
    assert comment.likes_count == 0


def test_nobody_likes_their_own_comment_and_only_those_who_may_comment_like(
    client, db, people, proposal, say
):
    comment = say(people.anna, proposal, "Mine")
    with pytest.raises(ServiceError):
        likes.like_comment(people.anna, comment)
    sign_in(client, people.anna)
    assert f"/comments/{comment.id}/like" not in page_text(client.get(f"/proposals/{proposal.id}"))
    for user in (people.kim, people.translator, people.committee):
        with pytest.raises(ServiceError):
            likes.like_comment(user, comment)
    assert db.session.scalar(select(func.count(CommentLike.id))) == 0


# Concurrent requests against a live server with its own database ---------------------


@pytest.fixture(params=KINDS)
def live(request, tmp_path):
    """A threaded live server on a fresh database: ten verified residents, a proposal and a
    comment by the first of them."""
    import threading as _threading

    from werkzeug.serving import make_server

    from consult.accounts.services import create_user
    from consult.proposals import services as proposals
    from consult.proposals.dates import community_today
    from consult.residents import importer
    from consult.residents.models import Resident
    from consult.residents.services import verify_resident
    from tests.residents.conftest import make_csv

    with fresh_database(request.param, tmp_path) as url:
        app = create_app("testing", overrides={"SQLALCHEMY_DATABASE_URI": url,
                                                "MAIL_OUTBOX": str(tmp_path / "outbox")})  # fmt: skip
        with app.app_context():
            _db.create_all()
            rows = [{"household_code": f"H-{n}", "building": "1", "grid": "G",
                     "full_name": f"Resident {n}"} for n in range(10)]  # fmt: skip
            importer.import_register(make_csv(rows))
            chair = create_user("chair@example.org", "Chair", PASSWORD, role="committee")
            users = []
            for n in range(10):
                user = create_user(f"r{n}@example.org", f"Resident {n}", PASSWORD)
                resident = _db.session.scalars(select(Resident).filter_by(full_name=f"Resident {n}")).one()  # fmt: skip
                verify_resident(chair, resident, user)
                users.append(user)
            proposal = proposals.create_proposal(chair, title="Bins", body="More bins.", language="en")  # fmt: skip
            proposals.publish_proposal(chair, proposal, community_today() + timedelta(days=9))
            comment = services.post_comment(users[0], proposal, "Yes, more bins.", "en")
            _db.session.commit()
            comment_id, emails = comment.id, [user.email for user in users[1:]]
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = _threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield app, f"http://127.0.0.1:{server.server_port}", emails, comment_id
        server.shutdown()
        thread.join(timeout=10)
        with app.app_context():
            _db.session.remove()
            _db.engine.dispose()


def _post_together(openers, url):
    barrier = threading.Barrier(len(openers))
    statuses = []

    def post(opener):
        barrier.wait()
        try:
            with opener.open(url, b"", timeout=60) as response:
                statuses.append(response.status)
        except urllib.error.HTTPError as error:
            statuses.append(error.code)

    threads = [threading.Thread(target=post, args=(opener,)) for opener in openers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def _likes(app, comment_id):
    with app.app_context():
        rows = _db.session.scalar(select(func.count(CommentLike.id)).filter_by(comment_id=comment_id))  # fmt: skip
        counter = _db.session.get(Comment, comment_id).likes_count
        _db.session.remove()
    return rows, counter


def test_concurrent_likes_by_different_residents_are_all_counted(live):
    app, base, emails, comment_id = live
    openers = [_opener(base, email) for email in emails]
    statuses = _post_together(openers, f"{base}/comments/{comment_id}/like")
    assert statuses == [302] * len(emails)
    assert _likes(app, comment_id) == (len(emails), len(emails))


def test_one_resident_liking_many_times_at_once_counts_once(live):
    app, base, emails, comment_id = live
    one = _opener(base, emails[0])
    statuses = _post_together([one] * 8, f"{base}/comments/{comment_id}/like")
    assert all(status == 302 for status in statuses), statuses  # never an error page
    assert _likes(app, comment_id) == (1, 1)
