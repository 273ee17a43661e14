"""Candidates: more candidates than seats (差额), profiles in every content language,
published in order of nomination votes, written withdrawals by D-3, photos."""

import io
from datetime import date

import pytest
from PIL import Image

from consult.core.services import ServiceError
from consult.elections.services import candidates
from tests.conftest import sign_in
from tests.elections.conftest import add_candidates

FULL = {"director": [("王芳", 5), ("陈磊", 9)], "member": [("周敏", 4), ("刘洋", 2), ("孙丽", 7)]}


def test_publication_needs_more_candidates_than_seats(listed_election, committee_user, register):
    election = listed_election()
    add_candidates(committee_user, election, register, {"director": [("王芳", 5)], "member": [("周敏", 4), ("刘洋", 2)]})  # fmt: skip
    with pytest.raises(ServiceError) as error:
        candidates.publish_candidates(committee_user, election)
    messages = " ".join(str(m) for m in error.value.messages)
    assert "Director" in messages and "Member" in messages and "差额" in messages
    add_candidates(committee_user, election, register, {"director": [("陈磊", 1)], "member": [("孙丽", 1)]})  # fmt: skip
    candidates.publish_candidates(committee_user, election)


def test_the_rule_set_can_allow_as_many_candidates_as_seats(listed_election, committee_user, register):  # fmt: skip
    election = listed_election(competitive=False)
    add_candidates(committee_user, election, register, {"director": [("王芳", 5)], "member": [("周敏", 4), ("刘洋", 2)]})  # fmt: skip
    candidates.publish_candidates(committee_user, election)


def test_a_candidate_is_a_listed_voter_with_a_statement_in_every_content_language(listed_election, committee_user, register):  # fmt: skip
    election = listed_election()
    contest = election.contests[0]
    with pytest.raises(ServiceError) as error:
        candidates.add_candidate(committee_user, election, contest, register["Anna Smith"], name="Anna Smith", latin_name="Anna Smith", nomination_votes=3, statements={"zh": "你好", "en": ""})  # fmt: skip
    fields = {p.field for p in error.value.problems}
    assert fields == {"resident", "statement_en"}  # not on the list (not a citizen); no English


def test_published_in_order_of_nomination_votes_and_only_then_public(client, listed_election, committee_user, register):  # fmt: skip
    election = listed_election()
    add_candidates(committee_user, election, register, FULL)
    assert candidates.published_candidates(election) == []
    body = client.get(f"/api/v1/elections/{election.id}").get_json()
    assert all(contest["candidates"] == [] for contest in body["contests"])
    candidates.publish_candidates(committee_user, election)
    names = [c.name for c in candidates.published_candidates(election)]
    assert names == ["陈磊", "王芳", "孙丽", "周敏", "刘洋"]
    body = client.get(f"/api/v1/elections/{election.id}").get_json()
    members = next(c for c in body["contests"] if c["kind"] == "member")
    assert [c["latin_name"] for c in members["candidates"]] == ["Sun Li", "Zhou Min", "Liu Yang"]
    assert members["candidates"][0]["statement"] == {"zh": "孙丽的陈述", "en": "Statement of Sun Li"}  # fmt: skip


def test_a_written_withdrawal_by_three_days_before(listed_election, committee_user, register):
    election = listed_election()
    made = add_candidates(committee_user, election, register, FULL)
    with pytest.raises(ServiceError):
        candidates.withdraw_candidate(committee_user, made[0], date(2030, 6, 13), None, today=date(2030, 6, 13))  # fmt: skip
    with pytest.raises(ServiceError) as error:
        candidates.withdraw_candidate(committee_user, made[0], None, None, today=date(2030, 6, 12))
    assert error.value.problems[0].field == "signed_on"
    candidates.withdraw_candidate(committee_user, made[0], date(2030, 6, 11), "By letter.", today=date(2030, 6, 12))  # fmt: skip
    assert made[0].withdrawn
    assert made[0].contest in candidates.not_competitive(election)


def _image(kind="PNG", size=(300, 300)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 120, 90)).save(buffer, kind)
    return buffer.getvalue()


def test_photos_are_checked_and_served_with_safe_headers(client, listed_election, committee_user, register, app, tmp_path, db):  # fmt: skip
    from consult.elections.photos import set_candidate_photo

    app.config["UPLOAD_DIR"] = str(tmp_path)
    election = listed_election()
    candidate = add_candidates(committee_user, election, register, FULL)[0]
    for bad in (b"GIF89a not really", _image("GIF"), _image(size=(40, 40)), b"x" * (4 * 2**20)):
        with pytest.raises(ServiceError) as error:
            set_candidate_photo(committee_user, candidate, bad)
        assert error.value.problems[0].field == "photo"
    set_candidate_photo(committee_user, candidate, _image("PNG", (1600, 1200)))
    db.session.commit()
    stored = tmp_path / "elections" / candidate.photo
    with Image.open(stored) as saved:
        assert saved.format == "JPEG" and max(saved.size) == 800  # re-encoded, shrunk
    path = f"/elections/photos/{candidate.photo}"
    assert client.get(path).status_code == 404  # not published yet
    candidates.publish_candidates(committee_user, election)
    db.session.commit()
    with client.get(path) as response:
        assert response.status_code == 200 and response.mimetype == "image/jpeg"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response.headers["Content-Security-Policy"]
    assert client.get("/elections/photos/..%2Fsecret_key").status_code == 404


def test_the_committee_uploads_a_photo_on_the_page(client, listed_election, committee_user, register, app, tmp_path):  # fmt: skip
    app.config["UPLOAD_DIR"] = str(tmp_path)
    election = listed_election()
    candidate = add_candidates(committee_user, election, register, FULL)[0]
    sign_in(client, committee_user)
    response = client.post(
        f"/elections/candidates/{candidate.id}/photo",
        data={"photo": (io.BytesIO(b"%PDF-1.4"), "cv.pdf")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert "JPEG, PNG or WebP" in response.get_data(as_text=True)
    response = client.post(
        f"/elections/candidates/{candidate.id}/photo",
        data={"photo": (io.BytesIO(_image("JPEG")), "me.jpg")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
