"""The committee downloads everything it entered: one ZIP of CSV files, each domain adding
its tables through the export hook, with a README saying what each file holds."""

import csv
import io
import zipfile

import pytest
from sqlalchemy import select

from consult.residents.invitations import create_invitations
from consult.residents.models import Invitation
from consult.residents.moving import mark_moved_out
from consult.residents.services import update_place
from tests.data_rights.conftest import resident


@pytest.fixture
def archive(db, people, as_user):
    committee, _wang, _anna = people
    tom = resident(db, "김민준")
    update_place(committee, tom.household.building.grid, names={"en": "Grid Two (east)"})
    create_invitations(committee, households=[tom.household])
    mark_moved_out(committee, resident(db, "Марина Иванова"), on=tom.birth_date.replace(year=2025))
    update_resident_name = resident(db, "陈小雨")
    update_resident_name.latin_name = '=HYPERLINK("http://evil.example")'
    db.session.commit()
    # Streamed from a temporary file, which closing the response closes.
    with as_user(committee).get("/data-rights/export.zip") as response:
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "application/zip"
        assert "attachment" in response.headers["Content-Disposition"]
        assert response.headers["Cache-Control"] == "no-store"
        return zipfile.ZipFile(io.BytesIO(response.get_data()))


def rows(archive, path):
    text = archive.read(path).decode("utf-8")
    assert text.startswith("\ufeff")  # opens in Excel with Chinese shown
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_the_zip_holds_every_domains_tables_and_a_readme(app, archive):
    from consult.data_rights.archive import export_files

    with app.test_request_context():
        expected = {path for path, _table in export_files()}
    assert set(archive.namelist()) == expected | {"README.txt"}
    for path in (
        "core/audit_trail.csv", "accounts/accounts.csv", "residents/register.csv",
        "residents/households.csv", "residents/grids.csv", "residents/buildings.csv",
        "residents/invitations.csv", "residents/verification_history.csv",
        "community/privacy_consents.csv", "elections/elections.csv",
        # What each later domain adds through the export hook
        "multilingual/translations.csv", "multilingual/translation_requests.csv",
        "proposals/proposal_supports.csv", "proposals/proposal_follows.csv",
        "proposals/proposal_attachments.csv", "proposals/proposal_settings.csv",
        "comments/comment_versions.csv", "comments/comment_likes.csv",
        "polls/poll_details.csv", "polls/poll_options.csv", "polls/poll_electorate.csv",
        "polls/poll_voters.csv", "polls/poll_paper_batches.csv", "polls/poll_results.csv",
        "elections/election_texts.csv", "elections/election_contests.csv",
        "elections/election_stations.csv", "elections/election_mobile_voters.csv",
        "elections/election_objections.csv", "elections/election_relations.csv",
        "elections/election_codes_of_conduct.csv", "elections/election_publications.csv",
        "elections/election_helper_applications.csv",
    ):  # fmt: skip
        assert path in expected, path
    readme = archive.read("README.txt").decode()
    for path in expected:
        assert path in readme, path
    assert "Everything the residents' committee entered in Consult" in readme
    assert "居委会在 Consult 中录入的全部数据" in readme
    assert "居委會在 Consult 中錄入的全部資料" in readme


def test_the_register_tables_are_complete(archive):
    register = rows(archive, "residents/register.csv")
    names = {row["full_name"] for row in register}
    assert "王芳" in names and "Марина Иванова" not in names  # moved out: not in the register
    everyone = {row["full_name"]: row for row in rows(archive, "residents/residents.csv")}
    assert everyone["Марина Иванова"]["moved_out_on"] == "2025-09-21"
    assert everyone["王芳"]["account_id"]  # linked to an account, by its number
    households = rows(archive, "residents/households.csv")
    assert {"A-101", "A-202", "B-301", "C-102"} == {row["code"] for row in households}
    grids = {row["name"]: row for row in rows(archive, "residents/grids.csv")}
    assert grids["Grid Two"]["name_en"] == "Grid Two (east)"
    assert {row["name"] for row in rows(archive, "residents/buildings.csv")} == {"1", "2", "3"}
    history = rows(archive, "residents/verification_history.csv")
    assert {row["note"] for row in history} == {"ID card seen: W-1234", "Passport seen: P-98765"}
    assert rows(archive, "residents/register_settings.csv") == [
        {"setting": "moved_out_retention_months", "value": "36"}
    ]


def test_invitations_are_exported_without_their_codes(db, archive):
    (letter,) = rows(archive, "residents/invitations.csv")
    assert letter["household_code"] == "B-301" and letter["revoked_at"] == ""
    invitation = db.session.scalars(select(Invitation)).one()
    everything = archive.read("residents/invitations.csv").decode()
    assert invitation.code_nonce not in everything and invitation.code_digest not in everything


def test_formulas_are_neutralised_in_every_file(archive):
    chen = next(r for r in rows(archive, "residents/residents.csv") if r["full_name"] == "陈小雨")
    assert chen["latin_name"] == '\'=HYPERLINK("http://evil.example")'


def test_the_audit_trail_is_exported_as_chained_without_personal_values(db, archive):
    trail = rows(archive, "core/audit_trail.csv")
    assert [int(row["seq"]) for row in trail] == list(range(1, len(trail) + 1))
    assert all(trail[i]["prev_hash"] == trail[i - 1]["hash"] for i in range(1, len(trail)))
    text = archive.read("core/audit_trail.csv").decode()
    assert "Passport seen: P-98765" not in text  # a digest only


def test_the_command_line_writes_the_same_zip(app, db, people, tmp_path):
    target = tmp_path / "everything.zip"
    result = app.test_cli_runner().invoke(args=["data", "export", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_mode & 0o077 == 0  # readable by its owner only
    with zipfile.ZipFile(target) as archive:
        assert "residents/register.csv" in archive.namelist()
        assert "王芳" in archive.read("residents/register.csv").decode()


def test_only_the_committee_downloads_it(client, db, people, as_user):
    _committee, wang, _anna = people
    with as_user(wang).get("/data-rights/export.zip") as response:
        assert response.status_code == 403
