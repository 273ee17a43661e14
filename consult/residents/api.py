"""Grids and buildings in the open-data API: the places proposals and notices are scoped to.

Nothing about residents or households is public.
"""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from consult.core.api import PAGE_PARAMETERS, ApiRoutes, keyset_page, list_of
from consult.core.permissions import fetch_or_404
from consult.residents.models import Grid
from consult.residents.places import sort_places

routes = ApiRoutes(
    "grids",
    description="The community's grids (网格) and their buildings.",
    index="/grids",
)

NAMES = {
    "type": "object",
    "description": "The name per content language (BCP 47 tag); `name` where one is missing.",
    "additionalProperties": {"type": "string"},
}
routes.schema(
    "Grid",
    {
        "type": "object",
        "required": ["id", "name", "names", "buildings"],
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "names": NAMES,
            "buildings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "name", "names"],
                    "properties": {
                        "id": {"type": "integer"},
                        "name": {"type": "string"},
                        "names": NAMES,
                    },
                },
            },
        },
    },
)


def grid_json(grid):
    buildings = sort_places(grid.buildings)
    return {
        "id": grid.id,
        "name": grid.name,
        "names": dict(grid.names or {}),
        "buildings": [
            {"id": b.id, "name": b.name, "names": dict(b.names or {})} for b in buildings
        ],
    }


@routes.get("/grids", summary="Grids and their buildings", response=list_of("Grid"),
            parameters=PAGE_PARAMETERS)  # fmt: skip
def grids():
    return keyset_page(select(Grid).options(selectinload(Grid.buildings)), Grid.id, grid_json)


@routes.get("/grids/<id:grid_id>", summary="One grid and its buildings",
            response={"$ref": "#/components/schemas/Grid"})  # fmt: skip
def grid(grid_id):
    return grid_json(fetch_or_404(Grid, grid_id))
