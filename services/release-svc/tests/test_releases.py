import pytest


async def test_create_list_get(client, auth):
    r = await client.post(
        "/v1/projects/PAY/releases", json={"version": "1.4.0", "name": "Wallet"}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 201, r.text
    release = r.json()
    assert release["version"] == "1.4.0" and release["status"] == "draft" and release["revision"] == 1
    assert r.headers["location"] == f"/v1/releases/{release['id']}"
    got = await client.get(f"/v1/releases/{release['id']}", headers=auth("viewer", "PAY"))
    assert got.status_code == 200 and got.json()["name"] == "Wallet"
    listed = (await client.get("/v1/projects/PAY/releases", headers=auth("viewer", "PAY"))).json()
    assert [x["version"] for x in listed["items"]] == ["1.4.0"]


async def test_version_unique_per_project(client, auth):
    r = await client.post("/v1/projects/PAY/releases", json={"version": "1.0.0"}, headers=auth())
    assert r.status_code == 201
    r = await client.post("/v1/projects/PAY/releases", json={"version": "1.0.0"}, headers=auth())
    assert r.status_code == 409
    r = await client.post("/v1/projects/OPS/releases", json={"version": "1.0.0"}, headers=auth())
    assert r.status_code == 201


@pytest.mark.parametrize("version", ["1.0", "v1.0.0", "01.0.0", "1.0.0-", "", "1.0.0+meta+x"])
async def test_invalid_semver_is_422(client, auth, version):
    r = await client.post("/v1/projects/PAY/releases", json={"version": version}, headers=auth())
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "body.version"


async def test_release_roles_and_visibility(client, auth):
    assert (
        await client.post(
            "/v1/projects/PAY/releases", json={"version": "1.0.0"}, headers=auth("engineer", "PAY")
        )
    ).status_code == 403
    r = await client.post("/v1/projects/PAY/releases", json={"version": "1.0.0"}, headers=auth("pm", "PAY"))
    rid = r.json()["id"]
    assert (await client.get(f"/v1/releases/{rid}", headers=auth("admin", "OPS"))).status_code == 404
    assert (await client.get("/v1/releases/not-a-uuid", headers=auth())).status_code == 422
