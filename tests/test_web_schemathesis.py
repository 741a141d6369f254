"""Property-based API tests: schemathesis generates requests from the OpenAPI description of
`tacitus serve` (read-only and with coding) and checks that no request causes a server error."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import schemathesis
    from hypothesis import HealthCheck, settings

from test_web_api import build_store, fake_coder

from tacitus.web.app import create_app

STORE = Path(__file__).parent / ".schemathesis-fixture.duckdb"


def _app():
    STORE.unlink(missing_ok=True)
    build_store(STORE)
    return create_app(STORE, allow_coding=True, coder=fake_coder, allowed_hosts=("testserver", "localhost", "127.0.0.1"))


schema = schemathesis.openapi.from_asgi("/api/openapi.json", _app())


@pytest.fixture(scope="module", autouse=True)
def _cleanup():
    yield
    STORE.unlink(missing_ok=True)


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.path} -> {response.status_code}: {response.text[:300]}"
