"""schemathesis against the OpenAPI document: no 5xx and no response that breaks the schema.

Requests are generated from the schema itself (valid and invalid filters,
random documents to POST) and sent to the app through ASGI, on a temporary
database holding the example article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from dossier.ingest import Article, load_document  # noqa: E402
from dossier.pipeline import process  # noqa: E402
from dossier.serve import create_app  # noqa: E402
from dossier.store import Store  # noqa: E402

EXAMPLE = Path(__file__).parent.parent / "examples" / "rus-prk-jets-for-troops.txt"


def _app():
    import tempfile

    db = Path(tempfile.mkdtemp(prefix="dossier-schema-")) / "schema.db"
    with Store(db) as store:
        document = load_document(Article(text=EXAMPLE.read_text(encoding="utf-8")))
        store.add(process(document))
    return create_app(db, max_bytes=20_000)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_keeps_its_openapi_promises(case):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            response_schema_conformance,
            status_code_conformance,
            content_type_conformance,
        ]
    )
