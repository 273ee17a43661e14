"""People's rights over their data (China's Personal Information Protection Law).

collect.py    everything Consult holds about one person: each domain's ``personal_data``
              hook, and the audit trail's entries about them
archive.py    the person's download (ZIP of JSON and CSV) and the committee's ZIP of every
              domain's export tables, written to a temporary file
services.py   asking for an account to be deleted; the committee confirms (each domain's
              ``forget_user`` hook, then the account's tombstone and the audit purge)
views.py      /account/my-data, /account/delete; the committee's /data-rights pages
cli.py        `flask --app wsgi data export FILE`: everything, as on the committee's page

Moving out (迁出) and the register's retention are the register's: consult.residents.moving.
"""

from flask_babel import lazy_gettext as _l

from consult.core.domain import Domain, NavEntry, NotificationKind, signed_in

DELETION_REQUESTED = NotificationKind(
    "data_rights.deletion_requested",
    _l("Account deletion requests (committee)"),
    subject=_l("Someone asks for their account to be deleted"),
    text=_l("Open the request to confirm the deletion, or to refuse it and say why."),
    description=_l("When someone asks for their account to be deleted."),
)
DELETION_REFUSED = NotificationKind(
    "data_rights.deletion_refused",
    _l("Your account deletion request is refused"),
    subject=_l("The residents' committee did not delete your account"),
    text=_l("The committee's reason: %(note)s"),
    description=_l("When the residents' committee refuses to delete your account."),
)

domain = Domain(
    "data_rights",
    blueprint="consult.data_rights.views:bp",
    models="consult.data_rights.models",
    permissions="consult.data_rights.permissions",
    commands=["consult.data_rights.cli:data_cli"],
    tasks=["consult.data_rights.services"],
    navigation=[
        NavEntry(
            "data_rights.my_data",
            _l("My data"),
            visible=signed_in,
            area="account",
            active="/account/my-data",
            description=_l(
                "See everything Consult holds about you, download it, correct it, or ask for your account to be deleted."
            ),
        ),
        NavEntry(
            "data_rights.committee",
            _l("Data rights"),
            visible="consult.data_rights.permissions:can_handle_data_requests",
            active="/data-rights",
            description=_l(
                "Decide requests to delete accounts, and download everything the committee entered as one ZIP file."
            ),
        ),
    ],
    dashboard="consult.data_rights.dashboard:tiles",
    notifications=[DELETION_REQUESTED, DELETION_REFUSED],
    personal_data="consult.data_rights.personal:personal_data",
)
