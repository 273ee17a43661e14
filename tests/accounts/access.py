from tests.access import ANYONE, SIGNED_IN, SIGNED_OUT_ONLY, answers

ACCESS = {
    "accounts.sign_up": SIGNED_OUT_ONLY,
    "accounts.sign_in": SIGNED_OUT_ONLY,
    "accounts.sign_out": SIGNED_IN,
    "accounts.forgot_password": ANYONE,
    # A reset link that is not valid says so to everyone.
    "accounts.reset_password": answers(400),
    "accounts.profile": SIGNED_IN,
    "accounts.change_password": SIGNED_IN,
    "accounts.set_language": ANYONE,
    "accounts.sign_out_other_devices": SIGNED_IN,
    # Without a sign-in waiting for its code, it says to sign in again.
    "accounts.sign_in_code": SIGNED_OUT_ONLY,
    "accounts.two_factor_settings": SIGNED_IN,
    "accounts.two_factor_enrol": SIGNED_IN,
    "accounts.two_factor_recovery_codes": SIGNED_IN,
    "accounts.two_factor_off": SIGNED_IN,
    "accounts.change_email": SIGNED_IN,
    # A link that is not valid says so to everyone.
    "accounts.confirm_email_change": answers(400),
}


def url_values(db):
    return {
        "accounts.reset_password:token": "not-a-reset-token",
        "accounts.confirm_email_change:token": "not-an-e-mail-token",
    }
