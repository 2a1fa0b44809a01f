"""Online-trial verification (线上试单): results linked to acceptance criteria; a failed one blocks
released."""

import pytest


async def deploying_release(client, auth):
    r = await client.post(
        "/v1/projects/PAY/releases",
        headers=auth("tpm", "PAY"),
        json={"version": "1.0.0", "approvers": ["carol"]},
    )
    rid = r.json()["id"]
    await client.post(f"/v1/releases/{rid}/submit", headers=auth("tpm", "PAY"))
    await client.post(
        f"/v1/releases/{rid}/approvals",
        json={"decision": "approve"},
        headers=auth("engineer", "PAY", sub="carol"),
    )
    r = await client.post(f"/v1/releases/{rid}/start-deploy", headers=auth("ci", "PAY"))
    assert r.json()["status"] == "deploying"
    return rid


CRIT = "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"


async def test_failed_verification_blocks_released_until_rerun(client, auth):
    rid = await deploying_release(client, auth)
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        headers=auth("qa", "PAY", sub="qa-lin"),
        json={
            "scenario": "Pay 0.01 CNY with a wallet, then refund",
            "result": "failed",
            "evidence": "refund stuck",
            "criterion_ids": [CRIT],
            "item_keys": ["PAY-42"],
        },
    )
    assert r.status_code == 201, r.text
    v = r.json()
    assert v["criterion_ids"] == [CRIT] and v["verified_by"] == "qa-lin"
    await client.post(
        f"/v1/releases/{rid}/verifications",
        headers=auth("qa", "PAY"),
        json={"scenario": "Card payment", "result": "passed"},
    )
    await client.post(f"/v1/releases/{rid}/start-verification", headers=auth("ci", "PAY"))
    blocked = await client.post(f"/v1/releases/{rid}/mark-released", headers=auth("tpm", "PAY"))
    assert blocked.status_code == 409 and blocked.json()["failed_verifications"] == [v["id"]]
    assert (await client.get(f"/v1/releases/{rid}", headers=auth())).json()["status"] == "verifying"
    stale = await client.patch(
        f"/v1/verifications/{v['id']}",
        json={"result": "passed"},
        headers={**auth("qa", "PAY"), "If-Match": '"9"'},
    )
    assert stale.status_code == 412
    rerun = await client.patch(
        f"/v1/verifications/{v['id']}",
        json={"result": "passed", "evidence": "ok now"},
        headers={**auth("qa", "PAY"), "If-Match": '"1"'},
    )
    assert rerun.status_code == 200 and rerun.json()["result"] == "passed"
    done = await client.post(f"/v1/releases/{rid}/mark-released", headers=auth("tpm", "PAY"))
    assert done.status_code == 200 and done.json()["status"] == "released"
    # Released: verifications are final.
    late = await client.patch(
        f"/v1/verifications/{v['id']}", json={"result": "failed"}, headers=auth("qa", "PAY")
    )
    assert late.status_code == 409
    listed = (
        await client.get(
            f"/v1/releases/{rid}/verifications", params={"result": "passed"}, headers=auth("viewer", "PAY")
        )
    ).json()
    assert len(listed["items"]) == 2


async def test_verification_only_while_deploying_or_verifying(client, auth):
    r = await client.post("/v1/projects/PAY/releases", json={"version": "1.0.0"}, headers=auth("tpm", "PAY"))
    rid = r.json()["id"]
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        headers=auth("qa", "PAY"),
        json={"scenario": "x", "result": "passed"},
    )
    assert r.status_code == 409 and r.json()["state"] == "draft"


@pytest.mark.parametrize(
    "body",
    [
        {"scenario": "", "result": "passed"},
        {"scenario": "x", "result": "meh"},
        {"scenario": "x", "result": "passed", "criterion_ids": ["not-a-uuid"]},
        {"scenario": "x", "result": "passed", "item_keys": ["pay-1"]},
        {"scenario": "x", "result": "passed", "evidence_url": "javascript:alert(1)"},
        {"scenario": "x", "result": "passed", "extra": 1},
    ],
)
async def test_bad_verification_is_422_and_nothing_written(client, auth, body):
    rid = await deploying_release(client, auth)
    r = await client.post(f"/v1/releases/{rid}/verifications", json=body, headers=auth("qa", "PAY"))
    assert r.status_code == 422
    assert (await client.get(f"/v1/releases/{rid}/verifications", headers=auth())).json()["items"] == []


async def test_verification_roles(client, auth):
    rid = await deploying_release(client, auth)
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        headers=auth("viewer", "PAY"),
        json={"scenario": "x", "result": "passed"},
    )
    assert r.status_code == 403
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        headers=auth("qa", "OPS"),
        json={"scenario": "x", "result": "passed"},
    )
    assert r.status_code == 404
