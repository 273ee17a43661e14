"""Pages and plumbing every domain shares: home, health check, language switch, the API,
error pages, the service runner, load-and-permit, enums, and the domain declaration."""

from flask_babel import lazy_gettext as _l

from consult.core.domain import Domain, NavEntry

domain = Domain(
    "core",
    blueprint=["consult.core.views:bp", "consult.core.audit.views:bp"],
    models=["consult.core.models", "consult.core.audit.models"],
    commands=["consult.core.audit.cli:audit_cli"],
    permissions="consult.core.permissions",
    navigation=[
        NavEntry("core.index", _l("Home"), active="/"),
        NavEntry(
            "audit.trail",
            _l("Audit trail"),
            visible="consult.core.permissions:is_committee",
            active="/audit",
        ),
    ],
    api="consult.core.open_data:routes",
)
