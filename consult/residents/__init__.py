"""Residents: the resident register and the invitation codes residents are verified with.

models.py      grids, buildings, households, residents, invitations, verification events
importer.py    reading and checking the committee's CSV; upsert.py writes a checked file
services.py    register rules and the eligibility helpers polls and elections use
invitations.py signed, single-use invitation codes printed as QR codes on letters
views/         the committee's pages under /register, /register/me, /invitation/<token>
api.py         grids and buildings in the open-data API
"""

from flask_babel import lazy_gettext as _l

from consult.core.domain import Domain, NavEntry, NotificationKind

VERIFIED = NotificationKind(
    "residents.verified",
    _l("You become a verified resident"),
    subject=_l("You are a verified resident of %(community)s"),
    text=_l(
        "The residents' committee has linked your account to your entry in the resident register. You can now take part in everything open to verified residents."
    ),
    description=_l("When the residents' committee verifies your account."),
)
VERIFICATION_REVOKED = NotificationKind(
    "residents.verification_revoked",
    _l("Your verification is revoked"),
    subject=_l("Your verification as a resident of %(community)s was revoked"),
    text=_l(
        "The residents' committee has unlinked your account from the resident register. Ask the committee if you think this is a mistake."
    ),
    description=_l("When the residents' committee revokes your verification."),
)
IMPORT_FINISHED = NotificationKind(
    "residents.import_finished",
    _l("Register imports you started"),
    subject=_l("The register import of %(file)s has finished"),
    text=_l("Open the import to see what changed, or which rows need correcting."),
    description=_l("When an import of the resident register you started has finished."),
)

domain = Domain(
    "residents",
    blueprint="consult.residents.views:bp",
    models="consult.residents.models",
    permissions="consult.residents.permissions",
    commands=["consult.residents.cli:residents_cli"],
    tasks=["consult.residents.jobs"],
    seed="consult.residents.demo:seed_register",
    navigation=[
        NavEntry(
            "residents.register",
            _l("Resident register"),
            visible="consult.residents.permissions:can_manage_register",
            active="/register",
            description=_l(
                "Import and export the register, name grids and buildings, verify residents and print invitation letters."
            ),
        ),
        NavEntry(
            "residents.my_entry",
            _l("My register entry"),
            visible="consult.residents.permissions:has_own_entry_page",
            active="/register/me",
            description=_l("See what the resident register says about you."),
        ),
    ],
    api="consult.residents.api:routes",
    dashboard="consult.residents.dashboard:tiles",
    notifications=[VERIFIED, VERIFICATION_REVOKED, IMPORT_FINISHED],
    audience="consult.residents.audience",
    exports="consult.residents.export:export_tables",
    personal_data="consult.residents.personal:personal_data",
    forget_user="consult.residents.personal:forget_user",
)
