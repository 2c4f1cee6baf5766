"""docs/openapi.yaml describes what the functions really answer: real responses checked against it."""
import json
from pathlib import Path

import pytest
import yaml

from cgi_process import run_cgi, request_env
from conftest import REPO
from test_cart_cgi import BASE_URL, SOLD_OUT, store  # noqa: F401  (the fixture)

SPEC = yaml.safe_load((REPO / "docs" / "openapi.yaml").read_text())


def resolve(schema):
    while "$ref" in schema:
        node = SPEC
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def errors(value, schema, where="$"):
    """The ways `value` breaks `schema` (the JSON Schema subset the document uses)."""
    schema = resolve(schema)
    if "oneOf" in schema:
        matching = [option for option in schema["oneOf"] if not errors(value, option, where)]
        return [] if len(matching) == 1 else [f"{where}: matches {len(matching)} of oneOf"]
    found = []
    types = schema.get("type")
    if types is not None:
        types = types if isinstance(types, list) else [types]
        python = {"object": dict, "array": list, "string": str, "integer": int, "number": (int, float), "boolean": bool,
                  "null": type(None)}
        if not any(isinstance(value, python[name]) and not (name in ("integer", "number") and isinstance(value, bool))
                   for name in types):
            return [f"{where}: {value!r} is not {types}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} not in {schema['enum']}")
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                found.append(f"{where}: missing {name}")
        properties = schema.get("properties", {})
        for name, item in value.items():
            if name not in properties:
                found.append(f"{where}: {name} is not documented")
            else:
                found += errors(item, properties[name], f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += errors(item, schema["items"], f"{where}[{index}]")
    return found


def response_schema(path, method, status):
    response = resolve(SPEC["paths"][path][method]["responses"][str(status)])
    return response["content"]["application/json"]["schema"]


def post_json(store, path, body, cookie=None, token=None):
    data = json.dumps(body).encode()
    headers = {"Origin": BASE_URL, "Accept": "application/json"}
    if token:
        headers["X-Shelf-Token"] = token
    env = request_env(store, "POST", path, body=data, content_type="application/json", cookie=cookie, headers=headers)
    return run_cgi("cart", env, data)


def test_the_cart_and_its_changes_match_the_document(store):  # noqa: F811
    empty = run_cgi("cart", request_env(store, "GET", ".json"))
    assert errors(json.loads(empty.body), response_schema("/fn/cart.json", "get", 200)) == []

    added = post_json(store, "/add", {"sku": "LDN-BWC-CAM-XS", "quantity": 2, "price": 1})
    assert added.status == 200
    body = json.loads(added.body)
    assert errors(body, response_schema("/fn/cart/add", "post", 200)) == []
    cookie = added.cookies[0].split(";")[0]

    cart = json.loads(run_cgi("cart", request_env(store, "GET", ".json", cookie=cookie)).body)
    assert cart["lines"] and errors(cart, response_schema("/fn/cart.json", "get", 200)) == []

    updated = post_json(store, "/update", {"sku": "LDN-BWC-CAM-XS", "quantity": 1}, cookie, cart["token"])
    assert updated.status == 200
    assert errors(json.loads(updated.body), response_schema("/fn/cart/update", "post", 200)) == []
    removed = post_json(store, "/remove", {"sku": "LDN-BWC-CAM-XS"}, cookie, cart["token"])
    assert errors(json.loads(removed.body), response_schema("/fn/cart/remove", "post", 200)) == []


@pytest.mark.parametrize("body, status", [({"sku": SOLD_OUT}, 409), ({"sku": "LDN-BWC-CAM-XS", "quantity": 0}, 400),
                                          ({"choose": "size", "quantity": 1}, 422)])
def test_errors_match_the_document(store, body, status):  # noqa: F811
    refused = post_json(store, "/add", body)
    assert refused.status == status
    assert errors(json.loads(refused.body), response_schema("/fn/cart/add", "post", status)) == []


def test_the_code_endpoint_matches_the_document(store):  # noqa: F811
    added = post_json(store, "/add", {"sku": "LDN-BWC-CAM-XS", "quantity": 1})
    cookie = added.cookies[0].split(";")[0]
    token = json.loads(run_cgi("cart", request_env(store, "GET", ".json", cookie=cookie)).body)["token"]
    data = json.dumps({"code": "welcome10"}).encode()
    env = request_env(store, "POST", "/code", body=data, content_type="application/json", cookie=cookie,
                      headers={"Origin": BASE_URL, "Accept": "application/json", "X-Shelf-Token": token})
    env["SCRIPT_NAME"] = "/fn/checkout"
    applied = run_cgi("checkout", env, data)
    assert applied.status == 200
    body = json.loads(applied.body)
    assert body == {"code": "WELCOME10"}
    assert errors(body, response_schema("/fn/checkout/code", "post", 200)) == []
