"""What every domain's data-rights test does: read a person's "My data" (page and download)
and delete an account the way people do (the person asks, a committee member confirms)."""

import io
import json
import zipfile

from sqlalchemy import select

from consult.data_rights.models import AccountDeletionRequest
from tests.conftest import PASSWORD, FreshContextClient, sign_in


def browser(app, user):
    """A test client of its own, signed in as ``user``."""
    app.test_client_class = FreshContextClient
    client = app.test_client()
    response = sign_in(client, user)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return client


class MyData:
    """``user``'s "My data": the page's HTML, the download's tables (data.json) and the text
    of every file in it."""

    def __init__(self, app, user):
        client = browser(app, user)
        response = client.get("/account/my-data")
        assert response.status_code == 200
        self.page = response.get_data(as_text=True)
        download = client.get("/account/my-data.zip")
        assert download.status_code == 200
        with zipfile.ZipFile(io.BytesIO(download.data)) as archive:
            self.files = {name: archive.read(name).decode("utf-8-sig") for name in archive.namelist()}  # fmt: skip
        self.tables = json.loads(self.files["data.json"])["tables"]

    def rows(self, name):
        return self.tables[name]["rows"]

    def everything(self):
        """The page and every file, to look for what must not be there."""
        return "\n".join([self.page, *self.files.values()])

    def holds(self, text):
        return text in self.everything()


def delete_account(app, db, user, committee):
    """``user`` asks for their account to be deleted; ``committee`` confirms. Returns the
    committee's response (302 when deleted, 422 with the reason when refused)."""
    asked = browser(app, user).post("/account/delete", data={"password": PASSWORD, "reason": ""})
    assert asked.status_code == 302, asked.get_data(as_text=True)[:500]
    request = db.session.scalars(
        select(AccountDeletionRequest).filter_by(user_id=user.id, status="pending")
    ).one()
    response = browser(app, committee).post(f"/data-rights/requests/{request.id}/confirm")
    db.session.expire_all()
    return response
