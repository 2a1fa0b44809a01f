import pytest
from risk_svc.matrix.schemas import DEFAULT_CADENCE, DEFAULT_IMPACT, DEFAULT_PROBABILITY

MATRIX = {
    "probability_labels": DEFAULT_PROBABILITY,
    "impact_labels": DEFAULT_IMPACT,
    "thresholds": [
        {"level": "low", "min_score": 1, "max_score": 3},
        {"level": "medium", "min_score": 4, "max_score": 9},
        {"level": "high", "min_score": 10, "max_score": 15},
        {"level": "critical", "min_score": 16, "max_score": 25},
    ],
    "review_cadence_days": DEFAULT_CADENCE,
    "gate_level": "critical",
}


async def test_default_then_saved_matrix(client, auth):
    r = await client.get("/v1/projects/PAY/risk-matrix", headers=auth("viewer", "PAY"))
    assert r.status_code == 200
    body = r.json()
    assert body["is_default"] is True and body["gate_level"] == "high"
    assert [t["level"] for t in body["thresholds"]] == ["low", "medium", "high", "critical"]
    r = await client.put("/v1/projects/PAY/risk-matrix", json=MATRIX, headers=auth("tpm", "PAY"))
    assert r.status_code == 200, r.text
    assert r.headers["etag"] == '"1"' and r.json()["is_default"] is False
    r = await client.get("/v1/projects/PAY/risk-matrix", headers=auth("viewer", "PAY"))
    assert r.json()["gate_level"] == "critical" and r.json()["thresholds"][0]["max_score"] == 3


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"thresholds": [{**MATRIX["thresholds"][0], "max_score": 2}, *MATRIX["thresholds"][1:]]}, "gap"),
        ({"thresholds": [{**MATRIX["thresholds"][0], "max_score": 5}, *MATRIX["thresholds"][1:]]}, "overlap"),
        ({"gate_level": "severe"}, "gate_level"),
        ({"probability_labels": ["a", "b"]}, "probability_labels"),
        ({"review_cadence_days": {"low": 0, "medium": 30, "high": 14, "critical": 7}}, "review_cadence_days"),
        ({"extra": True}, "extra"),
    ],
)
async def test_bad_matrices_are_422_and_change_nothing(client, auth, change, needle):
    r = await client.put(
        "/v1/projects/PAY/risk-matrix", json={**MATRIX, **change}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 422
    assert needle in r.text
    assert (await client.get("/v1/projects/PAY/risk-matrix", headers=auth())).json()["is_default"] is True


async def test_matrix_roles_and_if_match(client, auth):
    r = await client.put("/v1/projects/PAY/risk-matrix", json=MATRIX, headers=auth("engineer", "PAY"))
    assert r.status_code == 403
    r = await client.put("/v1/projects/PAY/risk-matrix", json=MATRIX, headers=auth("tpm", "PAY"))
    assert r.status_code == 200
    r = await client.put(
        "/v1/projects/PAY/risk-matrix",
        json={**MATRIX, "gate_level": "high"},
        headers={**auth("tpm", "PAY"), "If-Match": '"0"'},
    )
    assert r.status_code == 412
    r = await client.get("/v1/projects/PAY/risk-matrix", headers=auth())
    assert r.json()["gate_level"] == "critical"
    r = await client.get("/v1/projects/pay/risk-matrix", headers=auth())
    assert r.status_code == 422
