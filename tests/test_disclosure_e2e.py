"""Existence is not disclosed: every route of the three services that addresses one resource by id or
key (outside `/projects/{key}`) answers a caller with no role on the resource's project exactly as it
answers an id that does not exist — same status, same body but for the id asked and `instance`.

The routes come from each running service's OpenAPI document, so a new by-id route is covered the
day it is added (give it a valid body below if `{}` does not validate)."""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.e2e

SERVICES = ("requirements", "risk", "release")
# Deployment-wide operations (admins of every project only): both answers are the same 403.
DEPLOYMENT_WIDE = {("POST", "/v1/event-deliveries/{delivery_id}/replay")}

_SOON = (datetime.now(UTC) + timedelta(days=30)).isoformat()
_LATER = (datetime.now(UTC) + timedelta(days=31)).isoformat()
# A valid body for each write whose body is more than `{}`: a missing resource must not hide behind a 422.
BODIES: dict[tuple[str, str], Any] = {
    ("POST", "/v1/prds/{doc_id}/submit"): {"reviewers": [{"reviewer": "rita"}]},
    ("POST", "/v1/designs/{doc_id}/submit"): {"reviewers": [{"reviewer": "rita", "domain": "ops"}]},
    ("POST", "/v1/prds/{doc_id}/decide"): {"decision": "approve"},
    ("POST", "/v1/designs/{doc_id}/decide"): {"decision": "approve"},
    ("POST", "/v1/items/{key}/transition"): {"to": "ready"},
    ("POST", "/v1/items/{key}/criteria"): {"text": "Given a wallet, it pays"},
    ("POST", "/v1/criteria/{criterion_id}/verify"): {"status": "passed"},
    ("POST", "/v1/iterations/{iteration_id}/commit"): {"items": ["ZZZ-1"]},
    ("POST", "/v1/risks/{key}/close"): {"reason": "mitigated", "comment": "Provider raised our limit"},
    ("POST", "/v1/risks/{key}/occur"): {"occurred_at": "2026-11-20T09:30:00Z", "description": "It happened"},
    ("POST", "/v1/risks/{key}/assessments"): {"probability": 2, "impact": 2},
    # Link targets are checked before the risk is loaded: link one that exists.
    ("POST", "/v1/risks/{key}/links"): lambda ids: {"items": [ids["items:key"]]},
    ("POST", "/v1/risks/{key}/actions"): {"title": "Negotiate", "owner": "bob", "due_date": "2030-01-01"},
    ("POST", "/v1/risks/{key}/reviews"): {"outcome": "unchanged"},
    ("POST", "/v1/risks/{key}/escalate"): {"reason": "Needs a decision"},
    ("POST", "/v1/risks/{key}/deescalate"): {"reason": "Decided"},
    ("POST", "/v1/releases/{release_id}/approvals"): {"decision": "approve"},
    ("POST", "/v1/releases/{release_id}/checklist"): {"title": "Reconciliation"},
    ("POST", "/v1/releases/{release_id}/freeze-exceptions"): {
        "freeze_window_id": str(uuid.uuid4()),
        "reason": "Hotfix",
    },
    ("POST", "/v1/releases/{release_id}/rollouts"): {"stages": [{"percent": 100, "operator": "bob"}]},
    ("POST", "/v1/rollouts/{rollout_id}/metrics"): {"metric": "error_rate", "value": 0.001},
    ("POST", "/v1/rollouts/{rollout_id}/decide"): {"units": ["user-1"]},
    ("POST", "/v1/releases/{release_id}/verifications"): {"scenario": "Pay and refund", "result": "passed"},
    ("POST", "/v1/rollouts/{rollout_id}/abort"): {"reason": "Wrong build"},
    ("POST", "/v1/rollouts/{rollout_id}/schedules"): {
        "action": "start",
        "at": (datetime.now(UTC) + timedelta(days=3)).isoformat(),
        "reason": "At night",
    },
}
QUERIES: dict[tuple[str, str], dict[str, str]] = {
    ("GET", "/v1/prds/{doc_id}/diff"): {"from": "1"},
    ("GET", "/v1/designs/{doc_id}/diff"): {"from": "1"},
    ("GET", "/v1/rollouts/{rollout_id}/decide"): {"unit": "user-1"},
}


def _ok(response: httpx.Response) -> Any:
    assert response.status_code < 300, f"{response.request.method} {response.request.url}: {response.text}"
    return response.json() if response.content else None


def _items(body: Any) -> list[Any]:
    return body["items"] if isinstance(body, dict) else body


def _project(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:6].upper()


def seed(stack: Any, project: str) -> dict[str, str]:
    """One of each resource in `project`, created by its admin; returns path parameter → real value,
    keyed by the path segment in front of the parameter (`prds`, `versions`, `checklist`, …)."""
    h = stack.headers("admin", project)
    req = httpx.Client(base_url=stack.url("requirements"), headers=h, timeout=30)
    risk = httpx.Client(base_url=stack.url("risk"), headers=h, timeout=30)
    rel = httpx.Client(base_url=stack.url("release"), headers=h, timeout=30)
    admin = stack.headers("admin", "*")
    _ok(req.post("/v1/projects", json={"key": project, "name": "Hidden"}, headers=admin))
    subs = {
        name: _ok(
            client.post(
                "/v1/subscriptions",
                json={
                    "url": "https://hooks.example.com/tpmhub",
                    "event_types": ["*"],
                    "project_key": project,
                },
            )
        )["id"]
        for name, client in (("requirements", req), ("risk", risk), ("release", rel))
    }
    ids: dict[str, str] = {}
    for kind in ("prds", "designs"):
        doc = _ok(req.post(f"/v1/projects/{project}/{kind}", json={"title": "Wallet"}))
        reviewer = {"reviewer": "alice"} if kind == "prds" else {"reviewer": "alice", "domain": "ops"}
        _ok(req.post(f"/v1/{kind}/{doc['id']}/submit", json={"reviewers": [reviewer]}))
        _ok(req.post(f"/v1/{kind}/{doc['id']}/decide", json={"decision": "approve"}))
        ids[f"{kind}:doc_id"] = doc["id"]
        if kind == "prds":
            full = _ok(req.get(f"/v1/prds/{doc['id']}"))
            ids["sections:section_id"] = full["sections"][0]["id"]
    ids["versions:number"] = "1"
    item = _ok(
        req.post(
            f"/v1/projects/{project}/items", json={"type": "story", "title": "Pay", "criteria": ["It pays"]}
        )
    )
    ids["items:key"] = item["key"]
    ids["criteria:criterion_id"] = _items(_ok(req.get(f"/v1/items/{item['key']}/criteria")))[0]["id"]
    ids["iterations:iteration_id"] = _ok(
        req.post(
            f"/v1/projects/{project}/iterations",
            json={"name": "Sprint 1", "start_date": "2030-01-01", "end_date": "2030-01-14"},
        )
    )["id"]
    ids["milestones:milestone_id"] = _ok(
        req.post(f"/v1/projects/{project}/milestones", json={"name": "Beta", "target_date": "2030-02-01"})
    )["id"]
    ids["change-requests:key"] = _ok(
        req.post(
            f"/v1/projects/{project}/change-requests",
            json={"title": "Drop the wallet limit", "affected_items": [item["key"]]},
        )
    )["key"]

    r = _ok(
        risk.post(
            f"/v1/projects/{project}/risks",
            json={
                "title": "Rate limits",
                "category": "dependency",
                "probability": 3,
                "impact": 3,
                "links": {"items": [item["key"]]},
            },
        )
    )
    ids["risks:key"] = r["key"]
    ids["links:target_type"], ids["{target_type}:target"] = "item", item["key"]
    ids["risk-actions:action_id"] = _ok(
        risk.post(
            f"/v1/risks/{r['key']}/actions",
            json={"title": "Negotiate", "owner": "bob", "due_date": "2030-01-01"},
        )
    )["id"]

    release = _ok(
        rel.post(
            f"/v1/projects/{project}/releases",
            json={"version": "1.0.0", "approvers": ["alice"], "required_approvals": 1},
        )
    )
    ids["releases:release_id"] = release["id"]
    ids["checklist:item_id"] = _items(_ok(rel.get(f"/v1/releases/{release['id']}/checklist")))[0]["id"]
    window = _ok(
        rel.post(
            f"/v1/projects/{project}/freeze-windows",
            json={"name": "Freeze", "starts_at": _SOON, "ends_at": _LATER},
        )
    )
    ids["freeze-windows:window_id"] = window["id"]
    ids["freeze-exceptions:exception_id"] = _ok(
        rel.post(
            f"/v1/releases/{release['id']}/freeze-exceptions",
            json={"freeze_window_id": window["id"], "reason": "Hotfix"},
        )
    )["id"]
    retro = _ok(rel.post(f"/v1/releases/{release['id']}/retrospective"))
    retro = _ok(
        rel.patch(
            f"/v1/releases/{release['id']}/retrospective",
            json={"action_items": [{"title": "Automate the dry run"}]},
            headers={**h, "If-Match": f'"{retro["version"]}"'},
        )
    )
    ids["action-items:item_id"] = retro["action_items"][0]["id"]
    ids["rollouts:rollout_id"] = _ok(
        rel.post(
            f"/v1/releases/{release['id']}/rollouts", json={"stages": [{"percent": 100, "operator": "bob"}]}
        )
    )["id"]
    in_two_days = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    ids["schedules:schedule_id"] = _ok(
        rel.post(
            f"/v1/rollouts/{ids['rollouts:rollout_id']}/schedules",
            json={"action": "start", "at": in_two_days, "reason": "night"},
        )
    )["id"]
    # A verification is recorded while deploying: approve the release, tick its checklist, deploy it.
    _ok(rel.post(f"/v1/releases/{release['id']}/submit", json={}))
    _ok(rel.post(f"/v1/releases/{release['id']}/approvals", json={"decision": "approve"}))
    for check in _items(_ok(rel.get(f"/v1/releases/{release['id']}/checklist"))):
        _ok(
            rel.patch(
                f"/v1/releases/{release['id']}/checklist/{check['id']}",
                json={"status": "done", "evidence_url": "https://wiki.example.com/go"},
            )
        )
    _ok(rel.post(f"/v1/releases/{release['id']}/start-deploy", json={}))
    ids["verifications:verification_id"] = _ok(
        rel.post(f"/v1/releases/{release['id']}/verifications", json={"scenario": "Pay", "result": "passed"})
    )["id"]
    ids["ci-sources:source_id"] = _ok(
        rel.post(
            f"/v1/projects/{project}/ci-sources",
            json={"provider": "github", "repository": f"acme/{project.lower()}"},
        )
    )["id"]
    ids["deployments:deployment_id"] = _ok(
        rel.post(
            f"/v1/projects/{project}/deployments",
            json={"environment": "production", "commit_sha": "9fceb02d0ae598e95dc970b74767f19372d61af8"},
        )
    )["id"]

    ids.update({f"{name}/subscriptions:subscription_id": sub for name, sub in subs.items()})
    for name, client in (("requirements", req), ("risk", risk), ("release", rel)):
        sub = subs[name]
        deliveries = _items(_ok(client.get(f"/v1/subscriptions/{sub}/deliveries")))
        ids[f"{name}/deliveries:delivery_id"] = deliveries[0]["id"] if deliveries else str(uuid.uuid4())
        dead = _items(_ok(client.get("/v1/event-deliveries", headers=admin)))
        ids[f"{name}/event-deliveries:delivery_id"] = dead[0]["id"] if dead else str(uuid.uuid4())
    return ids


def _param_value(ids: dict[str, str], service: str, path: str, param: str) -> str:
    segments = path.split("/")
    before = segments[segments.index("{" + param + "}") - 1]
    for key in (f"{service}/{before}:{param}", f"{before}:{param}"):
        if key in ids:
            return ids[key]
    raise AssertionError(f"{service} {path}: no seeded value for {param} (after /{before}/); seed one")


def _random_value(path: str, param: str, real: str) -> str:
    if param == "number":
        return "987654"
    if param == "target_type":
        return real
    if re.fullmatch(r"[A-Z][A-Z0-9]*-(R|CR)?[0-9]+", real):
        return re.sub(r"[0-9]+$", "987654", real)
    return str(uuid.uuid4())


def _by_id_operations(spec: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted(
        (method.upper(), path)
        for path, ops in spec["paths"].items()
        if re.search(r"\{[^}]+\}", path) and not path.startswith("/v1/projects/{")
        for method in ops
        if method in ("get", "post", "put", "patch", "delete")
    )


def _comparable(response: httpx.Response, values: list[str]) -> str:
    body = response.json()
    body.pop("instance", None)
    text = json.dumps(body, sort_keys=True)
    for n, value in enumerate(sorted(values, key=len, reverse=True)):
        text = re.sub(rf"(?<![\w-]){re.escape(value)}(?![\w-])", f"<id{n}>", text)
    return text


def test_a_resource_of_a_project_without_a_role_answers_like_a_missing_one(stack: Any) -> None:
    hidden, mine = _project("H"), _project("M")
    ids = seed(stack, hidden)
    outsider = stack.headers("admin", mine)  # every power, on another project only
    owner = stack.headers("admin", hidden)
    checked, failures = 0, []
    for service in SERVICES:
        base = stack.url(service)
        spec = httpx.get(f"{base}/openapi.json", timeout=30).json()
        for method, path in _by_id_operations(spec):
            params = re.findall(r"\{([^}]+)\}", path)
            real = {p: _param_value(ids, service, path, p) for p in params}
            random = {p: _random_value(path, p, real[p]) for p in params}
            kwargs: dict[str, Any] = {"params": QUERIES.get((method, path), {})}
            if method in ("POST", "PUT", "PATCH"):
                body = BODIES.get((method, path), {})
                kwargs["json"] = body(ids) if callable(body) else body
            answers = []
            for headers, values in ((outsider, real), (outsider, random), (owner, random)):
                url = base + path.format(**values)
                answers.append((httpx.request(method, url, headers=headers, timeout=30, **kwargs), values))
            expected = 403 if (method, path) in DEPLOYMENT_WIDE else 404
            statuses = [a.status_code for a, _ in answers]
            bodies = {_comparable(a, list(v.values())) for a, v in answers}
            checked += 1
            if statuses != [expected] * 3 or len(bodies) != 1:
                failures.append(f"{service} {method} {path}: {statuses} {sorted(bodies)}")
    assert checked > 100, checked
    assert not failures, "\n".join(failures)
