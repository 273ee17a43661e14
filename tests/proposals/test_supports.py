"""Supports: verified residents, once each, counted right under concurrent requests; the
committee's threshold moves a proposal to review. Follows."""

import http.cookiejar
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from sqlalchemy import func, select
from werkzeug.serving import make_server

from consult import create_app
from consult.core.notifications.models import Notification
from consult.core.services import ServiceError
from consult.extensions import db as _db
from consult.proposals import categories, services, supports
from consult.proposals.models import ProposalState, StateCause, Support
from tests.conftest import PASSWORD, sign_in
from tests.databases import KINDS, fresh_database
from tests.proposals.conftest import page_text, switch_to


def test_a_verified_resident_supports_once(client, db, people, write):
    proposal = write(people.wang)
    sign_in(client, people.anna)
    assert client.post(f"/proposals/{proposal.id}/support").status_code == 302
    again = client.post(f"/proposals/{proposal.id}/support", follow_redirects=True)
    assert "You already support this proposal." in page_text(again)
    db.session.refresh(proposal)
    assert proposal.supports_count == 1
    assert db.session.scalar(select(func.count(Support.id))) == 1
    assert "1 support" in page_text(client.get(f"/proposals/{proposal.id}"))
    assert "Withdraw my support" in page_text(client.get(f"/proposals/{proposal.id}"))

    assert client.post(f"/proposals/{proposal.id}/unsupport").status_code == 302
    db.session.refresh(proposal)
    assert proposal.supports_count == 0


def test_only_verified_residents_support_and_only_while_open(client, db, people, write):
    proposal = write(people.wang)
    for user in (people.kim, people.translator, people.committee):
        switch_to(client, user)
        assert client.post(f"/proposals/{proposal.id}/support").status_code == 403
        with pytest.raises(ServiceError):
            supports.support_proposal(user, proposal)
    client.post("/account/sign-out")
    html = page_text(client.get(f"/proposals/{proposal.id}"))
    assert "登录后支持" in html  # the committee member's language stays in the cookie
    services.start_review(people.committee, proposal)
    db.session.commit()
    with pytest.raises(ServiceError):
        supports.support_proposal(people.anna, proposal)


def test_supporting_follows_and_the_threshold_moves_to_review(db, people, write, create_user):
    categories.update_settings(people.committee, 2, 30)
    proposal = write(people.wang)
    supports.support_proposal(people.anna, proposal)
    assert proposal.state == ProposalState.OPEN
    assert supports.follows(people.anna, proposal)
    supports.support_proposal(people.wang, proposal)
    db.session.commit()
    assert proposal.state == ProposalState.REVIEW
    last = proposal.timeline[-1]
    assert last.cause == StateCause.THRESHOLD and last.note == "2"
    told = db.session.scalars(select(Notification).filter_by(kind="proposals.state_changed"))
    assert {n.user_id for n in told} == {people.wang.id, people.anna.id}


def test_follow_and_unfollow(client, db, people, write):
    proposal = write(people.wang)
    sign_in(client, people.translator)
    client.post(f"/proposals/{proposal.id}/follow")
    assert supports.follows(people.translator, proposal)
    html = page_text(client.get(f"/proposals/{proposal.id}"))
    assert 'aria-pressed="true"' in html
    client.post(f"/proposals/{proposal.id}/unfollow")
    assert not supports.follows(people.translator, proposal)


# Concurrent requests against a live server with its own database ---------------------


@pytest.fixture(params=KINDS)
def live(request, tmp_path):
    """A threaded live server on a fresh database: ten verified residents and a proposal."""
    from consult.accounts.services import create_user
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
                     "full_name": f"Resident {n}", "email": f"r{n}@example.org"} for n in range(10)]  # fmt: skip
            importer.import_register(make_csv(rows))
            chair = create_user("chair@example.org", "Chair", PASSWORD, role="committee")
            users = []
            for n in range(10):
                user = create_user(f"r{n}@example.org", f"Resident {n}", PASSWORD)
                resident = _db.session.scalars(select(Resident).filter_by(full_name=f"Resident {n}")).one()  # fmt: skip
                verify_resident(chair, resident, user)
                users.append(user.email)
            _db.session.commit()
            proposal = services.create_proposal(
                chair, title="Bins", body="More bins.", language="en"
            )
            from datetime import timedelta

            from consult.proposals.dates import community_today

            services.publish_proposal(chair, proposal, community_today() + timedelta(days=9))
            _db.session.commit()
            proposal_id = proposal.id
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield app, f"http://127.0.0.1:{server.server_port}", users, proposal_id
        server.shutdown()
        thread.join(timeout=10)
        with app.app_context():
            _db.session.remove()
            _db.engine.dispose()


def _opener(base, email):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
    data = urllib.parse.urlencode({"email": email, "password": PASSWORD}).encode()
    try:
        opener.open(base + "/account/sign-in", data, timeout=30)
    except urllib.error.HTTPError as answer:  # 302: signed in
        assert answer.code == 302
    assert any(cookie.name == "session" for cookie in jar)
    return opener


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _post_together(openers, url):
    """POST ``url`` with every opener at the same moment; the status codes."""
    barrier = threading.Barrier(len(openers))
    statuses = []

    def post(opener):
        barrier.wait()
        try:
            with opener.open(url, b"", timeout=60) as response:
                statuses.append(response.status)
        except urllib.error.HTTPError as error:
            statuses.append(error.code)

    threads = [threading.Thread(target=post, args=(o,)) for o in openers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses


def _counts(app, proposal_id):
    from consult.proposals.models import Proposal

    with app.app_context():
        rows = _db.session.scalar(select(func.count(Support.id)).filter_by(proposal_id=proposal_id))
        counter = _db.session.get(Proposal, proposal_id).supports_count
        _db.session.remove()
    return rows, counter


def test_concurrent_supports_by_different_residents_are_all_counted(live):
    app, base, users, proposal_id = live
    openers = [_opener(base, email) for email in users]
    statuses = _post_together(openers, f"{base}/proposals/{proposal_id}/support")
    assert statuses == [302] * len(users)
    assert _counts(app, proposal_id) == (len(users), len(users))


def test_one_resident_supporting_many_times_at_once_counts_once(live):
    app, base, users, proposal_id = live
    one = _opener(base, users[0])
    statuses = _post_together([one] * 8, f"{base}/proposals/{proposal_id}/support")
    assert all(status == 302 for status in statuses), statuses  # no error page, ever
    assert _counts(app, proposal_id) == (1, 1)
