"""Batch release look-up (POST /v1/releases/lookup) per contracts.ReleaseLookupRequest/ReleaseLookupResponse:
what risk-svc asks before it links a risk to releases."""

import uuid

import pytest
from tpmhub_shared.contracts import ReleaseLookupResponse

UNKNOWN = "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"


async def make_release(client, auth, project, version):
    r = await client.post(f"/v1/projects/{project}/releases", json={"version": version}, headers=auth())
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def test_lookup_answers_in_order_and_reports_missing(client, auth):
    first = await make_release(client, auth, "PAY", "1.4.0")
    second = await make_release(client, auth, "PAY", "1.5.0")
    ops = await make_release(client, auth, "OPS", "2.0.0")
    assert (await client.post(f"/v1/releases/{second}/cancel", headers=auth())).status_code == 200
    body = {"ids": [second, UNKNOWN, first, ops, second]}
    r = await client.post("/v1/releases/lookup", json=body, headers=auth("viewer", "PAY"))
    assert r.status_code == 200, r.text
    answer = ReleaseLookupResponse.model_validate(r.json())
    assert [(str(x.id), x.project_key, x.version, x.status) for x in answer.releases] == [
        (second, "PAY", "1.5.0", "cancelled"),
        (first, "PAY", "1.4.0", "draft"),
    ]
    # Unknown, and another project's release with a PAY-only token: both missing, each once.
    assert [str(x) for x in answer.missing] == [UNKNOWN, ops]


async def test_service_token_sees_every_project_and_empty_lookup(client, auth, make_token):
    ops = await make_release(client, auth, "OPS", "2.0.0")
    token = make_token(roles={"*": "viewer"}, sub="service:risk-svc", service="risk-svc")
    service = {"Authorization": f"Bearer {token}"}
    r = await client.post("/v1/releases/lookup", json={"ids": [ops]}, headers=service)
    assert r.status_code == 200, r.text
    assert [(x["id"], x["project_key"]) for x in r.json()["releases"]] == [(ops, "OPS")]
    r = await client.post("/v1/releases/lookup", json={"ids": []}, headers=service)
    assert r.json() == {"releases": [], "missing": []}


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"ids": ["not-a-uuid"]},
        {"ids": UNKNOWN},
        {"ids": [str(uuid.uuid4()) for _ in range(1001)]},
        {"ids": [UNKNOWN], "extra": True},
    ],
)
async def test_lookup_bad_input(client, auth, body):
    r = await client.post("/v1/releases/lookup", json=body, headers=auth())
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")


async def test_lookup_needs_a_token(client):
    assert (await client.post("/v1/releases/lookup", json={"ids": [UNKNOWN]})).status_code == 401
