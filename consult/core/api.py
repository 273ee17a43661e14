"""The read-only open-data API under /api/v1, built from every domain's ``api.py``.

A domain collects its routes and their documentation on an :class:`ApiRoutes` (as a
blueprint collects views) and names it in its declaration (``api="consult.x.api:routes"``).
``build_api`` makes one blueprint per app from them, with the index of resources at
``/api/v1/`` and the OpenAPI 3.1 document at ``/api/v1/openapi.json``.

Shapes (ARCHITECTURE.md): a list answers ``{"items": [...], "next": URL or null}``; one
object answers itself, with ``id``; an error answers ``{"error": {"code", "message"}}`` in the
reader's language (see core/errors.py). Views show only what a signed-out reader may see.
"""

import re
from dataclasses import dataclass, field

from flask import Blueprint, abort, jsonify, request, url_for

from consult.core.permissions import MAX_ID, parse_id
from consult.core.urls import external_url
from consult.extensions import db

API_PREFIX = "/api/v1"
PER_PAGE = 50
MAX_PER_PAGE = 200
OPENAPI_VERSION = "3.1.0"

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}
PAGE_PARAMETERS = [
    {
        "name": "after",
        "in": "query",
        "description": "Continue after this id (the `next` link carries it).",
        "schema": {"type": "integer", "minimum": 0},
    },
    {
        "name": "per_page",
        "in": "query",
        "description": f"Items per page, at most {MAX_PER_PAGE}.",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
    },
]
_PATH_ARGUMENT = re.compile(r"<(?:(\w+):)?(\w+)>")


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def list_of(schema_name):
    """The schema of a list answer whose items are ``schema_name``."""
    return {
        "type": "object",
        "required": ["items", "next"],
        "properties": {
            "items": {"type": "array", "items": ref(schema_name)},
            "next": {"type": ["string", "null"], "format": "uri"},
        },
    }


@dataclass
class ApiRoute:
    rule: str
    view: object
    summary: str
    response: dict
    parameters: list = field(default_factory=list)
    description: str = ""


@dataclass
class ApiRoutes:
    """One domain's part of the API: its routes, their schemas, its entry in the index."""

    name: str
    description: str = ""
    index: str | None = None  # the rule listed in /api/v1/ (its main list), if any
    routes: list = field(default_factory=list)
    schemas: dict = field(default_factory=dict)

    def schema(self, name, definition):
        self.schemas[name] = definition
        return definition

    def get(self, rule, *, summary, response, parameters=(), description=""):
        def decorator(view):
            self.routes.append(
                ApiRoute(rule, view, summary, response, list(parameters), description)
            )
            return view

        return decorator


def _openapi_path(rule):
    return _PATH_ARGUMENT.sub(r"{\2}", rule)


def _path_parameters(rule):
    parameters = []
    for converter, name in _PATH_ARGUMENT.findall(rule):
        schema = (
            {"type": "integer", "minimum": 1, "maximum": MAX_ID}
            if converter in ("id", "int")
            else {"type": "string"}
        )
        parameters.append({"name": name, "in": "path", "required": True, "schema": schema})
    return parameters


def _operation(group, route):
    return {
        "tags": [group.name],
        "summary": route.summary,
        "description": route.description or route.summary,
        "operationId": f"{group.name}_{route.view.__name__}",
        "parameters": _path_parameters(route.rule) + route.parameters,
        "responses": {
            "200": {
                "description": "OK",
                "content": {"application/json": {"schema": route.response}},
            },
            "404": {
                "description": "Not found",
                "content": {"application/json": {"schema": ref("Error")}},
            },
        },
    }


def openapi_document(groups, title, version):
    paths, schemas = {}, {"Error": ERROR_SCHEMA}
    for group in groups:
        schemas.update(group.schemas)
        for route in group.routes:
            paths.setdefault(_openapi_path(route.rule), {})["get"] = _operation(group, route)
    return {
        "openapi": OPENAPI_VERSION,
        "info": {"title": title, "version": version},
        "servers": [{"url": API_PREFIX}],
        "tags": [{"name": g.name, "description": g.description or g.name} for g in groups],
        "paths": paths,
        "components": {"schemas": schemas},
    }


def build_api(groups, *, title="Consult open data", version="1"):
    """A fresh /api/v1 blueprint with every group's routes, the index and openapi.json."""
    bp = Blueprint("api", __name__, url_prefix=API_PREFIX)
    document = openapi_document(groups, title, version)

    @bp.get("/")
    def index():
        items = [
            {"id": group.name, "description": group.description, "url": _absolute(group.index)}
            for group in groups
            if group.index
        ]
        return jsonify(items=items, next=None)

    @bp.get("/openapi.json")
    def openapi():
        return jsonify(document)

    for group in groups:
        for route in group.routes:
            endpoint = f"{group.name}_{route.view.__name__}"
            bp.add_url_rule(route.rule, endpoint, route.view, methods=["GET"])

    @bp.after_request
    def open_to_every_site(response):
        # Open data: any site may read it; no credentials are involved.
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response

    return bp


def _absolute(rule):
    return external_url(API_PREFIX + rule)


def per_page_arg():
    value = parse_id(request.args.get("per_page", ""))
    return min(value, MAX_PER_PAGE) if value else PER_PAGE


def keyset_page(stmt, id_column, serialize):
    """One page of ``stmt`` in id order after ``?after=``, as the list answer.

    Keyset paging: every page costs the same, however far in, and items do not shift when
    new ones are added.
    """
    after = request.args.get("after", "0")
    after = 0 if after == "0" else parse_id(after)
    if after is None:
        abort(404)
    per_page = per_page_arg()
    rows = db.session.scalars(
        stmt.where(id_column > after).order_by(id_column).limit(per_page + 1)
    ).all()
    more = len(rows) > per_page
    rows = rows[:per_page]
    next_url = None
    if more:
        args = {**request.args.to_dict(), "after": rows[-1].id}
        next_url = external_url(url_for(request.endpoint, **request.view_args, **args))
    return jsonify(items=[serialize(row) for row in rows], next=next_url)
