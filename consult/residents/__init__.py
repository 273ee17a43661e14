"""Residents: the resident register and the invitation codes residents are verified with.

models.py      grids, buildings, households, residents, invitations, verification events
importer.py    reading and checking the committee's CSV; upsert.py writes a checked file
services.py    register rules and the eligibility helpers polls and elections use
invitations.py signed, single-use invitation codes printed as QR codes on letters
views/         the committee's pages under /register, /register/me, /invitation/<token>
api.py         grids and buildings in the open-data API
"""

from flask_babel import lazy_gettext as _l

from consult.core.domain import Domain, NavEntry

domain = Domain(
    "residents",
    blueprint="consult.residents.views:bp",
    models="consult.residents.models",
    permissions="consult.residents.permissions",
    commands=["consult.residents.cli:residents_cli"],
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
    exports="consult.residents.export:export_tables",
)
