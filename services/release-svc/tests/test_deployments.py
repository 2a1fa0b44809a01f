"""Deployment records and DORA metrics (aggregated in SQL) per project, environment and window."""

from datetime import UTC, datetime, timedelta

import pytest

T0 = datetime(2026, 11, 1, tzinfo=UTC)


def iso(dt: datetime) -> str:
    return dt.isoformat().replace("+00:00", "Z")


async def deploy(
    client,
    auth,
    *,
    day: int,
    status="succeeded",
    lead_hours=24,
    minutes=10,
    env="production",
    project="PAY",
    sha="abcdef1",
):
    started = T0 + timedelta(days=day)
    body = {
        "environment": env,
        "commit_sha": sha,
        "committed_at": iso(started - timedelta(hours=lead_hours)),
        "started_at": iso(started),
        "status": status,
    }
    if status != "in_progress":
        body["finished_at"] = iso(started + timedelta(minutes=minutes))
    r = await client.post(f"/v1/projects/{project}/deployments", json=body, headers=auth("ci", project))
    assert r.status_code == 201, r.text
    return r.json()


async def test_record_and_list_deployments(client, auth):
    first = await deploy(client, auth, day=0)
    assert first["lead_time_seconds"] == 24 * 3600 + 600 and first["status"] == "succeeded"
    await deploy(client, auth, day=1, env="staging")
    second = await deploy(client, auth, day=2)
    listed = (
        await client.get(
            "/v1/projects/PAY/deployments",
            params={"environment": "production"},
            headers=auth("viewer", "PAY"),
        )
    ).json()
    assert [d["id"] for d in listed["items"]] == [second["id"], first["id"]]
    page = (await client.get("/v1/projects/PAY/deployments", params={"limit": 2}, headers=auth())).json()
    rest = (
        await client.get(
            "/v1/projects/PAY/deployments", params={"limit": 2, "cursor": page["next_cursor"]}, headers=auth()
        )
    ).json()
    assert len(page["items"]) == 2 and [d["id"] for d in rest["items"]] == [first["id"]]
    assert (
        await client.get(f"/v1/deployments/{first['id']}", headers=auth("viewer", "OPS"))
    ).status_code == 404


async def test_finish_and_restore_with_if_match(client, auth):
    d = await deploy(client, auth, day=0, status="in_progress")
    url = f"/v1/deployments/{d['id']}"
    r = await client.patch(
        url,
        json={"status": "failed", "finished_at": iso(T0 + timedelta(minutes=5))},
        headers={**auth("ci", "PAY"), "If-Match": '"1"'},
    )
    assert r.status_code == 200 and r.json()["status"] == "failed" and r.json()["lead_time_seconds"] is None
    stale = await client.patch(
        url,
        json={"restored_at": iso(T0 + timedelta(hours=1))},
        headers={**auth("ci", "PAY"), "If-Match": '"1"'},
    )
    assert stale.status_code == 412
    early = await client.patch(url, json={"restored_at": iso(T0)}, headers=auth("ci", "PAY"))
    assert early.status_code == 422 and early.json()["errors"][0]["loc"] == "body.restored_at"
    ok = await client.patch(
        url, json={"restored_at": iso(T0 + timedelta(minutes=35))}, headers=auth("ci", "PAY")
    )
    assert ok.status_code == 200 and ok.json()["restore_seconds"] == 1800
    assert (
        await client.patch(url, json={"status": "succeeded"}, headers=auth("viewer", "PAY"))
    ).status_code == 403


async def test_restore_of_a_successful_deploy_is_422(client, auth):
    d = await deploy(client, auth, day=0)
    r = await client.patch(
        f"/v1/deployments/{d['id']}",
        json={"restored_at": iso(T0 + timedelta(days=1))},
        headers=auth("ci", "PAY"),
    )
    assert r.status_code == 422
    flagged = await client.patch(
        f"/v1/deployments/{d['id']}",
        headers=auth("ci", "PAY"),
        json={"caused_failure": True, "restored_at": iso(T0 + timedelta(hours=2, minutes=10))},
    )
    assert flagged.status_code == 200 and flagged.json()["restore_seconds"] == 7200


@pytest.mark.parametrize(
    "body",
    [
        {"environment": "production", "commit_sha": "XYZ"},
        {"environment": "Prod", "commit_sha": "abcdef1"},
        {"environment": "production", "commit_sha": "abcdef1", "status": "succeeded"},  # no finished_at
        {
            "environment": "production",
            "commit_sha": "abcdef1",
            "started_at": "2026-11-02T00:00:00Z",
            "finished_at": "2026-11-01T00:00:00Z",
            "status": "succeeded",
        },
        {
            "environment": "production",
            "commit_sha": "abcdef1",
            "started_at": "2026-11-02T00:00:00Z",
            "committed_at": "2026-11-03T00:00:00Z",
        },
        {"environment": "production", "commit_sha": "abcdef1", "started_at": "2026-11-02T00:00:00"},
        {
            "environment": "production",
            "commit_sha": "abcdef1",
            "release_id": "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11",
        },
    ],
)
async def test_bad_deployment_is_422_and_nothing_written(client, auth, body):
    r = await client.post("/v1/projects/PAY/deployments", json=body, headers=auth("ci", "PAY"))
    assert r.status_code == 422, r.text
    assert (await client.get("/v1/projects/PAY/deployments", headers=auth())).json()["items"] == []


async def test_dora_metrics(client, auth):
    # 10 production deployments over the window: 8 succeeded, 1 failed (restored after 30 min),
    # 1 rolled back (not restored yet); 1 success later flagged as causing a failure (restored after 2 h).
    leads = [1, 2, 3, 4, 5, 6, 7, 8]
    ok = [await deploy(client, auth, day=i, lead_hours=h, minutes=0) for i, h in enumerate(leads)]
    failed = await deploy(client, auth, day=8, status="failed", minutes=0)
    await deploy(client, auth, day=9, status="rolled_back", minutes=0)
    await client.patch(
        f"/v1/deployments/{failed['id']}",
        headers=auth("ci", "PAY"),
        json={"restored_at": iso(T0 + timedelta(days=8, minutes=30))},
    )
    await client.patch(
        f"/v1/deployments/{ok[0]['id']}",
        headers=auth("ci", "PAY"),
        json={"caused_failure": True, "restored_at": iso(T0 + timedelta(hours=2))},
    )
    # Outside the window, another environment, another project, still in progress: not counted.
    await deploy(client, auth, day=40)
    await deploy(client, auth, day=3, env="staging")
    await deploy(client, auth, day=3, project="OPS")
    await deploy(client, auth, day=4, status="in_progress")
    r = await client.get(
        "/v1/projects/PAY/dora",
        headers=auth("viewer", "PAY"),
        params={"environment": "production", "from": iso(T0), "to": iso(T0 + timedelta(days=20))},
    )
    assert r.status_code == 200, r.text
    m = r.json()
    assert m["deployments"] == 10 and m["successful_deployments"] == 8
    assert m["deployment_frequency_per_day"] == pytest.approx(8 / 20)
    assert m["deployment_frequency_per_week"] == pytest.approx(8 / 20 * 7)
    assert m["lead_time_median_seconds"] == pytest.approx(4.5 * 3600)
    assert m["lead_time_mean_seconds"] == pytest.approx(4.5 * 3600)
    assert m["failed_deployments"] == 3 and m["change_failure_rate"] == pytest.approx(0.3)
    assert m["restored_failures"] == 2 and m["time_to_restore_median_seconds"] == pytest.approx(
        (1800 + 7200) / 2
    )


async def test_dora_empty_window_and_bad_window(client, auth):
    m = (await client.get("/v1/projects/PAY/dora", headers=auth("viewer", "PAY"))).json()
    assert (
        m["deployments"] == 0 and m["change_failure_rate"] is None and m["lead_time_median_seconds"] is None
    )
    assert m["days"] == 30
    bad = await client.get("/v1/projects/PAY/dora", headers=auth(), params={"from": iso(T0), "to": iso(T0)})
    assert bad.status_code == 422
    long = await client.get(
        "/v1/projects/PAY/dora", headers=auth(), params={"from": iso(T0 - timedelta(days=400)), "to": iso(T0)}
    )
    assert long.status_code == 422
    early = await client.get("/v1/projects/PAY/dora", headers=auth(), params={"to": "0001-01-02T00:00:00Z"})
    assert early.status_code == 422
    assert (await client.get("/v1/projects/PAY/dora", headers=auth("viewer", "OPS"))).status_code == 403


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"])
async def test_timestamps_without_a_utc_equivalent_are_422(client, auth, when):
    r = await client.post(
        "/v1/projects/PAY/deployments",
        headers=auth("ci", "PAY"),
        json={"environment": "production", "commit_sha": "abcdef1", "started_at": when},
    )
    assert r.status_code == 422
    r = await client.post(
        "/v1/projects/PAY/freeze-windows",
        headers=auth("tpm", "PAY"),
        json={"name": "x", "starts_at": when, "ends_at": "9999-12-31T00:00:00Z"},
    )
    assert r.status_code == 422
    assert (
        await client.get("/v1/projects/PAY/dora", params={"from": when}, headers=auth())
    ).status_code == 422
