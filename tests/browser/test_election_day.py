"""Election day in the browser: the committee (in Chinese) begins the count and enters a
station's count; the station's observer (in English, on a phone, no account) opens the
link in the e-mail and countersigns; the committee declares; the results and the printed
notice show who is elected and by which rule."""

import email
import email.policy
import re
import uuid
from datetime import time, timedelta

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _election_today(app, address, latin):
    """An election whose day is today, prepared through the services: one station, the
    director's seat, two candidates published, one observer approved."""
    from sqlalchemy import select

    from consult.accounts.models import User
    from consult.elections import clock
    from consult.elections.services import candidates, setup, signup, stations, voters
    from consult.elections.services.decisions import approve_assignment
    from consult.extensions import db
    from consult.residents.models import Resident

    with app.app_context():
        committee = db.session.scalars(select(User).filter_by(email="committee@example.org")).one()
        today, now = clock.today(), clock.now()
        tag = uuid.uuid4().hex[:4]
        election = setup.create_election(
            committee, today,
            {"zh": (f"春江社区补选 {tag}", "选举主任。"), "en": (f"By-election {tag}", "Electing the director.")},
            {"director": 1, "deputy": 0, "member": 0}, today=today - timedelta(days=30),
        )  # fmt: skip
        setup.update_rules(committee, election, {"list_foreign_residents": True})
        station = stations.save_station(committee, election, name=f"Hall {tag}", place="8 Chunjiang Road", opens=time(0, 0), closes=time(23, 59), mobile=False)  # fmt: skip
        shift = stations.save_shift(committee, station, day=today, start=time(0, 0), end=time(23, 59), observers=2, volunteers=0)  # fmt: skip
        setup.save_code_of_conduct(committee, election, {"zh": "保持中立。", "en": "Stay neutral."})
        voters.draw_voter_list(committee, election)
        voters.publish_voter_list(committee, election, at=now - timedelta(days=20))
        contest = election.contests[0]
        for name in ("王芳", "陈磊"):
            resident = db.session.scalars(select(Resident).filter_by(full_name=name)).one()
            candidates.add_candidate(committee, election, contest, resident, name=name, latin_name=resident.latin_name, nomination_votes=5, statements={"zh": "服务邻里。", "en": "Serving neighbours."})  # fmt: skip
        candidates.publish_candidates(committee, election)
        values = {"role": "observer", "full_name": latin, "latin_name": latin, "email": address, "accept_conduct": True}  # fmt: skip
        application = signup.sign_up(election, values, [shift.id], locale="en", now=now - timedelta(days=2))  # fmt: skip
        signup.confirm_application(application, now=now - timedelta(days=2))
        approve_assignment(committee, application.assignments[0])
        db.session.commit()
        return election.id, station.name, voters.voter_count(election)


def _mail_to(folder, address, subject):
    for path in sorted((folder / "outbox").glob("*.eml"), reverse=True):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if message["To"] == address and subject in message["Subject"]:
            return message
    raise AssertionError(f"no e-mail to {address} about {subject!r}")


def test_an_observer_countersigns_and_the_committee_declares(
    live_server, browser_page, sign_in_as, assert_accessible, save_screenshot
):
    base = live_server.url
    address = f"observer-{uuid.uuid4().hex[:6]}@example.org"
    latin = f"Lena Vogel {uuid.uuid4().hex[:4]}"
    election_id, station, voters = _election_today(live_server.app, address, latin)

    committee = browser_page(locale="zh-CN")
    sign_in_as(committee, "committee@example.org")
    committee.goto(f"{base}/elections/{election_id}/count")
    committee.get_by_role("button", name="开始计票").click()
    expect(committee.get_by_text("计票已开始")).to_be_visible()
    committee.get_by_role("link", name=re.compile("录入计票结果")).click()
    assert_accessible(committee, "count entry (zh_Hans)")
    signed = voters - 2
    committee.get_by_label("签名领票的选民人数", exact=True).fill(str(signed))
    committee.get_by_label("投出选票", exact=True).fill(str(signed))
    committee.get_by_label("王芳 的得票").fill(str(signed + 1))  # more than the ballots
    committee.get_by_label("陈磊 的得票").fill("1")
    committee.get_by_role("button", name="保存计票结果").click()
    expect(committee.get_by_text(f"票数多于 {signed} 张非空白的有效票。").first).to_be_visible()
    assert committee.get_by_label("陈磊 的得票").input_value() == "1"  # nothing typed is lost
    committee.get_by_label("王芳 的得票").fill(str(signed - 1))
    committee.get_by_role("button", name="保存计票结果").click()
    expect(committee.get_by_text(f"{station} 的计票结果已保存")).to_be_visible()
    save_screenshot(committee, "election-count-zh_Hans")

    message = _mail_to(live_server.folder, address, "please countersign it")
    link = re.search(r"http://\S+/elections/countersign/\S+", message.get_content()).group(0)
    observer = browser_page(locale="en-GB", width=375, height=740)
    observer.goto(link)
    expect(
        observer.get_by_role("heading", name="Countersign the count", exact=True)
    ).to_be_visible()
    expect(observer.get_by_text(f"王芳: {signed - 1} votes, against 0, abstain 0")).to_be_visible()
    assert_accessible(observer, "countersigning (en, phone)")
    observer.get_by_role("button", name="Countersign this count").click()
    expect(observer.get_by_text("Thank you: your countersignature is recorded.")).to_be_visible()
    save_screenshot(observer, "election-countersigned-en")

    committee.goto(f"{base}/elections/{election_id}/count")
    expect(committee.get_by_text("已签字确认：1")).to_be_visible()
    assert_accessible(committee, "the count (zh_Hans)")
    committee.get_by_role("button", name="公告选举结果").click()
    expect(committee.get_by_text("选举结果已公告。请打印公告并张贴。")).to_be_visible()
    expect(committee.get_by_text("当选：")).to_be_visible()
    expect(committee.get_by_text(f"王芳 以 {signed - 1} 票当选").first).to_be_visible()
    assert_accessible(committee, "declared results (zh_Hans)")
    save_screenshot(committee, "election-declared-zh_Hans")

    committee.get_by_role("link", name="张贴用公告（A4，全部社区发布语言）").click()
    expect(committee.get_by_text("Declaration of results")).to_be_visible()
    expect(committee.get_by_text(f"王芳 is elected with {signed - 1} votes").first).to_be_visible()
    committee.emulate_media(media="print")
    expect(committee.locator(".site-header")).to_be_hidden()
    save_screenshot(committee, "election-notice-print")
