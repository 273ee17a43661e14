from tests.access import COMMITTEE_ONLY, SIGNED_IN

ACCESS = {
    "data_rights.my_data": SIGNED_IN,
    "data_rights.download_my_data": SIGNED_IN,
    "data_rights.request_deletion": SIGNED_IN,
    "data_rights.withdraw_deletion": SIGNED_IN,
    "data_rights.committee": COMMITTEE_ONLY,
    "data_rights.export_everything": COMMITTEE_ONLY,
    "data_rights.deletion_request": COMMITTEE_ONLY,
    "data_rights.confirm_deletion": COMMITTEE_ONLY,
    "data_rights.refuse_deletion": COMMITTEE_ONLY,
}


def url_values(db):
    """A deletion request by an account made for the walk (never a demo account)."""
    from consult.accounts.services import create_user
    from consult.data_rights.services import request_account_deletion

    password = "a long walk through every route"
    user = create_user("leaving@example.org", "Leaving Soon", password)
    request = request_account_deletion(user, password=password, reason="moving away")
    db.session.commit()
    return {"request_id": request.id}
