"""The community itself: the committee's contact details, its privacy notice (versioned,
with each sign-up's consent recorded) and the accessibility statement.

models.py     contact details per content language; privacy notice versions; consents
services.py   saving contact details, publishing a notice, recording consent, reading both
views.py      /contact, /privacy, /accessibility; the committee's pages under /community
"""

from flask_babel import lazy_gettext as _l

from consult.core.domain import Domain, NavEntry

domain = Domain(
    "community",
    blueprint="consult.community.views:bp",
    models="consult.community.models",
    permissions="consult.community.permissions",
    setup="consult.community.views:init_app",
    seed="consult.community.demo:seed_community",
    navigation=[
        NavEntry(
            "community.edit_contact",
            _l("Contact and privacy"),
            visible="consult.community.permissions:can_manage_community",
            active="/community",
            description=_l("Set the committee's contact details and publish the privacy notice."),
        ),
        NavEntry(
            "community.contact",
            _l("Contact the committee"),
            area="footer",
            description=_l("The office's address, opening hours, phone and e-mail."),
        ),
        NavEntry(
            "community.privacy",
            _l("Privacy notice"),
            area="footer",
            description=_l("What Consult keeps about you, why, for how long, and who sees it."),
        ),
        NavEntry(
            "community.accessibility",
            _l("Accessibility"),
            area="footer",
            description=_l("How Consult works for everyone, and how to report a problem."),
        ),
    ],
    dashboard="consult.community.dashboard:tiles",
    exports="consult.community.export:export_tables",
    personal_data="consult.community.personal:personal_data",
)
