"""A signed-in person sees everything Consult holds about them, downloads it as one ZIP,
and finds nobody else's data in it."""

import io
import json
import zipfile

from tests.data_rights.conftest import resident


def download(client):
    response = client.get("/account/my-data.zip")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/zip"
    assert response.headers["Cache-Control"] == "no-store"
    return zipfile.ZipFile(io.BytesIO(response.data))


def everything_in(archive):
    return "\n".join(archive.read(name).decode("utf-8-sig") for name in archive.namelist())


def test_the_page_shows_the_account_register_entry_history_messages_and_audit(db, people, as_user):
    _committee, wang, _anna = people
    html = as_user(wang).get("/account/my-data").get_data(as_text=True)
    for expected in (
        "wang.fang@example.org",  # account
        "王芳",  # register entry, every field
        "13800000001",
        "A-101",  # household
        "ID card seen: W-1234",  # verification history, and the audit trail's value
        "您已成为春江社区的已认证居民",  # a message (Wang reads Simplified Chinese)
    ):
        assert expected in html, expected
    # Another resident's data, even one living in the same household, is not there.
    for absent in ("Anna", "P-98765", "13900000002", "陈小雨"):
        assert absent not in html, absent


def test_the_download_holds_their_data_and_nobody_elses(db, people, as_user):
    _committee, wang, _anna = people
    archive = download(as_user(wang))
    names = set(archive.namelist())
    assert {"README.txt", "data.json", "account.csv", "register_entry.csv"} <= names
    assert {"verification_history.csv", "messages.csv", "audit_trail.csv"} <= names
    data = json.loads(archive.read("data.json"))
    assert data["account_id"] == wang.id
    entry = data["tables"]["register_entry"]["rows"][0]
    assert entry["full_name"] == "王芳" and entry["birth_date"] == "1982-05-17"
    assert entry["phone"] == "13800000001" and entry["household_code"] == "A-101"
    assert data["tables"]["account"]["rows"][0]["email"] == "wang.fang@example.org"
    assert data["tables"]["verification_history"]["rows"][0]["note"] == "ID card seen: W-1234"
    assert data["tables"]["notification_settings"]["rows"]  # every kind, chosen or default
    audit_text = json.dumps(data["tables"]["audit_trail"], ensure_ascii=False)
    assert "ID card seen: W-1234" in audit_text  # the value kept beside the chain
    # The CSV files open in Excel (BOM) with headers in the reader's language.
    assert archive.read("register_entry.csv").startswith("\ufeff".encode())
    everything = everything_in(archive)
    for absent in ("Anna", "anna.smith", "P-98765", "13900000002", "陈小雨", "Chen Xiaoyu"):
        assert absent not in everything, absent


def test_the_readme_says_what_each_file_holds_in_every_ui_language(db, people, as_user):
    _committee, wang, _anna = people
    readme = download(as_user(wang)).read("README.txt").decode()
    for text in ("register_entry.csv", "data.json", "Everything Consult holds about you"):
        assert text in readme
    assert "Consult 保存的关于您的全部信息" in readme  # Simplified
    assert "Consult 儲存的關於您的全部資訊" in readme  # Traditional
    assert "Your register entry" in readme and "您的名册记录" in readme


def test_a_committee_member_sees_what_they_did_but_not_the_residents_values(db, people, as_user):
    committee, _wang, _anna = people
    archive = download(as_user(committee))
    data = json.loads(archive.read("data.json"))
    actions = [row["action"] for row in data["tables"]["audit_trail"]["rows"]]
    assert actions.count("Resident verified") == 2  # what they did is about them too
    everything = everything_in(archive)
    assert "chair@example.org" in everything
    for absent in ("W-1234", "P-98765", "13900000002"):
        assert absent not in everything, absent
    assert "(another person's, not shown)" in everything


def test_someone_without_a_register_entry_sees_their_account_only(client, db, signed_in):
    user = signed_in("translator", name="Translator T.")
    html = client.get("/account/my-data").get_data(as_text=True)
    assert user.email in html and "Translator T." in html
    assert "Your register entry" not in html
    archive = download(client)
    assert "register_entry.csv" not in archive.namelist()


def test_the_page_is_in_the_readers_language(db, people, as_user):
    _committee, wang, _anna = people
    html = as_user(wang).get("/account/my-data").get_data(as_text=True)
    assert "我的数据" in html and "全部下载（ZIP）" in html


def test_a_resident_corrects_their_phone_and_e_mail_through_the_audit_trail(db, people, as_user):
    from consult.core.audit import AuditEntry, AuditPersonalValue

    _committee, wang, _anna = people
    client = as_user(wang)
    assert client.get("/register/me").status_code == 200
    page = client.get("/register/me/contact")
    assert 'value="13800000001"' in page.get_data(as_text=True)
    bad = client.post("/register/me/contact", data={"phone": "1", "email": "not an address"})
    assert bad.status_code == 422
    response = client.post(
        "/register/me/contact", data={"phone": "13811112222", "email": "fang@example.org"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    wang_entry = resident(db, "王芳")
    assert (wang_entry.phone, wang_entry.email) == ("13811112222", "fang@example.org")
    entry = db.session.query(AuditEntry).filter_by(action="resident.contact_corrected").one()
    assert entry.actor_id == wang.id and entry.object_id == wang_entry.id
    assert "13811112222" not in entry.details  # the chain holds a digest only
    kept = {v.value for v in db.session.query(AuditPersonalValue).filter_by(entry_id=entry.id)}
    assert kept == {"13800000001", "13811112222", "wang.fang@example.org", "fang@example.org"}


def test_the_contact_page_sends_someone_without_an_entry_to_my_register_entry(
    client, db, signed_in
):
    signed_in("resident")
    response = client.get("/register/me/contact")
    assert response.status_code == 302 and response.location.endswith("/register/me")
