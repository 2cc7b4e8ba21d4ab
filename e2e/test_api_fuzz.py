"""A schemathesis fuzz run of the JSON API against the live server, driven by the OpenAPI schema the
site serves at /api/v1/schema/ (drf-spectacular): valid and invalid values for every parameter of
every operation. Each answer must not be a server error and must conform to the schema (status
code, content type, body). The API is read-only and anonymous (REST_FRAMEWORK has no
authentication classes), so there is no authenticated run."""

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis import checks as st_checks

from organisations.models import Organisation
from practices.models import Practice

pytestmark = pytest.mark.e2e

EXAMPLES = 25  # per operation and mode: 4 operations x 2 modes x 25 keeps the run to seconds
CHECKS = [
    st_checks.not_a_server_error,
    st_checks.status_code_conformance,
    st_checks.content_type_conformance,
    st_checks.response_schema_conformance,
]


def test_api_answers_as_its_schema_says(demo):
    schema = schemathesis.openapi.from_url(f"{demo.url}/api/v1/schema/", timeout=30)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} == {
        "GET /api/v1/praktijken/",
        "GET /api/v1/praktijken/{slug}/",
        "GET /api/v1/organisaties/",
        "GET /api/v1/organisaties/{slug}/",
    }
    failures, sent = [], []

    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                derandomize=True,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            def fuzz(case):
                response = case.call_and_validate(base_url=demo.url, checks=CHECKS, timeout=30)
                sent.append(response.elapsed)

            try:
                fuzz()
            except Unsatisfiable:
                # A detail URL has only its slug: no invalid value of it still makes a URL to send.
                assert mode is GenerationMode.NEGATIVE and "{slug}" in operation.label
            except (Exception, BaseExceptionGroup) as error:  # one readable entry per operation and mode
                failures.append(f"{operation.label} ({mode.value}): {error}")

    # Random slugs only find nothing: check real objects' detail answers against the schema too.
    practice = Practice.objects.public().order_by("pk").first()
    organisation = Organisation.objects.public().order_by("pk").first()
    for label, slug in (
        ("GET /api/v1/praktijken/{slug}/", practice.slug),
        ("GET /api/v1/organisaties/{slug}/", organisation.slug),
    ):
        operation = schema.find_operation_by_label(label)
        case = operation.Case(path_parameters={"slug": slug})
        response = case.call_and_validate(base_url=demo.url, checks=CHECKS, timeout=30)
        sent.append(response.elapsed)
        assert response.status_code == 200
    print(f"\nschemathesis: {len(sent)} requests, slowest {max(sent) * 1000:.0f} ms")
    assert not failures, "\n\n".join(failures)
