from flask import Blueprint

from consult.core.api import ApiRoutes
from consult.core.domain import Tile

bp = Blueprint("sample", __name__)
routes = ApiRoutes("garden", description="Garden plots.", index="/garden-plots")
routes.schema(
    "Plot", {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}
)

PLOTS = []


@bp.get("/garden")
def garden():
    return f"<p>Plots: {len(PLOTS)}</p>"


@routes.get(
    "/garden-plots",
    summary="Garden plots",
    response={"type": "object", "properties": {"items": {"type": "array"}}},
)
def plots():
    return {"items": [{"id": n} for n in PLOTS], "next": None}


def seed_garden():
    PLOTS[:] = [1, 2, 3]
    yield "3 garden plots"


def tiles(user):
    return [Tile("Garden plots free", value=len(PLOTS))]
