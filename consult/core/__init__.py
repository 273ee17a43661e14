"""Pages and plumbing every domain shares: home, health check, language switch, the API,
error pages, the service runner, load-and-permit, enums, and the domain declaration."""

from flask_babel import lazy_gettext as _l

from consult.core.domain import Domain, NavEntry, signed_in

domain = Domain(
    "core",
    blueprint=[
        "consult.core.views:bp",
        "consult.core.audit.views:bp",
        "consult.core.notifications.views:bp",
    ],
    models=[
        "consult.core.models",
        "consult.core.audit.models",
        "consult.core.queue.models",
        "consult.core.notifications.models",
    ],
    commands=["consult.core.audit.cli:audit_cli", "consult.core.queue.cli:queue_cli"],
    setup=["consult.core.queue.backend:init_app"],
    tasks=["consult.core.queue.maintenance", "consult.core.notifications.delivery"],
    permissions="consult.core.permissions",
    navigation=[
        NavEntry("core.index", _l("Home"), active="/"),
        NavEntry(
            "notifications.inbox",
            _l("Messages"),
            visible=signed_in,
            area="account",
            active="/notifications",
            badge="consult.core.notifications.services:unread_count",
        ),
        NavEntry(
            "audit.trail",
            _l("Audit trail"),
            visible="consult.core.permissions:is_committee",
            active="/audit",
        ),
        NavEntry(
            "api.index",
            _l("Open data"),
            area="footer",
            description=_l("The community's grids and buildings as JSON, for anyone to reuse."),
        ),
    ],
    api="consult.core.open_data:routes",
    exports="consult.core.export:export_tables",
    personal_data="consult.core.personal:personal_data",
    forget_user="consult.core.personal:forget_user",
)
