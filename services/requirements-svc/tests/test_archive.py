"""The closing archive: a streamed zip with every PRD/design version as Markdown, the backlog, risks,
releases, gate decisions and retrospectives as JSON and CSV, and a README index — with the real risk-svc and
release-svc in-process as siblings."""

import asyncio
import csv
import io
import json
import socket
import uuid
import zipfile

import httpx
import pytest
from release_svc.gate.models import GateDecision
from requirements_svc.archive.zipstream import ZipStream
from requirements_svc.criteria.models import AcceptanceCriterion
from requirements_svc.document_versions.models import DocumentVersion
from requirements_svc.documents.models import Document
from requirements_svc.items.models import Item
from tpmhub_shared.db import Database
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.testing.plugin import ConfirmingWith, LifespanClient, migrated_database, truncate_all


@pytest.fixture(scope="session")
async def sibling_apps(backend, request, common_settings):
    from release_svc.main import SPEC as RELEASE_SPEC
    from release_svc.main import create_app as release_app
    from release_svc.settings import Settings as ReleaseSettings
    from risk_svc.main import SPEC as RISK_SPEC
    from risk_svc.main import create_app as risk_app
    from risk_svc.settings import Settings as RiskSettings

    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    risk_settings = await migrated_database(RISK_SPEC, RiskSettings, backend, pg, common_settings)
    release_settings = await migrated_database(RELEASE_SPEC, ReleaseSettings, backend, pg, common_settings)
    risk, release = LifespanClient(risk_app(risk_settings)), LifespanClient(release_app(release_settings))
    async with risk as risk_client, release as release_client:
        yield {
            "risk": (risk.app, risk_client, risk_settings),
            "release": (release.app, release_client, release_settings),
        }


@pytest.fixture
async def app(client):
    app = client._transport.app
    original = dict(app.state.siblings)
    yield app
    for name, sibling in app.state.siblings.items():
        if sibling is not original.get(name):
            await sibling.aclose()
    app.state.siblings.clear()
    app.state.siblings.update(original)


@pytest.fixture
async def wired(app, sibling_apps, req_settings):
    """risk-svc and release-svc in-process (clean databases) as this requirements-svc's siblings, and it as
    theirs (they confirm projects with it)."""
    for name, (sib_app, _, settings) in sibling_apps.items():
        await truncate_all(settings.database_url)
        app.state.siblings[name] = SiblingClient(
            name=f"{name}-svc",
            base_url=f"http://{name}",
            settings=req_settings.common,
            caller="requirements-svc",
            transport=httpx.ASGITransport(app=sib_app),
            timeout=10,
        )
    back = ConfirmingWith(app, *(sib_app for sib_app, _, _ in sibling_apps.values()))
    yield {
        "risk": sibling_apps["risk"][1],
        "release": sibling_apps["release"][1],
        "release_settings": sibling_apps["release"][2],
    }
    await back.restore()


@pytest.fixture
async def db(req_settings):
    database = Database(req_settings.database_url)
    yield database
    await database.dispose()


ITEMS = 1203  # more than two pages of 500


@pytest.fixture
async def project(client, auth, db, wired):
    r = await client.post(
        "/v1/projects",
        json={"key": "PAY", "name": "Payments 2.0", "goals": ["Ship wallets"]},
        headers=auth("tpm"),
    )
    assert r.status_code == 201, r.text
    async with db.session() as s, s.begin():
        items = [
            Item(
                project_key="PAY",
                key=f"PAY-{n}",
                number=n,
                type="story",
                title=f"Story {n}",
                status="ready",
                rank=f"i{n:06d}",
                points=1,
            )
            for n in range(1, ITEMS + 1)
        ]
        items[0].title = '=HYPERLINK("http://evil")'
        s.add_all(items)
        await s.flush()
        s.add(
            AcceptanceCriterion(
                item_id=items[1].id,
                project_key="PAY",
                item_key="PAY-2",
                text="Pays",
                position=0,
                status="passed",
            )
        )
        prd = Document(
            project_key="PAY",
            kind="prd",
            title="Wallet PRD",
            status="approved",
            owner="alice",
            revision=3,
            approved_revision=2,
        )
        s.add(prd)
        await s.flush()
        for n in (1, 2):
            s.add(
                DocumentVersion(
                    document_id=prd.id,
                    project_key="PAY",
                    kind="prd",
                    number=n,
                    title="Wallet PRD",
                    sections=[
                        {"key": "goals", "title": "Goals", "body": f"Goal text v{n}"},
                        {"key": "background", "title": "Background", "body": ""},
                    ],
                    review_round=n,
                    approvers=["carol"],
                    linked_items=["PAY-2"],
                )
            )
    h = auth("tpm", "PAY")
    for i in range(3):
        r = await wired["risk"].post(
            "/v1/projects/PAY/risks",
            headers=h,
            json={"title": f"Risk {i}", "category": "technical", "probability": 2, "impact": 3},
        )
        assert r.status_code == 201, r.text
    r = await wired["risk"].post(
        "/v1/risks/PAY-R2/close",
        headers=h,
        json={"reason": "no_longer_applicable", "comment": "Vendor dropped from scope"},
    )
    assert r.status_code == 200, r.text
    rel = await wired["release"].post("/v1/projects/PAY/releases", json={"version": "1.0.0"}, headers=h)
    assert rel.status_code == 201, rel.text
    rid = rel.json()["id"]
    retro = await wired["release"].post(f"/v1/releases/{rid}/retrospective", headers=h)
    assert retro.status_code == 201, retro.text
    # Setup only: a recorded gate answer (the gate itself is tested in release-svc).
    release_db = Database(wired["release_settings"].database_url)
    async with release_db.session() as s, s.begin():
        s.add(
            GateDecision(
                release_id=uuid.UUID(rid),
                project_key="PAY",
                version="1.0.0",
                environment="production",
                allowed=False,
                checks=[{"name": "scope", "passed": False, "reason": "1 item open"}],
                asked_by="ci",
            )
        )
    await release_db.dispose()
    return rid


async def download(client, auth, key="PAY"):
    chunks = []
    async with client.stream("GET", f"/v1/projects/{key}/archive", headers=auth("viewer", key)) as r:
        assert r.status_code == 200, await r.aread()
        assert r.headers["content-type"] == "application/zip"
        assert r.headers["content-disposition"].startswith(f'attachment; filename="{key}-archive-')
        async for chunk in r.aiter_raw():
            chunks.append(chunk)
    return chunks, zipfile.ZipFile(io.BytesIO(b"".join(chunks)))


async def test_archive_holds_everything_and_an_index(client, auth, project):
    _, z = await download(client, auth)
    assert z.testzip() is None
    names = set(z.namelist())
    for base in (
        "items",
        "milestones",
        "iterations",
        "change_requests",
        "risks",
        "releases",
        "gate_decisions",
        "retrospectives",
    ):
        assert f"{base}.json" in names and f"{base}.csv" in names, base
    assert {"README.md", "project.json", "manifest.json"} <= names
    docs = sorted(n for n in names if n.startswith("documents/"))
    prds = (await client.get("/v1/projects/PAY/prds", headers=auth("viewer", "PAY"))).json()["items"]
    prd_id = prds[0]["id"]
    assert docs == [f"documents/prds/{prd_id}/v1.md", f"documents/prds/{prd_id}/v2.md"]
    v2 = z.read(docs[1]).decode()
    assert v2.startswith("# Wallet PRD\n") and "- Version: 2" in v2 and "## Goals\n\nGoal text v2" in v2
    assert "- Linked items: PAY-2" in v2 and "## Background\n\n_(empty)_" in v2
    assert json.loads(z.read("project.json"))["goals"] == ["Ship wallets"]

    items = json.loads(z.read("items.json"))
    assert len(items) == ITEMS and [i["key"] for i in items[:3]] == ["PAY-1", "PAY-2", "PAY-3"]
    assert items[1]["acceptance_criteria"] == [
        {"text": "Pays", "status": "passed", "verified_by": None, "evidence_url": None}
    ]
    rows = list(csv.DictReader(io.StringIO(z.read("items.csv").decode())))
    assert len(rows) == ITEMS and rows[0]["key"] == "PAY-1"
    assert rows[0]["title"].startswith("'=HYPERLINK")  # no formula reaches a spreadsheet
    risks = json.loads(z.read("risks.json"))
    assert sorted(r["key"] for r in risks) == ["PAY-R1", "PAY-R2", "PAY-R3"]
    closed = {r["key"]: (r["status"], r["close_reason"], r["close_comment"]) for r in risks}
    assert closed["PAY-R2"] == ("closed", "no_longer_applicable", "Vendor dropped from scope")
    assert closed["PAY-R1"] == ("identified", None, None)
    risk_rows = {r["key"]: r for r in csv.DictReader(io.StringIO(z.read("risks.csv").decode()))}
    assert len(risk_rows) == 3
    assert risk_rows["PAY-R2"]["close_reason"] == "no_longer_applicable"
    assert risk_rows["PAY-R2"]["close_comment"] == "Vendor dropped from scope"
    [release] = json.loads(z.read("releases.json"))
    assert release["id"] == project
    [decision] = json.loads(z.read("gate_decisions.json"))
    assert decision["release_id"] == project and decision["allowed"] is False
    [retro] = json.loads(z.read("retrospectives.json"))
    assert retro["release_id"] == project
    readme = z.read("README.md").decode()
    assert readme.startswith("# Payments 2.0 (PAY) — closing archive")
    assert f"| items.json, items.csv | Backlog items with acceptance criteria | {ITEMS} |  |" in readme
    assert "| risks.json, risks.csv | Risk register (risk-svc) | 3 |  |" in readme
    assert "| documents/ | PRD and design versions (Markdown) | 2 |  |" in readme
    assert "Incomplete" not in readme


async def test_the_body_is_sent_piece_by_piece(client, auth, project, app):
    """The app hands the server many body messages as the zip is written, not one buffer built up front."""
    bodies, requested, done = [], asyncio.Event(), asyncio.Event()

    async def receive():
        if not requested.is_set():
            requested.set()
            return {"type": "http.request", "body": b"", "more_body": False}
        await done.wait()
        return {"type": "http.disconnect"}

    async def send(message):
        if message["type"] == "http.response.body":
            if message.get("body"):
                bodies.append(message["body"])
            if not message.get("more_body", False):
                done.set()

    headers = [(b"authorization", auth("viewer", "PAY")["Authorization"].encode())]
    await app(
        {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": "/v1/projects/PAY/archive",
            "raw_path": b"/v1/projects/PAY/archive",
            "query_string": b"",
            "root_path": "",
            "headers": headers,
            "client": ("127.0.0.1", 1),
            "server": ("test", 80),
        },
        receive,
        send,
    )
    total = sum(len(b) for b in bodies)
    assert len(bodies) > 10 and max(len(b) for b in bodies) < total / 2
    assert zipfile.ZipFile(io.BytesIO(b"".join(bodies))).testzip() is None


async def test_a_sibling_down_marks_its_files_incomplete(client, auth, project, app, req_settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app.state.siblings["risk"] = SiblingClient(
        name="risk-svc",
        base_url=f"http://127.0.0.1:{port}",
        settings=req_settings.common,
        caller="requirements-svc",
        timeout=0.3,
    )
    _, z = await download(client, auth)
    assert json.loads(z.read("risks.json")) == [] and z.read("risks.csv") == b""
    readme = z.read("README.md").decode()
    assert "| risks.json, risks.csv | Risk register (risk-svc) | 0 | incomplete: risk-svc" in readme
    assert "**Incomplete:** risks" in readme
    assert len(json.loads(z.read("items.json"))) == ITEMS and len(json.loads(z.read("releases.json"))) == 1


async def test_unknown_project_and_roles_get_problems_not_zips(client, auth, project):
    r = await client.get("/v1/projects/NOPE/archive", headers=auth("admin"))
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json")
    assert (await client.get("/v1/projects/PAY/archive")).status_code == 401
    r = await client.get("/v1/projects/PAY/archive", headers=auth("admin", "OPS"))
    assert r.status_code == 403 and r.headers["content-type"].startswith("application/problem+json")


def test_zip_stream_holds_one_chunk_at_a_time():
    from datetime import UTC, datetime

    stream = ZipStream()
    when = datetime(2026, 11, 22, tzinfo=UTC)
    out, biggest = [], 0
    with stream.entry("big.txt", when) as entry:
        for n in range(2000):
            entry.write((f"line {n} " * 50 + "\n").encode())
            chunk = stream.drain()
            biggest = max(biggest, len(chunk))
            out.append(chunk)
    out.append(stream.close())
    data = b"".join(out)
    assert zipfile.ZipFile(io.BytesIO(data)).read("big.txt").count(b"\n") == 2000
    assert stream.bytes_written == len(data)
    # Nothing accumulates: the largest drained piece is a small fraction of the archive.
    assert biggest < len(data) / 4 or len(data) < 64 * 1024


async def _add_document(db, *, title_per_version: list[str], kind: str = "prd") -> uuid.UUID:
    async with db.session() as s, s.begin():
        n_versions = len(title_per_version)
        doc = Document(
            project_key="PAY",
            kind=kind,
            title=title_per_version[-1],
            status="approved",
            owner="alice",
            revision=n_versions,
            approved_revision=n_versions,
        )
        s.add(doc)
        await s.flush()
        for n, title in enumerate(title_per_version, start=1):
            s.add(
                DocumentVersion(
                    document_id=doc.id,
                    project_key="PAY",
                    kind=kind,
                    number=n,
                    title=title,
                    sections=[{"key": "goals", "title": "Goals", "body": f"{title} v{n}"}],
                    review_round=n,
                    approvers=["carol"],
                    linked_items=[],
                )
            )
        return doc.id


async def test_the_archive_is_exact_one_folder_per_document_and_a_manifest(client, auth, project, db):
    """A PRD renamed between versions stays in one folder; two documents with one title, approved in the
    same minute, keep their own folders; the manifest lists every entry with its checksum and agrees with
    the API."""
    renamed = await _add_document(db, title_per_version=["Checkout v1", "Checkout, renamed"])
    twin_a = await _add_document(db, title_per_version=["Same title"])
    twin_b = await _add_document(db, title_per_version=["Same title"])
    design = await _add_document(db, title_per_version=["Same title"], kind="design")
    _, z = await download(client, auth)
    manifest = json.loads(z.read("manifest.json"))
    assert manifest["project_key"] == "PAY"

    # Every entry but the manifest itself is listed once, with its exact size and SHA-256.
    listed = [e["name"] for e in manifest["entries"]]
    assert sorted(listed) == sorted(n for n in z.namelist() if n != "manifest.json")
    assert len(listed) == len(set(listed)) == len(z.namelist()) - 1
    import hashlib

    for e in manifest["entries"]:
        data = z.read(e["name"])
        assert (e["bytes"], e["sha256"]) == (len(data), hashlib.sha256(data).hexdigest()), e["name"]
        if e["name"].endswith(".json") and e["rows"] is not None:
            assert len(json.loads(data)) == e["rows"], e["name"]

    # Documents: one folder per id, one file per approved version, as the API lists them.
    viewer = auth("viewer", "PAY")
    api_docs = {}
    for kind, plural in (("prd", "prds"), ("design", "designs")):
        for d in (await client.get(f"/v1/projects/PAY/{plural}", headers=viewer)).json()["items"]:
            versions = (await client.get(f"/v1/{plural}/{d['id']}/versions", headers=viewer)).json()["items"]
            api_docs[d["id"]] = (kind, d["title"], [v["number"] for v in versions])
    in_manifest = {
        d["id"]: (d["kind"], d["title"], [v["number"] for v in d["versions"]]) for d in manifest["documents"]
    }
    assert in_manifest == api_docs
    for doc_id, (kind, _, numbers) in api_docs.items():
        folder = f"documents/{kind}s/{doc_id}/"
        files = sorted(n for n in z.namelist() if n.startswith(folder))
        assert files == [f"{folder}v{n}.md" for n in numbers]
    assert str(renamed) in api_docs and api_docs[str(renamed)][2] == [1, 2]
    v1 = z.read(f"documents/prds/{renamed}/v1.md").decode()
    v2 = z.read(f"documents/prds/{renamed}/v2.md").decode()
    assert v1.startswith("# Checkout v1\n") and v2.startswith("# Checkout, renamed\n")
    for twin in (twin_a, twin_b):
        assert z.read(f"documents/prds/{twin}/v1.md").decode().startswith("# Same title\n")
    assert f"documents/designs/{design}/v1.md" in z.namelist()
    readme = z.read("README.md").decode()
    assert f"| documents/prds/{renamed}/ | PRD | Checkout, renamed | v1, v2 |" in readme


def test_a_zip_entry_name_is_written_once():
    from datetime import UTC, datetime

    stream = ZipStream()
    with stream.entry("a.md", datetime(2026, 1, 1, tzinfo=UTC)) as out:
        out.write(b"one")
    with pytest.raises(ValueError), stream.entry("a.md", datetime(2026, 1, 1, tzinfo=UTC)):
        pass
