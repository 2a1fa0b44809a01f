"""Jira CSV import: map the export's columns onto items; every error names its CSV line."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.auth import Principal
from tpmhub_shared.problems import BadRequest, ProblemError, UnprocessableEntity, field_error

from requirements_svc.items.models import Item
from requirements_svc.items.schemas import ItemCreate
from requirements_svc.items.service import create_items

MAX_ROWS = 5000
TYPES = {
    "epic": "epic",
    "feature": "feature",
    "story": "story",
    "user story": "story",
    "task": "task",
    "sub-task": "task",
    "subtask": "task",
    "bug": "bug",
    "spike": "spike",
    "improvement": "story",
    "new feature": "feature",
}
PRIORITIES = {
    "highest": "P0",
    "blocker": "P0",
    "critical": "P0",
    "high": "P1",
    "major": "P1",
    "medium": "P2",
    "low": "P3",
    "lowest": "P3",
    "minor": "P3",
    "trivial": "P3",
    "p0": "P0",
    "p1": "P1",
    "p2": "P2",
    "p3": "P3",
}
STATUSES = {
    "backlog": "backlog",
    "to do": "ready",
    "todo": "ready",
    "open": "backlog",
    "selected for development": "ready",
    "ready": "ready",
    "in progress": "in_progress",
    "in review": "in_review",
    "code review": "in_review",
    "done": "done",
    "closed": "done",
    "resolved": "done",
    "won't do": "wont_do",
    "wont do": "wont_do",
    "won't fix": "wont_do",
}
REQUIRED = ("Summary", "Issue Type")


class _UnsupportedMediaType(ProblemError):
    status, slug, title = 415, "unsupported-media-type", "Unsupported media type"


def _cell(row: dict[str, list[str]], name: str) -> str:
    values = [v.strip() for v in row.get(name.lower(), []) if v and v.strip()]
    return values[0] if values else ""


async def import_csv(
    session: AsyncSession, *, principal: Principal, project_key: str, raw: bytes, content_type: str
) -> list[Item]:
    if content_type not in ("text/csv", "application/csv", "text/plain"):
        raise _UnsupportedMediaType("Send the CSV file as the body with Content-Type: text/csv.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadRequest("The CSV file is not UTF-8 text.") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise UnprocessableEntity(
            "The CSV file is empty.", errors=[field_error("line 1", "header row missing", "csv_empty")]
        ) from None
    except csv.Error as exc:
        raise UnprocessableEntity(
            "The CSV header cannot be read.", errors=[field_error("line 1", str(exc), "csv_malformed")]
        ) from None
    names = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c.lower() not in names]
    if missing:
        raise UnprocessableEntity(
            f"The CSV lacks the column(s) {', '.join(missing)}.",
            errors=[field_error("line 1", f"missing column {c}", "csv_column") for c in missing],
        )
    errors: list[dict[str, str]] = []
    rows: list[ItemCreate] = []
    parents: list[str | None] = []
    lines: list[int] = []
    statuses: list[str] = []
    jira_keys: dict[str, int] = {}
    raw_parents: list[str] = []
    try:
        while True:
            line = reader.line_num + 1  # a quoted cell may span lines: errors name the row's first line
            record = next(reader, None)
            if record is None:
                break
            if not any(c.strip() for c in record):
                continue
            if len(rows) + len(errors) >= MAX_ROWS:
                raise UnprocessableEntity(
                    f"At most {MAX_ROWS} rows per import.",
                    errors=[field_error(f"line {line}", "too many rows", "csv_too_many")],
                )
            row: dict[str, list[str]] = {}
            for name, value in zip(names, record, strict=False):
                row.setdefault(name, []).append(value)  # Jira repeats columns such as Labels
            data, row_errors = _map_row(row, line)
            errors += row_errors
            if data is None:
                continue
            try:
                rows.append(ItemCreate.model_validate(data))
            except ValidationError as exc:
                for e in exc.errors():
                    loc = ".".join(str(p) for p in e["loc"])
                    errors.append(
                        field_error(f"line {line}.{_COLUMN.get(loc.split('.')[0], loc)}", e["msg"], e["type"])
                    )
                continue
            lines.append(line)
            statuses.append(STATUSES.get(_cell(row, "Status").lower(), "backlog"))
            jira_key = _cell(row, "Issue key")
            if jira_key:
                jira_keys[jira_key] = len(rows) - 1
            raw_parents.append(_cell(row, "Parent") or _cell(row, "Parent id") or _cell(row, "Epic Link"))
    except csv.Error as exc:
        raise UnprocessableEntity(
            "The CSV file cannot be read.",
            errors=[field_error(f"line {reader.line_num}", str(exc), "csv_malformed")],
        ) from None
    if not rows and not errors:
        raise UnprocessableEntity(
            "The CSV file has no rows.", errors=[field_error("line 2", "no data rows", "csv_empty")]
        )
    for i, ref in enumerate(raw_parents):
        if not ref:
            parents.append(None)
        elif ref in jira_keys:
            j = jira_keys[ref]
            if j >= i:
                errors.append(
                    field_error(
                        f"line {lines[i]}.Parent",
                        f"parent {ref} must come before its children",
                        "parent_order",
                    )
                )
            parents.append(f"#{j}")
        elif ref.startswith(f"{project_key}-"):
            parents.append(ref)
        else:
            errors.append(
                field_error(
                    f"line {lines[i]}.Parent",
                    f"parent {ref} is neither a row of this file nor an item of {project_key}",
                    "parent_missing",
                )
            )
            parents.append(None)
    if errors:
        errors.sort(key=lambda e: int(e["loc"].split(".")[0].removeprefix("line ")))
        raise UnprocessableEntity(
            f"{len({e['loc'].split('.')[0] for e in errors})} CSV line(s) are invalid; nothing was imported.",
            errors=errors,
        )
    return await _create(session, principal, project_key, rows, parents, statuses, lines)


async def _create(
    session: AsyncSession,
    principal: Principal,
    project_key: str,
    rows: Sequence[ItemCreate],
    parents: Sequence[str | None],
    statuses: Sequence[str],
    lines: Sequence[int],
) -> list[Item]:
    try:
        items = await create_items(
            session,
            principal=principal,
            project_key=project_key,
            rows=rows,
            parents=parents,
            statuses=statuses,
            row_label="row{i}",
            note="csv import",
        )
    except UnprocessableEntity as exc:
        # Translate batch row indexes into CSV line numbers.
        for e in exc.extra.get("errors", []):
            head, _, rest = e["loc"].partition(".")
            if head.startswith("row"):
                e["loc"] = f"line {lines[int(head[3:])]}" + (f".{_COLUMN.get(rest, rest)}" if rest else "")
        raise
    return items


_COLUMN = {
    "title": "Summary",
    "type": "Issue Type",
    "priority": "Priority",
    "description": "Description",
    "points": "Story Points",
    "labels": "Labels",
    "parent": "Parent",
}


def _map_row(row: dict[str, list[str]], line: int) -> tuple[dict | None, list[dict[str, str]]]:
    errors: list[dict[str, str]] = []
    data: dict = {"title": _cell(row, "Summary")}
    kind = _cell(row, "Issue Type").lower()
    if kind not in TYPES:
        errors.append(field_error(f"line {line}.Issue Type", f"unknown issue type '{kind}'", "csv_value"))
    else:
        data["type"] = TYPES[kind]
    priority = _cell(row, "Priority").lower()
    if priority:
        if priority not in PRIORITIES:
            errors.append(field_error(f"line {line}.Priority", f"unknown priority '{priority}'", "csv_value"))
        else:
            data["priority"] = PRIORITIES[priority]
    description = _cell(row, "Description")
    if description:
        data["description"] = description
    points = _cell(row, "Story Points") or _cell(row, "Custom field (Story Points)")
    if points:
        try:
            data["points"] = float(points)
        except ValueError:
            errors.append(
                field_error(f"line {line}.Story Points", f"'{points}' is not a number", "csv_value")
            )
    labels: list[str] = []
    for value in row.get("labels", []):
        labels += [v for v in value.replace(",", " ").split() if v]
    if labels:
        data["labels"] = list(dict.fromkeys(labels))
    status = _cell(row, "Status").lower()
    if status and status not in STATUSES:
        errors.append(field_error(f"line {line}.Status", f"unknown status '{status}'", "csv_value"))
    return (None if errors else data), errors
