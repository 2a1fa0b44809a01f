"""Go/no-go checklist (seeded from the project's template) and freeze windows with approved exceptions."""

from datetime import UTC, datetime, timedelta

import pytest

DEFAULT_CODES = [
    "pressure_test",
    "monitoring_alerts",
    "reconciliation",
    "rollback_rehearsal",
    "data_migration_dry_run",
    "online_trial_plan",
]


async def make_release(client, auth, version="1.0.0", project="PAY"):
    r = await client.post(
        f"/v1/projects/{project}/releases",
        json={"version": version, "approvers": ["carol"]},
        headers=auth("tpm", project),
    )
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def test_checklist_seeded_with_six_defaults(client, auth):
    tpl = (await client.get("/v1/projects/PAY/checklist-template", headers=auth("viewer", "PAY"))).json()
    assert tpl["is_default"] is True and [i["code"] for i in tpl["items"]] == DEFAULT_CODES
    rid = await make_release(client, auth)
    items = (await client.get(f"/v1/releases/{rid}/checklist", headers=auth("viewer", "PAY"))).json()
    assert [i["code"] for i in items] == DEFAULT_CODES
    assert all(i["status"] == "pending" for i in items)


async def test_project_template_seeds_new_releases_only(client, auth):
    old = await make_release(client, auth, "1.0.0")
    r = await client.put(
        "/v1/projects/PAY/checklist-template",
        headers=auth("tpm", "PAY"),
        json={
            "items": [
                {"code": "pressure_test", "title": "Pressure test at 3x peak", "owner": "perf-team"},
                {"title": "Partner sign-off"},
            ]
        },
    )
    assert r.status_code == 200 and r.json()["is_default"] is False
    new = await make_release(client, auth, "1.1.0")
    titles = [i["title"] for i in (await client.get(f"/v1/releases/{new}/checklist", headers=auth())).json()]
    assert titles == ["Pressure test at 3x peak", "Partner sign-off"]
    assert len((await client.get(f"/v1/releases/{old}/checklist", headers=auth())).json()) == 6
    # Another project keeps the defaults.
    other = await make_release(client, auth, "1.0.0", project="OPS")
    assert len((await client.get(f"/v1/releases/{other}/checklist", headers=auth())).json()) == 6


@pytest.mark.parametrize(
    "body",
    [
        {"items": [{"code": "a", "title": "A"}, {"code": "a", "title": "B"}]},
        {"items": [{"title": ""}]},
        {"items": [{"title": "x", "code": "Bad Code"}]},
        {"items": [{"title": "x"}] * 101},
    ],
)
async def test_bad_template_is_422(client, auth, body):
    r = await client.put("/v1/projects/PAY/checklist-template", json=body, headers=auth("tpm", "PAY"))
    assert r.status_code == 422
    tpl = (await client.get("/v1/projects/PAY/checklist-template", headers=auth())).json()
    assert tpl["is_default"] is True


async def test_template_needs_planner(client, auth):
    r = await client.put(
        "/v1/projects/PAY/checklist-template", json={"items": []}, headers=auth("engineer", "PAY")
    )
    assert r.status_code == 403


async def test_tick_item_with_evidence_and_if_match(client, auth):
    rid = await make_release(client, auth)
    item = (await client.get(f"/v1/releases/{rid}/checklist", headers=auth())).json()[0]
    url = f"/v1/releases/{rid}/checklist/{item['id']}"
    no_evidence = await client.patch(url, json={"status": "done"}, headers=auth("qa", "PAY"))
    assert no_evidence.status_code == 422 and no_evidence.json()["errors"][0]["loc"] == "body.evidence_url"
    bad_url = await client.patch(
        url, json={"status": "done", "evidence_url": "ftp://x"}, headers=auth("qa", "PAY")
    )
    assert bad_url.status_code == 422
    ok = await client.patch(
        url,
        json={"status": "done", "evidence_url": "https://grafana.example.com/d/1"},
        headers={**auth("qa", "PAY"), "If-Match": f'"{item["version"]}"'},
    )
    assert ok.status_code == 200 and ok.json()["status"] == "done"
    stale = await client.patch(
        url, json={"status": "failed"}, headers={**auth("qa", "PAY"), "If-Match": f'"{item["version"]}"'}
    )
    assert stale.status_code == 412
    # Waiving is for planners only; viewers change nothing.
    assert (await client.patch(url, json={"status": "waived"}, headers=auth("qa", "PAY"))).status_code == 403
    assert (await client.patch(url, json={"note": "x"}, headers=auth("viewer", "PAY"))).status_code == 403
    assert (await client.patch(url, json={"status": "waived"}, headers=auth("tpm", "PAY"))).status_code == 200
    other = await make_release(client, auth, "2.0.0")
    assert (
        await client.patch(
            f"/v1/releases/{other}/checklist/{item['id']}", json={"note": "x"}, headers=auth("tpm", "PAY")
        )
    ).status_code == 404


async def test_add_checklist_item(client, auth):
    rid = await make_release(client, auth)
    r = await client.post(
        f"/v1/releases/{rid}/checklist",
        json={"title": "Partner sign-off", "owner": "pat"},
        headers=auth("pm", "PAY"),
    )
    assert r.status_code == 201 and r.json()["position"] == 6
    assert (
        await client.post(f"/v1/releases/{rid}/checklist", json={"title": "x"}, headers=auth("qa", "PAY"))
    ).status_code == 403


def iso(dt: datetime) -> str:
    return dt.isoformat().replace("+00:00", "Z")


async def test_freeze_windows_and_exceptions(client, auth):
    now = datetime.now(UTC)
    r = await client.post(
        "/v1/projects/PAY/freeze-windows",
        headers=auth("tpm", "PAY"),
        json={
            "name": "Singles' Day",
            "starts_at": iso(now - timedelta(hours=1)),
            "ends_at": iso(now + timedelta(days=1)),
            "environments": ["production"],
        },
    )
    assert r.status_code == 201, r.text
    window = r.json()
    listed = (
        await client.get(
            "/v1/projects/PAY/freeze-windows", headers=auth("viewer", "PAY"), params={"active_at": iso(now)}
        )
    ).json()["items"]
    assert [w["id"] for w in listed] == [window["id"]]
    later = (
        await client.get(
            "/v1/projects/PAY/freeze-windows",
            headers=auth("viewer", "PAY"),
            params={"active_at": iso(now + timedelta(days=2))},
        )
    ).json()["items"]
    assert later == []
    rid = await make_release(client, auth)
    ask = await client.post(
        f"/v1/releases/{rid}/freeze-exceptions",
        headers=auth("engineer", "PAY", sub="eve"),
        json={"freeze_window_id": window["id"], "reason": "payment outage hotfix"},
    )
    assert ask.status_code == 201 and ask.json()["status"] == "requested"
    exc_id = ask.json()["id"]
    dup = await client.post(
        f"/v1/releases/{rid}/freeze-exceptions",
        headers=auth("engineer", "PAY", sub="eve"),
        json={"freeze_window_id": window["id"], "reason": "again"},
    )
    assert dup.status_code == 409
    # The requester cannot approve their own exception; engineers cannot approve at all.
    assert (
        await client.post(f"/v1/freeze-exceptions/{exc_id}/approve", headers=auth("tpm", "PAY", sub="eve"))
    ).status_code == 403
    assert (
        await client.post(
            f"/v1/freeze-exceptions/{exc_id}/approve", headers=auth("engineer", "PAY", sub="bob")
        )
    ).status_code == 403
    ok = await client.post(
        f"/v1/freeze-exceptions/{exc_id}/approve", json={"note": "go"}, headers=auth("tpm", "PAY", sub="tina")
    )
    assert ok.status_code == 200 and ok.json()["status"] == "approved" and ok.json()["decided_by"] == "tina"
    again = await client.post(
        f"/v1/freeze-exceptions/{exc_id}/reject", headers=auth("tpm", "PAY", sub="tina")
    )
    assert again.status_code == 409 and again.json()["state"] == "approved"
    assert len((await client.get(f"/v1/releases/{rid}/freeze-exceptions", headers=auth())).json()) == 1
    assert (
        await client.delete(f"/v1/freeze-windows/{window['id']}", headers=auth("qa", "PAY"))
    ).status_code == 403
    assert (
        await client.delete(f"/v1/freeze-windows/{window['id']}", headers=auth("tpm", "PAY"))
    ).status_code == 204
    assert (await client.get(f"/v1/releases/{rid}/freeze-exceptions", headers=auth())).json() == []


@pytest.mark.parametrize(
    "body",
    [
        {"name": "x", "starts_at": "2026-12-02T00:00:00Z", "ends_at": "2026-12-01T00:00:00Z"},
        {"name": "x", "starts_at": "2026-12-01T00:00:00", "ends_at": "2026-12-02T00:00:00"},
        {"name": "", "starts_at": "2026-12-01T00:00:00Z", "ends_at": "2026-12-02T00:00:00Z"},
        {
            "name": "x",
            "starts_at": "2026-12-01T00:00:00Z",
            "ends_at": "2026-12-02T00:00:00Z",
            "environments": ["PROD!"],
        },
    ],
)
async def test_bad_freeze_window_is_422(client, auth, body):
    r = await client.post("/v1/projects/PAY/freeze-windows", json=body, headers=auth("tpm", "PAY"))
    assert r.status_code == 422
    assert (
        await client.get("/v1/projects/PAY/freeze-windows", params={"include_past": True}, headers=auth())
    ).json()["items"] == []


async def test_exception_for_unknown_or_foreign_window_is_422(client, auth):
    now = datetime.now(UTC)
    r = await client.post(
        "/v1/projects/OPS/freeze-windows",
        headers=auth("tpm", "OPS"),
        json={"name": "ops freeze", "starts_at": iso(now), "ends_at": iso(now + timedelta(hours=1))},
    )
    rid = await make_release(client, auth)
    bad = await client.post(
        f"/v1/releases/{rid}/freeze-exceptions",
        headers=auth("tpm", "PAY"),
        json={"freeze_window_id": r.json()["id"], "reason": "x"},
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["loc"] == "body.freeze_window_id"
