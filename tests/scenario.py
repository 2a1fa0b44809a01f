"""The TPM Hub walkthrough as code: a release from PRD to full rollout, through the SDK and the CLI.
Used by tests/test_scenario_e2e.py (against the services as real processes) and by `make demo`
(against a running `make up`). Every step checks what it expects, so the walkthrough cannot drift from
the product."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from tpmhub_sdk import Hub
from tpmhub_sdk.requirements.api.projects import create_project
from tpmhub_sdk.requirements.models import ProjectCreate

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "ci-webhooks"
PRD_MARKDOWN = """# Wallet checkout

## Background
Checkout conversion fell 4% after the card form redesign.

## Goals
Pay with a stored wallet in two taps.

## Functional requirements
Users pick a stored wallet; the payment is authorised in one call.

## Non-functional requirements
p99 of the authorise call under 300 ms at 2,000 requests per second.
"""


class Walkthrough:
    """Runs the story step by step; `log` receives one line per step for people watching."""

    def __init__(
        self,
        *,
        urls: dict[str, str],
        token_for: Callable[..., str],
        project: str = "WAL",
        log: Callable[[str], None] = print,
        fixtures: Path = FIXTURES,
    ) -> None:
        self.urls = urls
        self.token_for = token_for
        self.project = project
        self.log = log
        self.fixtures = fixtures
        self.config_dir = Path(tempfile.mkdtemp(prefix="tpm-cli-"))

    # ---- plumbing -----------------------------------------------------------------------------------

    def http(self, service: str, user: str = "tina", role: str = "tpm") -> httpx.Client:
        """The SDK's authenticated client for one person (httpx underneath)."""
        hub = Hub(
            token=self.token_for(role, self.project, sub=user),
            requirements_url=self.urls["requirements"],
            risk_url=self.urls["risk"],
            release_url=self.urls["release"],
        )
        return getattr(hub, service).get_httpx_client()

    def call(
        self,
        service: str,
        method: str,
        path: str,
        *,
        user: str = "tina",
        role: str = "tpm",
        expect: int | tuple[int, ...] = (200, 201),
        **kw: Any,
    ) -> Any:
        response = self.http(service, user, role).request(method, path, **kw)
        expected = (expect,) if isinstance(expect, int) else expect
        if response.status_code not in expected:
            raise AssertionError(f"{method} {path} → {response.status_code}: {response.text[:800]}")
        is_json = response.content and "json" in response.headers.get("content-type", "")
        return response.json() if is_json else None

    def tpm(self, *args: str, user: str = "tina", role: str = "tpm", expect_exit: int = 0) -> str:
        """Run the `tpm` CLI as a person would."""
        env = {
            **os.environ,
            "TPM_TOKEN": self.token_for(role, self.project, sub=user),
            "TPM_REQUIREMENTS_URL": self.urls["requirements"],
            "TPM_RISK_URL": self.urls["risk"],
            "TPM_RELEASE_URL": self.urls["release"],
            "TPM_CONFIG": str(self.config_dir / "config.json"),
            "COLUMNS": "200",
        }
        result = subprocess.run(
            [sys.executable, "-m", "tpmhub_cli", *args], env=env, capture_output=True, text=True, timeout=60
        )
        if result.returncode != expect_exit:
            raise AssertionError(
                f"tpm {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
            )
        return result.stdout

    def wait_for(self, check: Callable[[], Any], what: str, timeout: float = 30.0) -> Any:
        """Poll until `check` returns something true (the scheduler runs about once a second)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                found = check()
            except StopIteration:
                found = None
            if found:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
            time.sleep(0.25)

    def _deployment_status_payload(self) -> bytes:
        """GitHub's published deployment_status example when the fixtures are beside the checkout;
        otherwise (a newcomer's `make demo`) the same fields, trimmed to what TPM Hub reads."""
        published = self.fixtures / "github" / "deployment_status.created.success.json"
        if published.exists():
            return published.read_bytes()
        return json.dumps(
            {
                "action": "created",
                "deployment_status": {
                    "state": "success",
                    "environment": "production",
                    "created_at": "2019-05-15T15:20:55Z",
                    "updated_at": "2019-05-15T15:20:55Z",
                },
                "deployment": {
                    "ref": "master",
                    "sha": "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
                    "environment": "production",
                    "created_at": "2019-05-15T15:20:53Z",
                },
                "repository": {"full_name": "Codertocat/Hello-World"},
            }
        ).encode()

    # ---- the story ----------------------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        p = self.project
        self.log(f"1. project {p}")
        hub = Hub(
            token=self.token_for("admin", "*", sub="tina"),
            requirements_url=self.urls["requirements"],
            risk_url=self.urls["risk"],
            release_url=self.urls["release"],
        )
        created = create_project.sync_detailed(
            client=hub.requirements, body=ProjectCreate(key=p, name="Wallet checkout")
        )
        assert created.status_code == 201, created.content

        self.log("2. PRD written from Markdown, reviewed and approved (CLI)")
        prd_file = self.config_dir / "prd.md"
        prd_file.write_text(PRD_MARKDOWN)
        prd = json.loads(self.tpm("-o", "json", "prd", "create", p, str(prd_file)))
        self.tpm("-o", "json", "prd", "submit", prd["id"], "--reviewer", "paula")
        self.tpm(
            "-o",
            "json",
            "prd",
            "review",
            prd["id"],
            "--approve",
            "--comment",
            "ship it",
            user="paula",
            role="pm",
        )
        approved = self.call("requirements", "GET", f"/v1/prds/{prd['id']}")
        assert approved["status"] == "approved", approved

        self.log("3. epic → feature → stories with acceptance criteria")
        epic = self.call(
            "requirements",
            "POST",
            f"/v1/projects/{p}/items",
            json={"type": "epic", "title": "Wallet checkout"},
        )
        feature = self.call(
            "requirements",
            "POST",
            f"/v1/projects/{p}/items",
            json={"type": "feature", "title": "Stored wallets", "parent": epic["key"]},
        )
        stories = [
            self.call(
                "requirements",
                "POST",
                f"/v1/projects/{p}/items",
                json={
                    "type": "story",
                    "title": title,
                    "parent": feature["key"],
                    "points": 3,
                    "criteria": [f"Given a stored wallet, when {when}, then it succeeds"],
                },
            )
            for title, when in [("Pick a stored wallet", "I pick it"), ("Authorise in one call", "I pay")]
        ]
        story_keys = [s["key"] for s in stories]

        self.log("4. a high risk linked to the first story")
        risk = self.call(
            "risk",
            "POST",
            f"/v1/projects/{p}/risks",
            json={
                "title": "Wallet provider rate limits at peak",
                "category": "dependency",
                "probability": 4,
                "impact": 4,
                "links": {"items": [story_keys[0]]},
            },
        )
        assert risk["level"] in ("high", "critical"), risk

        self.log("5. release with scope, a two-service deploy DAG and the go/no-go checklist")
        release = self.call(
            "release",
            "POST",
            f"/v1/projects/{p}/releases",
            json={
                "version": "1.0.0",
                "name": "Wallet checkout",
                "scope": story_keys,
                "repository": "Codertocat/Hello-World",
                "steps": [
                    {
                        "name": "migrate-wallets",
                        "component": "payments-api",
                        "kind": "migration",
                        "rollback": "drop column wallet_id",
                    },
                    {
                        "name": "deploy-payments-api",
                        "component": "payments-api",
                        "kind": "deploy",
                        "depends_on": ["migrate-wallets"],
                    },
                    {
                        "name": "deploy-checkout-web",
                        "component": "checkout-web",
                        "kind": "deploy",
                        "depends_on": ["deploy-payments-api"],
                    },
                ],
                "approvers": ["alice", "bob"],
                "required_approvals": 2,
            },
        )
        rid = release["id"]
        plan = self.call("release", "GET", f"/v1/releases/{rid}/plan")
        assert json.dumps(plan).index("migrate-wallets") < json.dumps(plan).index("deploy-checkout-web")
        self.call("release", "POST", f"/v1/releases/{rid}/submit", json={})

        self.log("6. the gate says no, with each reason (CLI exits 1)")
        gate = self.call("release", "GET", f"/v1/releases/{rid}/gate", role="ci", user="pipeline")
        failing = {c["name"] for c in gate["checks"] if not c["passed"]}
        assert not gate["allowed"] and failing, gate
        self.tpm("release", "gate", rid, expect_exit=1, role="ci", user="pipeline")

        self.log(f"7. fixing each reason: {', '.join(sorted(failing))}")
        for story in stories:
            criteria = self.call("requirements", "GET", f"/v1/items/{story['key']}/criteria")
            for criterion in criteria.get("items", []) if isinstance(criteria, dict) else criteria:
                self.tpm(
                    "item",
                    "pass",
                    criterion["id"],
                    "--evidence",
                    "https://ci.example.com/run/1",
                    role="qa",
                    user="quinn",
                )
            for status in ("ready", "in_progress", "in_review", "done"):
                self.tpm("item", "transition", story["key"], status, role="engineer", user="eve")
        for status_action in ("mitigate", "monitor"):
            self.call("risk", "POST", f"/v1/risks/{risk['key']}/{status_action}", json={})
        self.call(
            "risk",
            "POST",
            f"/v1/risks/{risk['key']}/close",
            json={"reason": "mitigated", "comment": "Provider raised our limit"},
        )
        checklist = self.call("release", "GET", f"/v1/releases/{rid}/checklist")
        for item in checklist.get("items", []) if isinstance(checklist, dict) else checklist:
            self.call(
                "release",
                "PATCH",
                f"/v1/releases/{rid}/checklist/{item['id']}",
                json={"status": "done", "evidence_url": "https://wiki.example.com/go-no-go"},
            )
        for approver in ("alice", "bob"):
            self.call(
                "release",
                "POST",
                f"/v1/releases/{rid}/approvals",
                user=approver,
                role="tpm",
                json={"decision": "approve", "comment": "go"},
            )

        self.log("8. the gate says yes (CLI exits 0)")
        gate = self.call("release", "GET", f"/v1/releases/{rid}/gate", role="ci", user="pipeline")
        assert gate["allowed"], [c for c in gate["checks"] if not c["passed"]]
        self.tpm("release", "gate", rid, role="ci", user="pipeline")

        self.log("9. a freeze on `prod` (= production): the gate refuses the rollout; the TPM overrides it")
        operators = {1: "oscar", 10: "olga", 50: "oscar", 100: "olga"}
        rollout = self.call(
            "release",
            "POST",
            f"/v1/releases/{rid}/rollouts",
            json={
                "name": "wallet",
                "environment": "prod",
                "unit_kind": "user",
                "group_id": "wallet-checkout",
                "on_breach": "pause",
                "breach_threshold": 1,
                "bake_seconds": 2,
                "stages": [
                    {
                        "percent": pct,
                        "operator": op,
                        "min_hold_seconds": 0,
                        "guardrails": ["error_rate <= 0.01"],
                    }
                    for pct, op in operators.items()
                ],
            },
        )
        ro = rollout["id"]
        assert rollout["environment"] == "production", rollout
        now = datetime.now(UTC)
        freeze = self.call(
            "release",
            "POST",
            f"/v1/projects/{p}/freeze-windows",
            json={
                "name": "Payments peak",
                "environments": ["prod"],
                "starts_at": (now - timedelta(minutes=5)).isoformat(),
                "ends_at": (now + timedelta(hours=2)).isoformat(),
            },
        )
        assert freeze["environments"] == ["production"], freeze
        refused = self.http("release", "oscar", "engineer").post(f"/v1/rollouts/{ro}/start", json={})
        assert refused.status_code == 409, refused.text
        assert [c["name"] for c in refused.json()["checks"]] == ["freeze"], refused.json()
        self.tpm("rollout", "start", ro, user="oscar", role="engineer", expect_exit=1)
        override = "Wallet launch date agreed with the freeze owner"
        # Only a tpm/admin may override (the engineer is refused), and the reason is recorded.
        self.tpm(
            "rollout",
            "start",
            ro,
            "--override-reason",
            override,
            user="oscar",
            role="engineer",
            expect_exit=1,
        )
        self.tpm("rollout", "start", ro, "--override-reason", override)
        audit = self.call("release", "GET", f"/v1/rollouts/{ro}/history", params={"limit": 100})["items"]
        assert [e["note"] for e in audit if e["action"] == "override_gate"] == [override], audit
        self.call("release", "DELETE", f"/v1/freeze-windows/{freeze['id']}", expect=204)

        self.log(
            "10. rollout 1% → 10% → 50% → 100%: the first advance scheduled by its operator, the rest by hand"
        )
        at = (datetime.now(UTC) + timedelta(seconds=2)).isoformat()
        schedule = json.loads(
            self.tpm(
                "-o",
                "json",
                "rollout",
                "schedule",
                ro,
                "advance",
                "--at",
                at,
                "--reason",
                "after the morning batch",
                user="oscar",
                role="engineer",
            )
        )
        assert schedule["status"] == "pending", schedule
        ran = self.wait_for(
            lambda: next(
                s
                for s in self.call("release", "GET", f"/v1/rollouts/{ro}/schedules")["items"]
                if s["id"] == schedule["id"] and s["status"] in ("done", "failed")
            ),
            "the scheduled advance to run",
        )
        assert ran["status"] == "done", ran
        assert self.call("release", "GET", f"/v1/rollouts/{ro}")["current_percent"] == 10

        self.log("11. a guardrail breach pauses it; it is resumed")
        self.call(
            "release",
            "POST",
            f"/v1/rollouts/{ro}/metrics",
            role="ci",
            user="monitor",
            json={"readings": [{"metric": "error_rate", "value": 0.2, "cohort": "canary"}]},
        )
        paused = self.call("release", "GET", f"/v1/rollouts/{ro}")
        assert paused["status"] == "paused", paused
        self.tpm("rollout", "resume", ro, "--reason", "bad node drained")
        self.tpm("rollout", "advance", ro, user="olga", role="engineer")
        self.tpm("rollout", "advance", ro, user="oscar", role="engineer")
        state = self.call("release", "GET", f"/v1/rollouts/{ro}")
        assert state["current_percent"] == 100, state
        decide = json.loads(self.tpm("-o", "json", "rollout", "decide", ro, "user-1"))
        assert decide["enabled"] is True, decide

        self.log(
            "11b. completing starts the bake: 100% with the guardrails still judged, then it completes itself"
        )
        baking = self.call(
            "release", "POST", f"/v1/rollouts/{ro}/complete", json={}, user="olga", role="engineer"
        )
        assert baking["status"] == "running" and baking["baking"] is True, baking
        self.call(
            "release",
            "POST",
            f"/v1/rollouts/{ro}/metrics",
            role="ci",
            user="monitor",
            json={"readings": [{"metric": "error_rate", "value": 0.001, "cohort": "canary"}]},
        )
        done = self.wait_for(
            lambda: (r := self.call("release", "GET", f"/v1/rollouts/{ro}"))["status"] == "completed" and r,
            "the bake to pass and the rollout to complete",
        )
        assert done["current_percent"] == 100, done

        self.log("11c. a second rollout planned for staging is aborted with its reason")
        spare = self.call(
            "release",
            "POST",
            f"/v1/releases/{rid}/rollouts",
            json={
                "name": "wallet-staging",
                "environment": "staging",
                "unit_kind": "user",
                "group_id": "wallet-checkout-staging",
                "stages": [{"percent": 100, "operator": "oscar", "min_hold_seconds": 0}],
            },
        )
        aborted = json.loads(
            self.tpm("-o", "json", "rollout", "abort", spare["id"], "--reason", "staging already verified")
        )
        assert aborted["status"] == "aborted" and aborted["abort_reason"] == "staging already verified", (
            aborted
        )

        self.log("12. a signed GitHub deployment_status webhook records the production deployment")
        source = self.call(
            "release",
            "POST",
            f"/v1/projects/{p}/ci-sources",
            json={
                "provider": "github",
                "repository": "Codertocat/Hello-World",
                "name": "main pipeline",
                "production_environments": ["production"],
            },
        )
        body = self._deployment_status_payload()
        signature = "sha256=" + hmac.new(source["secret"].encode(), body, hashlib.sha256).hexdigest()
        delivered = httpx.post(
            f"{self.urls['release']}/v1/webhooks/github",
            content=body,
            headers={
                "Content-Type": "application/json",
                "X-GitHub-Event": "deployment_status",
                "X-GitHub-Delivery": str(uuid.uuid4()),
                "X-Hub-Signature-256": signature,
            },
        )
        assert delivered.status_code in (200, 202), delivered.text

        self.log("13. DORA shows it")
        # The published payload is from 2019: look back far enough to include it.
        dora = json.loads(self.tpm("-o", "json", "dora", p, "--days", "366", "--until", "2019-12-31"))
        assert dora["deployments"] >= 1, dora

        self.log("14. health, the weekly report and the risk heatmap from the CLI")
        health = json.loads(self.tpm("-o", "json", "health", p))
        assert health["status"] in ("on_track", "at_risk", "off_track"), health
        assert p in self.tpm("health", p)
        weekly = self.tpm("report", p, "--week")
        assert weekly.lstrip().startswith("#") and "1.0.0" in weekly, weekly[:500]
        assert "P \\ I" in self.tpm("risk", "heatmap", p)

        self.log("15. the retrospective drafts itself")
        retro = self.call("release", "POST", f"/v1/releases/{rid}/retrospective", json={})
        facts = json.dumps(retro["facts"])
        assert "pause" in facts or "guardrail" in facts, retro["facts"]
        overrides = retro["facts"]["gate"]["overrides"]
        assert [(o["by"], o["reason"], o["failed_checks"]) for o in overrides] == [
            ("tina", override, ["freeze"])
        ], overrides
        self.log("done: released with a full audit trail")
        return {
            "project": p,
            "release": rid,
            "rollout": ro,
            "gate_failures_first": sorted(failing),
            "gate_overrides": overrides,
            "dora": dora,
            "retrospective": retro,
        }


def main() -> None:
    """`make demo`: seed the walkthrough into a running stack (`make up` in another terminal)."""
    from tpmhub_shared.auth import issue_token
    from tpmhub_shared.settings import CommonSettings

    settings = CommonSettings()
    urls = {
        "requirements": settings.requirements_url,
        "risk": settings.risk_url,
        "release": settings.release_url,
    }
    project = os.environ.get("DEMO_PROJECT", "DEMO" + uuid.uuid4().hex[:4].upper())

    def token_for(role: str, project_key: str = "*", *, sub: str = "demo") -> str:
        return issue_token(
            settings,
            sub=sub,
            name=sub.title(),
            roles={project_key: role, "*": "viewer"} if project_key != "*" else {"*": role},
        )

    result = Walkthrough(urls=urls, token_for=token_for, project=project).run()
    print(json.dumps({k: v for k, v in result.items() if k != "retrospective"}, indent=2, default=str))


if __name__ == "__main__":
    main()
