"""Finding a release by project and version: the releases list's `version` filter (what CI uses to gate
the release of its tag)."""


async def test_list_filters_by_exact_version(client, auth):
    for project, version in [("PAY", "1.4.0"), ("PAY", "1.4.0-rc.1"), ("PAY", "1.4.1"), ("OPS", "1.4.0")]:
        r = await client.post(f"/v1/projects/{project}/releases", json={"version": version}, headers=auth())
        assert r.status_code == 201, r.text
    viewer = auth("viewer", "PAY")
    page = (await client.get("/v1/projects/PAY/releases", params={"version": "1.4.0"}, headers=viewer)).json()
    assert [(x["project_key"], x["version"]) for x in page["items"]] == [("PAY", "1.4.0")]
    assert page["next_cursor"] is None
    for absent in ("1.4", "v1.4.0", "9.9.9", "1.4.0 "):
        r = await client.get("/v1/projects/PAY/releases", params={"version": absent}, headers=viewer)
        assert r.status_code == 200 and r.json()["items"] == [], (absent, r.text)
    r = await client.get("/v1/projects/PAY/releases", params={"version": "1" * 101}, headers=viewer)
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "query.version", r.text
