"""The closing archive (项目收尾, 文档整理): every PRD and design version as Markdown, one folder per
document by its id; items, milestones, iterations, change requests, risks, releases, gate decisions and
retrospectives as JSON and CSV; a README index and a manifest (every entry with its size and SHA-256).
Produced as a stream: rows are read page by page (keyset from the database, cursors from the siblings) and
written straight into the zip, so memory stays bounded whatever the project's size. A read model: it pages
through every table of the project directly and writes nothing."""

from __future__ import annotations

import csv
import io
import tempfile
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal
from tpmhub_shared.db import Database
from tpmhub_shared.history import jsonable
from tpmhub_shared.http import SiblingClient, SiblingError
from tpmhub_shared.ids import utcnow

from requirements_svc.archive.zipstream import ZipStream
from requirements_svc.change_requests.models import ChangeRequest
from requirements_svc.criteria import repository as criteria_repository
from requirements_svc.document_versions import repository as versions_repository
from requirements_svc.items.models import LIVE, Item
from requirements_svc.iterations.models import Iteration
from requirements_svc.milestones.models import Milestone
from requirements_svc.projects import service as projects
from requirements_svc.projects.models import Project

PAGE = 500
SIBLING_PAGE = 200
CSV_SPILL_BYTES = 1 << 20
_SKIP = {"rank"}

Rows = Callable[[], AsyncIterator[list[dict[str, Any]]]]


async def check_access(session: AsyncSession, *, principal: Principal, key: str) -> Project:
    """Before the stream starts (a refused request gets its problem document, not a broken zip)."""
    return await projects.get_project(session, principal=principal, key=key)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        value = orjson.dumps(value).decode()
    text = str(value)
    # Spreadsheet formula injection: a cell never starts with a formula character.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _row(obj: Any) -> dict[str, Any]:
    return {k: jsonable(v) for k, v in obj.model_dump().items() if k not in _SKIP}


def document_path(kind: str, document_id: uuid.UUID, number: int) -> str:
    """By id, not title: a renamed document stays in one folder, and two documents with one title never
    share one."""
    return f"documents/{kind}s/{document_id}/v{number}.md"


class Archive:
    def __init__(self, *, key: str, db: Database, siblings: dict[str, SiblingClient]) -> None:
        self.key = key
        self.db = db
        self.siblings = siblings
        self.zip = ZipStream()
        self.now = utcnow()
        self.index: list[tuple[str, str, int | None, str | None]] = []  # (name, what, rows, problem)
        # document id → kind, latest title, version numbers (for the README and the manifest)
        self.documents_seen: dict[uuid.UUID, dict[str, Any]] = {}

    # ---- writing ----------------------------------------------------------------------------------

    async def table(self, base: str, what: str, rows: Rows) -> AsyncIterator[bytes]:
        """`base`.json (an array, written as rows arrive) and `base`.csv (spooled alongside, then copied)."""
        count, problem = 0, None
        columns: list[str] | None = None
        with tempfile.SpooledTemporaryFile(max_size=CSV_SPILL_BYTES) as spool:
            text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
            writer = csv.writer(text)
            with self.zip.entry(f"{base}.json", self.now) as out:
                out.write(b"[")
                try:
                    async for page in rows():
                        for row in page:
                            if columns is None:
                                columns = list(row)
                                writer.writerow(columns)
                            out.write((b",\n" if count else b"\n") + orjson.dumps(row))
                            writer.writerow([_cell(row.get(c)) for c in columns])
                            count += 1
                        yield self.zip.drain()
                except SiblingError as exc:
                    problem = f"incomplete: {exc.service} {exc.reason}"
                out.write(b"\n]\n")
            yield self.zip.drain()
            text.flush()
            spool.seek(0)
            with self.zip.entry(f"{base}.csv", self.now) as out:
                while chunk := spool.read(64 * 1024):
                    out.write(chunk)
                    yield self.zip.drain()
            text.detach()
        self.index.append((base, what, count, problem))
        yield self.zip.drain()

    def text(self, name: str, body: str) -> bytes:
        with self.zip.entry(name, self.now) as out:
            out.write(body.encode())
        return self.zip.drain()

    # ---- requirements-svc's own rows ---------------------------------------------------------------

    def _db_rows(
        self,
        model: Any,
        order: Any,
        extra: Callable[[AsyncSession, list[Any]], Awaitable[list[dict]]] | None = None,
    ) -> Rows:
        async def pages() -> AsyncIterator[list[dict[str, Any]]]:
            last: Any = None
            while True:
                async with self.db.session(write=False) as session:
                    stmt = select(model).where(model.project_key == self.key)
                    if model is Item:
                        stmt = stmt.where(LIVE)  # deleted items are not part of the archive
                    if last is not None:
                        stmt = stmt.where(order > last)
                    batch = (await session.execute(stmt.order_by(order).limit(PAGE))).scalars().all()
                    if not batch:
                        return
                    rows = await extra(session, batch) if extra else [_row(r) for r in batch]
                last = getattr(batch[-1], order.key)
                yield rows
                if len(batch) < PAGE:
                    return

        return pages

    @staticmethod
    async def _items_with_criteria(session: AsyncSession, batch: list[Item]) -> list[dict[str, Any]]:
        criteria: dict[uuid.UUID, list[dict[str, Any]]] = {}
        for c in await criteria_repository.for_items(session, [i.id for i in batch]):
            criteria.setdefault(c.item_id, []).append(
                {
                    "text": c.text,
                    "status": c.status,
                    "verified_by": c.verified_by,
                    "evidence_url": c.evidence_url,
                }
            )
        return [{**_row(i), "acceptance_criteria": criteria.get(i.id, [])} for i in batch]

    async def documents(self) -> AsyncIterator[bytes]:
        """Each frozen version of each PRD and design as Markdown, in approval order."""
        count, last = 0, None
        while True:
            async with self.db.session(write=False) as session:
                batch = await versions_repository.of_project_after(session, self.key, last, limit=50)
            for v in batch:
                name = document_path(v.kind, v.document_id, v.number)
                seen = self.documents_seen.setdefault(
                    v.document_id, {"id": str(v.document_id), "kind": v.kind, "versions": []}
                )
                seen["title"] = v.title  # versions come in approval order: the last title is the latest
                seen["versions"].append({"number": v.number, "title": v.title, "path": name})
                lines = [
                    f"# {v.title}",
                    "",
                    f"- Kind: {'PRD' if v.kind == 'prd' else 'Technical design'}",
                    f"- Version: {v.number}",
                    f"- Approved: {v.approved_at.isoformat().replace('+00:00', 'Z')}",
                    f"- Approvers: {', '.join(v.approvers) or '–'}",
                    f"- Document id: {v.document_id}",
                ]
                if v.linked_items:
                    lines.append(f"- Linked items: {', '.join(v.linked_items)}")
                for section in v.sections:
                    lines += [
                        "",
                        f"## {section.get('title') or section.get('key')}",
                        "",
                        section.get("body") or "_(empty)_",
                    ]
                yield self.text(name, "\n".join(lines) + "\n")
                count += 1
            if len(batch) < 50:
                break
            last = batch[-1].id
        self.index.append(("documents/", "PRD and design versions (Markdown)", count, None))

    # ---- siblings, page by page ---------------------------------------------------------------------

    def _sibling_pages(self, sibling: str, path: str, *, params: dict[str, Any] | None = None) -> Rows:
        async def pages() -> AsyncIterator[list[dict[str, Any]]]:
            client = self.siblings.get(sibling)
            if client is None:
                raise SiblingError(f"{sibling}-svc", "not configured")
            cursor = None
            while True:
                query = {"limit": SIBLING_PAGE, **(params or {})}
                if cursor:
                    query["cursor"] = cursor
                page = await client.get_json(path, params=query)
                yield page.get("items", [])
                cursor = page.get("next_cursor")
                if not cursor:
                    return

        return pages

    def _per_release(
        self, release_ids: list[str], fetch: Callable[[SiblingClient, str], AsyncIterator[list[dict]]]
    ) -> Rows:
        async def pages() -> AsyncIterator[list[dict[str, Any]]]:
            client = self.siblings.get("release")
            if client is None:
                raise SiblingError("release-svc", "not configured")
            for rid in release_ids:
                async for page in fetch(client, rid):
                    yield page

        return pages

    @staticmethod
    async def _decisions(client: SiblingClient, rid: str) -> AsyncIterator[list[dict[str, Any]]]:
        cursor = None
        while True:
            query: dict[str, Any] = {"limit": SIBLING_PAGE}
            if cursor:
                query["cursor"] = cursor
            page = await client.get_json(f"/v1/releases/{rid}/gate-decisions", params=query)
            yield [{"release_id": rid, **d} for d in page.get("items", [])]
            cursor = page.get("next_cursor")
            if not cursor:
                return

    @staticmethod
    async def _retrospective(client: SiblingClient, rid: str) -> AsyncIterator[list[dict[str, Any]]]:
        response = await client.request("GET", f"/v1/releases/{rid}/retrospective")
        if response.status_code == 404:
            return
        if response.status_code >= 400:
            raise SiblingError(client.name, f"answered {response.status_code}", response.status_code)
        yield [response.json()]

    # ---- the whole archive --------------------------------------------------------------------------

    async def stream(self, project: dict[str, Any]) -> AsyncIterator[bytes]:
        yield self.text("project.json", orjson.dumps(project, option=orjson.OPT_INDENT_2).decode() + "\n")
        async for chunk in self.documents():
            yield chunk
        for base, what, model, order, extra in (
            ("items", "Backlog items with acceptance criteria", Item, Item.number, self._items_with_criteria),
            ("milestones", "Milestones", Milestone, Milestone.id, None),
            ("iterations", "Iterations", Iteration, Iteration.id, None),
            ("change_requests", "Change requests", ChangeRequest, ChangeRequest.number, None),
        ):
            async for chunk in self.table(base, what, self._db_rows(model, order, extra)):
                yield chunk
        async for chunk in self.table(
            "risks", "Risk register (risk-svc)", self._sibling_pages("risk", f"/v1/projects/{self.key}/risks")
        ):
            yield chunk
        release_ids: list[str] = []
        releases = self._sibling_pages("release", f"/v1/projects/{self.key}/releases")

        async def remembering() -> AsyncIterator[list[dict[str, Any]]]:
            async for page in releases():
                release_ids.extend(str(r["id"]) for r in page if "id" in r)
                yield page

        async for chunk in self.table("releases", "Releases (release-svc)", remembering):
            yield chunk
        async for chunk in self.table(
            "gate_decisions",
            "Gate decisions of every release (release-svc)",
            self._per_release(release_ids, self._decisions),
        ):
            yield chunk
        async for chunk in self.table(
            "retrospectives",
            "Release retrospectives (release-svc)",
            self._per_release(release_ids, self._retrospective),
        ):
            yield chunk
        yield self.text("README.md", self.readme(project))
        yield self.text("manifest.json", self.manifest())
        yield self.zip.close()

    def manifest(self) -> str:
        """Every entry written before it (so all but itself), with size and SHA-256, and the documents by id:
        a reader can check the archive is whole and find each document's versions."""
        rows = {name: (count, problem) for name, _, count, problem in self.index}
        entries = []
        for e in self.zip.entries:
            base = e.name.rsplit(".", 1)[0]
            count, problem = rows.get(base, (None, None)) if base in rows else (None, None)
            entries.append(
                {"name": e.name, "bytes": e.bytes, "sha256": e.sha256, "rows": count, "incomplete": problem}
            )
        body = {
            "project_key": self.key,
            "generated_at": self.now.isoformat().replace("+00:00", "Z"),
            "entries": entries,
            "documents": list(self.documents_seen.values()),
        }
        return orjson.dumps(body, option=orjson.OPT_INDENT_2).decode() + "\n"

    def readme(self, project: dict[str, Any]) -> str:
        lines = [
            f"# {project['name']} ({self.key}) — closing archive",
            "",
            f"Generated {self.now.isoformat().replace('+00:00', 'Z')} by TPM Hub.",
            "",
            "| Entry | Contents | Rows | Note |",
            "|---|---|---|---|",
            "| project.json | The project: background, goals, scope | 1 | |",
        ]
        for name, what, rows, problem in self.index:
            entry = name if name.endswith("/") else f"{name}.json, {name}.csv"
            lines.append(f"| {entry} | {what} | {rows if rows is not None else '–'} | {problem or ''} |")
        incomplete = [n for n, _, _, p in self.index if p]
        lines += [
            "",
            "JSON files hold arrays of objects as the API returns them; CSV files hold the same rows "
            "(nested values as JSON).",
            "Every PRD and design version is a Markdown file under documents/, one folder per document "
            "(named by the document's id), one file per approved version.",
            "manifest.json lists every file with its size and SHA-256, and each document's versions.",
        ]
        if self.documents_seen:
            lines += ["", "| Document | Kind | Title (latest version) | Versions |", "|---|---|---|---|"]
            for d in self.documents_seen.values():
                kind = "PRD" if d["kind"] == "prd" else "Technical design"
                versions = ", ".join(f"v{v['number']}" for v in d["versions"])
                title = d["title"].replace("|", "\\|")
                lines.append(f"| documents/{d['kind']}s/{d['id']}/ | {kind} | {title} | {versions} |")
        if incomplete:
            lines += [
                "",
                f"**Incomplete:** {', '.join(incomplete)} — a service did not answer; download the "
                "archive again to complete it.",
            ]
        return "\n".join(lines) + "\n"


def archive_name(key: str, when: datetime) -> str:
    return f"{key}-archive-{when.strftime('%Y%m%d')}.zip"


def stream_archive(
    *, project: Project, db: Database, siblings: dict[str, SiblingClient]
) -> AsyncIterator[bytes]:
    archive = Archive(key=project.key, db=db, siblings=siblings)
    return archive.stream(_row(project))
