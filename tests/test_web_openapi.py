"""Property tests over what /openapi.json documents, against a real server over a real ledger:
schemathesis generates requests from the schema (valid and invalid values, every operation, the review
POST with the write token) and finds no 5xx; a hand-written hypothesis test adds values the schema does
not allow (text for integers, odd path segments)."""
from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from tests.web_fixtures import WRITE_TOKEN, build_ledger, live_server

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    with live_server(build_ledger(tmp_path_factory.mktemp("web_openapi"))) as base:
        yield base


@pytest.fixture(scope="module")
def schema(server: str) -> dict[str, Any]:
    return httpx.get(server + "/openapi.json", timeout=20).json()


@pytest.fixture(scope="module")
def api(server: str) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(server + "/openapi.json")


def test_schemathesis_finds_no_server_error(api: schemathesis.BaseSchema, schema: dict[str, Any]) -> None:
    """Every documented operation, with what schemathesis derives from the schema (values it allows
    and values it does not); writes carry the write token, so generated review bodies reach the
    ledger, to be refused (4xx) or appended. (Its pytest plugin's `from_fixture` does not run under
    pytest 9, so the operations' strategies are driven with hypothesis here.)"""
    operations = [result.ok() for result in api.get_all_operations()]
    documented = {(method.upper(), path) for path, methods in schema["paths"].items() for method in methods}
    assert {(operation.method.upper(), operation.path) for operation in operations} == documented
    assert ("POST", "/claims/{claim_id}/review.json") in documented
    for operation in operations:
        cases = st.one_of(operation.as_strategy(GenerationMode.POSITIVE),
                          operation.as_strategy(GenerationMode.NEGATIVE))

        @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(case=cases)
        def request(case: schemathesis.Case) -> None:
            headers = {"X-Kronika-Token": WRITE_TOKEN} if case.method.upper() == "POST" else None
            case.call_and_validate(headers=headers, checks=[not_a_server_error], timeout=20)

        request()


def _strategy(parameter: dict[str, Any]) -> st.SearchStrategy[Any]:
    schema = parameter.get("schema", {})
    kinds = {schema.get("type")} | {option.get("type") for option in schema.get("anyOf", [])}
    # Values the schema allows, and some it does not: both must be answered without a server error.
    if "integer" in kinds:
        return st.one_of(st.integers(min_value=-10, max_value=2_000_000), TEXT)
    if "boolean" in kinds:
        return st.sampled_from(["true", "false", "1", "0", "yes", "maybe"])
    return TEXT


def test_documented_twins_are_the_pages(schema: dict[str, Any]) -> None:
    paths = set(schema["paths"])
    for twin in ("/figures.json", "/claims.json", "/articles/{article_id}.json", "/search.json", "/sources.json",
                 "/rejections.json", "/stories.json", "/conflicts.json", "/figures/{figure_id}.json"):
        assert twin in paths, twin
    assert "post" in schema["paths"]["/claims/{claim_id}/review.json"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_documented_request_is_a_server_error(server: str, schema: dict[str, Any], data: st.DataObject) -> None:
    gets = sorted(path for path, operations in schema["paths"].items() if "get" in operations)
    path = data.draw(st.sampled_from(gets))
    parameters = schema["paths"][path]["get"].get("parameters", [])
    query: dict[str, Any] = {}
    for parameter in parameters:
        if parameter["in"] == "path":
            value = data.draw(_strategy(parameter).filter(lambda v: str(v) not in ("", ".", "..")))
            path = path.replace("{" + parameter["name"] + "}", quote(str(value), safe=""))
        elif data.draw(st.booleans()):
            query[parameter["name"]] = data.draw(_strategy(parameter))
    response = httpx.get(server + path, params=query, timeout=20)
    assert response.status_code < 500, (path, query, response.text[:300])
