"""Projects end to end in-process, plus the conventions every resource follows (problems, ETag/If-Match,
Idempotency-Key, auth, pagination, history, body limit)."""

import asyncio

import pytest

PAY = {"key": "PAY", "name": "Payments", "goals": ["Cut checkout p99"], "owner": "alice"}


async def test_create_get_and_etag(client, auth):
    r = await client.post("/v1/projects", json=PAY, headers=auth("tpm"))
    assert r.status_code == 201, r.text
    assert r.headers["location"] == "/v1/projects/PAY"
    assert r.headers["etag"] == '"1"'
    body = r.json()
    assert body["key"] == "PAY" and body["goals"] == ["Cut checkout p99"] and body["version"] == 1
    assert body["created_at"].endswith("Z")
    r = await client.get("/v1/projects/PAY", headers=auth("viewer", "PAY"))
    assert r.status_code == 200 and r.json()["name"] == "Payments"
    assert r.headers["x-request-id"]


async def test_duplicate_key_is_409_and_nothing_changes(client, auth):
    assert (await client.post("/v1/projects", json=PAY, headers=auth("admin"))).status_code == 201
    r = await client.post("/v1/projects", json={**PAY, "name": "Other"}, headers=auth("admin"))
    assert r.status_code == 409
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["type"].endswith("/conflict")
    assert (await client.get("/v1/projects/PAY", headers=auth())).json()["name"] == "Payments"


@pytest.mark.parametrize(
    ("payload", "loc"),
    [
        ({**PAY, "key": "pay"}, "body.key"),
        ({**PAY, "key": "P"}, "body.key"),
        ({**PAY, "name": 42}, "body.name"),
        ({**PAY, "goals": "not-a-list"}, "body.goals"),
        ({**PAY, "surprise": 1}, "body.surprise"),
        ({"key": "PAY"}, "body.name"),
        ({**PAY, "name": "x" * 201}, "body.name"),
    ],
)
async def test_invalid_bodies_are_422_naming_the_field(client, auth, payload, loc):
    r = await client.post("/v1/projects", json=payload, headers=auth("admin"))
    assert r.status_code == 422, r.text
    problem = r.json()
    assert problem["status"] == 422 and problem["title"] == "Validation error"
    assert loc in [e["loc"] for e in problem["errors"]]
    assert (await client.get("/v1/projects", headers=auth())).json()["items"] == []


async def test_malformed_json_is_400_problem(client, auth):
    r = await client.post(
        "/v1/projects",
        content=b'{"key": "PAY",',
        headers={**auth("admin"), "content-type": "application/json"},
    )
    assert r.status_code == 400
    assert r.json()["type"].endswith("/malformed-json")


async def test_body_over_limit_is_413(client, auth):
    big = {**PAY, "background": "x" * (1_100_000)}
    r = await client.post("/v1/projects", json=big, headers=auth("admin"))
    assert r.status_code == 413
    assert r.headers["content-type"].startswith("application/problem+json")
    assert (await client.get("/v1/projects/PAY", headers=auth())).status_code == 404


async def test_unknown_route_and_method_are_problems(client, auth):
    r = await client.get("/v1/nope", headers=auth())
    assert r.status_code == 404 and r.json()["type"].endswith("/not-found")
    r = await client.delete("/v1/projects", headers=auth())
    assert r.status_code == 405 and r.json()["status"] == 405


@pytest.mark.parametrize(
    "header",
    [None, "Bearer", "Bearer not.a.jwt", "Basic dXNlcjpwYXNz"],
)
async def test_missing_or_malformed_token_is_401(client, header):
    headers = {"Authorization": header} if header else {}
    r = await client.get("/v1/projects", headers=headers)
    assert r.status_code == 401
    assert r.json()["type"].endswith("/unauthorized")
    assert "bearer" in r.headers.get("www-authenticate", "").lower() or header is None


async def test_expired_and_wrongly_signed_tokens_are_401(client, make_token):
    expired = make_token("admin", ttl=-3600)
    r = await client.get("/v1/projects", headers={"Authorization": f"Bearer {expired}"})
    assert r.status_code == 401 and "expired" in r.json()["detail"]
    import jwt

    forged = jwt.encode(
        {"sub": "eve", "roles": {"*": "admin"}, "iat": 1, "exp": 4102444800, "iss": "tpmhub"},
        "not-the-secret-not-the-secret-not-the-secret",
        algorithm="HS256",
    )
    r = await client.get("/v1/projects", headers={"Authorization": f"Bearer {forged}"})
    assert r.status_code == 401


async def test_roles_are_enforced(client, auth):
    r = await client.post("/v1/projects", json=PAY, headers=auth("engineer"))
    assert r.status_code == 403 and "may not" in r.json()["detail"]
    assert (await client.post("/v1/projects", json=PAY, headers=auth("pm", "PAY"))).status_code == 201
    r = await client.patch("/v1/projects/PAY", json={"name": "X"}, headers=auth("viewer", "PAY"))
    assert r.status_code == 403
    # A token for another project neither reads nor lists PAY.
    assert (await client.get("/v1/projects/PAY", headers=auth("admin", "OPS"))).status_code == 403
    assert (await client.get("/v1/projects", headers=auth("admin", "OPS"))).json()["items"] == []


async def test_patch_merge_semantics_if_match_and_history(client, auth):
    await client.post("/v1/projects", json=PAY, headers=auth("admin"))
    r = await client.patch(
        "/v1/projects/PAY", json={"name": "Payments 2"}, headers={**auth("tpm"), "If-Match": '"1"'}
    )
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    assert r.json()["goals"] == ["Cut checkout p99"]  # untouched field stays
    r = await client.patch("/v1/projects/PAY", json={"owner": None}, headers=auth("tpm"))
    assert r.json()["owner"] is None
    r = await client.patch("/v1/projects/PAY", json={"name": None}, headers=auth("tpm"))
    assert r.status_code == 422
    # Stale If-Match: 412 and nothing changed.
    r = await client.patch(
        "/v1/projects/PAY", json={"name": "Stale"}, headers={**auth("tpm"), "If-Match": '"1"'}
    )
    assert r.status_code == 412 and r.json()["current_version"] == 3
    assert (await client.get("/v1/projects/PAY", headers=auth())).json()["name"] == "Payments 2"
    hist = (await client.get("/v1/projects/PAY/history", headers=auth())).json()["items"]
    assert [h["action"] for h in hist] == ["create", "update", "update"]
    assert hist[1]["changes"] == [{"field": "name", "before": "Payments", "after": "Payments 2"}]
    assert hist[1]["actor"] == "alice"


async def test_a_weak_etag_in_if_match_is_412_and_changes_nothing(client, auth):
    await client.post("/v1/projects", json=PAY, headers=auth("admin"))
    for if_match in ('W/"1"', '"0", W/"1"', "1"):
        r = await client.patch(
            "/v1/projects/PAY", json={"name": "Weak"}, headers={**auth("tpm"), "If-Match": if_match}
        )
        assert r.status_code == 412 and r.json()["status"] == 412, (if_match, r.text)
    r = await client.patch(
        "/v1/projects/PAY", json={"name": "Strong"}, headers={**auth("tpm"), "If-Match": '"0", "1"'}
    )
    assert r.status_code == 200 and r.json()["version"] == 2 and r.json()["name"] == "Strong"


async def test_concurrent_patches_never_lose_an_update(client, auth):
    await client.post("/v1/projects", json=PAY, headers=auth("admin"))
    results = await asyncio.gather(
        *[
            client.patch(
                "/v1/projects/PAY", json={"name": f"N{i}"}, headers={**auth("tpm"), "If-Match": '"1"'}
            )
            for i in range(5)
        ]
    )
    codes = sorted(r.status_code for r in results)
    assert codes.count(200) == 1 and set(codes) <= {200, 412, 503}
    assert (await client.get("/v1/projects/PAY", headers=auth())).json()["version"] == 2


async def test_idempotency_key_replays_and_refuses_other_body(client, auth):
    headers = {**auth("admin"), "Idempotency-Key": "k-1"}
    first = await client.post("/v1/projects", json=PAY, headers=headers)
    again = await client.post("/v1/projects", json=PAY, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    other = await client.post("/v1/projects", json={**PAY, "key": "OPS"}, headers=headers)
    assert other.status_code == 422 and other.json()["type"].endswith("/idempotency-key-reused")
    assert (await client.get("/v1/projects/OPS", headers=auth())).status_code == 404
    # Keys are per caller: bob's k-1 is his own.
    bob = await client.post(
        "/v1/projects",
        json={**PAY, "key": "OPS"},
        headers={**auth("admin", sub="bob"), "Idempotency-Key": "k-1"},
    )
    assert bob.status_code == 201


async def test_keyset_pagination_is_stable_and_complete(client, auth):
    keys = [f"P{i:02d}" for i in range(23)]
    for k in keys:
        r = await client.post("/v1/projects", json={"key": k, "name": k}, headers=auth())
        assert r.status_code == 201
    seen, cursor = [], None
    while True:
        params = {"limit": 5, "sort": "-key"}
        if cursor:
            params["cursor"] = cursor
        page = (await client.get("/v1/projects", params=params, headers=auth())).json()
        seen += [p["key"] for p in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == sorted(keys, reverse=True)
    r = await client.get("/v1/projects", params={"cursor": "garbage!"}, headers=auth())
    assert r.status_code == 400 and r.json()["errors"][0]["loc"] == "query.cursor"
    r = await client.get("/v1/projects", params={"sort": "password"}, headers=auth())
    assert r.status_code == 422
    r = await client.get("/v1/projects", params={"limit": 10_000}, headers=auth())
    assert r.status_code == 422


async def test_health_readiness_and_metrics(client):
    assert (await client.get("/healthz")).json()["status"] == "ok"
    ready = await client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"]["migrations"] == "ok"
    await client.get("/v1/projects")
    metrics = (await client.get("/metrics")).text
    assert 'http_requests_total{method="GET",route="/v1/projects",status="401"}' in metrics


async def test_idempotency_key_is_never_replayed_to_a_token_with_other_roles(client, auth):
    first = await client.post("/v1/projects", json=PAY, headers={**auth("admin"), "Idempotency-Key": "k-2"})
    assert first.status_code == 201
    viewer = await client.post("/v1/projects", json=PAY, headers={**auth("viewer"), "Idempotency-Key": "k-2"})
    assert viewer.status_code == 403 and "idempotent-replayed" not in viewer.headers


async def test_nul_characters_are_refused_never_a_500(client, auth):
    r = await client.post("/v1/projects", json={**PAY, "name": "Pay\x00ments"}, headers=auth("admin"))
    assert r.status_code == 422, r.text
    assert (await client.get("/v1/projects/PAY", headers=auth())).status_code == 404


async def test_a_call_without_credentials_gets_401_before_any_body_check(client):
    r = await client.post("/v1/projects", json={**PAY, "name": "Pay\x00ments"})
    assert r.status_code == 401


async def test_an_empty_authorization_header_gets_401_before_any_body_check(client):
    r = await client.post("/v1/projects", json={**PAY, "name": "Pay\x00ments"}, headers={"Authorization": ""})
    assert r.status_code == 401
