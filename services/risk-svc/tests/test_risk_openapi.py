"""The register's OpenAPI surface: readable unique operation ids, every error declared as a problem."""

import re
from collections import Counter

MINE = re.compile(r"^/v1/(risks|risk-actions|projects/\{key\}/(risks|risk-|reviews))")


async def test_operation_ids_and_declared_problems(client):
    spec = (await client.get("/openapi.json")).json()
    ops = [(path, method, op) for path, item in spec["paths"].items() for method, op in item.items()]
    ids = Counter(op["operationId"] for _, _, op in ops)
    assert [name for name, n in ids.items() if n > 1] == []
    mine = [(path, method, op) for path, method, op in ops if MINE.match(path)]
    assert len(mine) >= 29
    for path, method, op in mine:
        assert re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", op["operationId"]), op["operationId"]
        assert {"401", "403", "422"} <= set(op["responses"]), (method, path)
        for code, response in op["responses"].items():
            if code.startswith(("4", "5")):
                assert "application/problem+json" in response["content"], (method, path, code)
        if method in ("post", "patch") and "requestBody" in op:
            assert "413" in op["responses"], (method, path)
    schemas = spec["components"]["schemas"]
    assert schemas["RiskCreate"]["additionalProperties"] is False
    assert schemas["RiskPublic"]["properties"]["key"]["examples"] == ["PAY-R7"]
