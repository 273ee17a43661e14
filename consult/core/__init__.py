"""Pages and plumbing every domain shares: home, health check, language switch, the API,
error pages, the service runner, load-and-permit, enums, and the domain declaration."""

from flask_babel import lazy_gettext as _l

from consult.core.domain import Domain, NavEntry

domain = Domain(
    "core",
    blueprint="consult.core.views:bp",
    models="consult.core.models",
    permissions="consult.core.permissions",
    navigation=[
        NavEntry("core.index", _l("Home"), active="/"),
        NavEntry(
            "api.index",
            _l("Open data"),
            area="footer",
            description=_l("The community's grids and buildings as JSON, for anyone to reuse."),
        ),
    ],
    api="consult.core.open_data:routes",
)
