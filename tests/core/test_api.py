"""The open-data API: its index, its OpenAPI document, and every path the document lists."""

import re

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from referencing import Registry
from referencing.jsonschema import DRAFT202012


@pytest.fixture
def demo_api(client, db):
    from consult.cli import seed_demo

    list(seed_demo())
    return client


def _json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.get_data(as_text=True)[:300])
    assert response.mimetype == "application/json"
    return response.get_json()


def _check(spec, schema, value):
    """Validate ``value`` against ``schema``, whose $refs point into ``spec``."""
    document = {**spec, "x-checked": schema}
    resource = DRAFT202012.create_resource(document)
    registry = Registry().with_resource("urn:openapi", resource)
    Draft202012Validator({"$ref": "urn:openapi#/x-checked"}, registry=registry).validate(value)


def test_the_document_is_valid_openapi_3_1(demo_api):
    spec = _json(demo_api, "/api/v1/openapi.json")
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_the_index_lists_each_resource_and_each_answers(demo_api):
    index = _json(demo_api, "/api/v1/")
    assert index["next"] is None
    names = {item["id"] for item in index["items"]}
    assert {"community", "grids"} <= names
    for item in index["items"]:
        assert item["url"].startswith("http")
        path = re.sub(r"^https?://[^/]+", "", item["url"])
        _json(demo_api, path)


def test_every_documented_path_answers_as_documented(demo_api):
    """Lists first; a path with an id takes it from the list beside it."""
    spec = _json(demo_api, "/api/v1/openapi.json")
    base = spec["servers"][0]["url"]
    ids = {}
    for path in sorted(spec["paths"], key=lambda p: p.count("{")):
        operation = spec["paths"][path]["get"]
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        url = path
        for name in re.findall(r"{(\w+)}", path):
            parent = path.split("/{")[0]
            assert parent in ids, f"{path}: no list at {parent} to take an id from"
            url = url.replace("{" + name + "}", str(ids[parent]))
        body = _json(demo_api, base + url)
        _check(spec, schema, body)
        if "items" in body and body["items"]:
            ids[path] = body["items"][0]["id"]
        missing = url.rsplit("/", 1)[0] + "/2147483647" if "{" in path else None
        if missing:
            error = _json(demo_api, base + missing, status=404)
            _check(spec, {"$ref": "#/components/schemas/Error"}, error)
    assert len(spec["paths"]) >= 3


def test_errors_are_json_in_the_readers_language(demo_api):
    body = _json(demo_api, "/api/v1/no-such-thing", status=404)
    assert body["error"]["code"] == "404"
    response = demo_api.get(
        "/api/v1/grids/99999999999999999999", headers={"Accept-Language": "zh-CN"}
    )
    assert response.status_code == 404
    body = response.get_json()
    assert body["error"]["message"] == "此地址没有页面，可能已经移动。"


def test_lists_page_with_a_next_link_until_the_end(demo_api):
    seen, url = [], "/api/v1/grids?per_page=1"
    while url:
        body = _json(demo_api, url)
        seen += [item["id"] for item in body["items"]]
        url = body["next"] and re.sub(r"^https?://[^/]+", "", body["next"])
    assert len(seen) == len(set(seen)) >= 3
    assert seen == sorted(seen)
    _json(demo_api, "/api/v1/grids?after=abc", status=404)


def test_the_api_shows_no_personal_data(demo_api):
    text = demo_api.get("/api/v1/grids").get_data(as_text=True)
    for private in ("王芳", "Anna", "CJ-01-0101", "@example.org"):
        assert private not in text
