from sqlalchemy import select

from tests.access import ANYONE, COMMITTEE_ONLY, LOGIN, SIGNED_IN, SIGNED_OUT_ONLY

ACCESS = {
    "residents.register": COMMITTEE_ONLY,
    "residents.resident": COMMITTEE_ONLY,
    "residents.edit_resident": COMMITTEE_ONLY,
    "residents.move_resident": COMMITTEE_ONLY,
    "residents.verify_resident": COMMITTEE_ONLY,
    "residents.revoke_verification": COMMITTEE_ONLY,
    "residents.household": COMMITTEE_ONLY,
    "residents.my_entry": SIGNED_IN,
    "residents.import_register": COMMITTEE_ONLY,
    "residents.import_job": COMMITTEE_ONLY,
    "residents.export_register": COMMITTEE_ONLY,
    "residents.register_template": COMMITTEE_ONLY,
    "residents.invite_household": COMMITTEE_ONLY,
    "residents.invite_resident": COMMITTEE_ONLY,
    "residents.invite_filtered": COMMITTEE_ONLY,
    "residents.letters": COMMITTEE_ONLY,
    "residents.places": COMMITTEE_ONLY,
    "residents.edit_grid": COMMITTEE_ONLY,
    "residents.edit_building": COMMITTEE_ONLY,
    "residents.invitation": ANYONE,
    "residents.enter_code": ANYONE,
    "residents.revoke_invitation": COMMITTEE_ONLY,
    "residents.invitation_sign_up": SIGNED_OUT_ONLY,
    "api.grids_grids": ANYONE,
    "api.grids_grid": ANYONE,
}


def url_values(db):
    """A resident who is nobody's account (Tom Smith), his household, a letter, a job."""
    from consult.accounts.services import find_user_by_email
    from consult.residents import invitations, jobs
    from consult.residents.models import Resident

    tom = db.session.scalars(select(Resident).filter_by(full_name="Tom Smith")).one()
    committee = find_user_by_email("committee@example.org")
    batch = invitations.create_invitations(committee, households=[tom.household])
    letter = invitations.batch_invitations(batch)[0]
    job = jobs.start_import(committee, "register.csv", "household_code\n", 0)
    db.session.commit()
    return {
        "resident_id": tom.id,
        "household_id": tom.household_id,
        "grid_id": tom.household.building.grid_id,
        "building_id": tom.household.building_id,
        "batch": batch,
        "token": invitations.invitation_token(letter),
        "invitation_id": letter.id,
        "job_id": job.id,
    }


ACCESS["residents.retry_import"] = COMMITTEE_ONLY
ACCESS["residents.confirm_import"] = COMMITTEE_ONLY
ACCESS["residents.cancel_import"] = COMMITTEE_ONLY
ACCESS["residents.move_out"] = COMMITTEE_ONLY
ACCESS["residents.cancel_move_out"] = COMMITTEE_ONLY
ACCESS["residents.register_settings"] = COMMITTEE_ONLY
# A resident corrects their own entry; whoever has none is sent to "My register entry".
ACCESS["residents.correct_contact"] = {
    None: LOGIN,
    "resident": 200,
    "translator": 302,
    "committee": 302,
}
