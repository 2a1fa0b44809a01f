"""The house rules that a reader relies on, checked on the source: each cross-service word is defined once
(tpmhub_shared.vocabulary), each service lists what it offers (no discovery), and a second copy of a rule
fails here rather than drifting in review."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import get_args

import pytest
from pydantic import ValidationError
from release_svc.main import ROUTERS as RELEASE
from requirements_svc.main import ROUTERS as REQUIREMENTS
from risk_svc.main import ROUTERS as RISK
from tpmhub_shared import contracts, vocabulary
from tpmhub_shared.app import DuplicateHandler, merge_handlers
from tpmhub_shared.events.api import ROUTERS as EVENTS

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted(
    p
    for base in (ROOT / "shared" / "src", *(ROOT / "services").glob("*/src"))
    for p in base.rglob("*.py")
    if "migrations" not in p.parts
)
VOCABULARY_FILE = ROOT / "shared" / "src" / "tpmhub_shared" / "vocabulary.py"
WORDS = {
    name: frozenset(get_args(value))
    for name, value in vars(vocabulary).items()
    if name[:1].isupper() and not name.isupper() and get_args(value)
}
RULES = {"BLOCKING_SEVERITIES": frozenset(vocabulary.BLOCKING_SEVERITIES)}


def _string_sets(tree: ast.AST) -> list[tuple[int, frozenset[str]]]:
    """Every `Literal["a", "b", …]` and every tuple, list or set display made only of string constants."""
    found: list[tuple[int, frozenset[str]]] = []
    for node in ast.walk(tree):
        elements: list[ast.expr] | None = None
        if isinstance(node, ast.Subscript) and getattr(node.value, "id", None) == "Literal":
            elements = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            elements = list(node.elts)
        if (
            elements
            and len(elements) > 1
            and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in elements)
        ):
            found.append((node.lineno, frozenset(e.value for e in elements)))  # type: ignore[union-attr]
    return found


def test_sources_are_found() -> None:
    assert len(SOURCES) > 100 and VOCABULARY_FILE in SOURCES


def test_each_cross_service_word_and_rule_is_defined_once() -> None:
    crossing = {"Role", "ItemStatus", "ItemType", "Severity", "ReleaseStatus", "RiskLevel", "RiskStatus"}
    assert crossing <= set(WORDS)
    copies = []
    for path in SOURCES:
        if path == VOCABULARY_FILE:
            continue
        for line, values in _string_sets(ast.parse(path.read_text(), str(path))):
            for name, word in {**WORDS, **RULES}.items():
                if values == word:
                    copies.append(f"{path.relative_to(ROOT)}:{line} repeats vocabulary.{name}")
    assert copies == []


def test_the_copy_detector_sees_a_copy() -> None:
    source = 'Level = Literal["low", "medium", "high", "critical"]\nBLOCKING = ("S1", "S2")\n'
    sets = [values for _, values in _string_sets(ast.parse(source))]
    assert WORDS["RiskLevel"] in sets and RULES["BLOCKING_SEVERITIES"] in sets


def test_contracts_validate_the_words_they_carry() -> None:
    summary = {
        "key": "PAY-1",
        "project_key": "PAY",
        "type": "bug",
        "title": "t",
        "status": "done",
        "severity": "S1",
    }
    assert contracts.ItemSummary.model_validate(summary).severity == "S1"
    for field, wrong in (("status", "finished"), ("type", "chore"), ("severity", "S9")):
        with pytest.raises(ValidationError):
            contracts.ItemSummary.model_validate({**summary, field: wrong})
    with pytest.raises(ValidationError):
        contracts.BlockingRisk.model_validate(
            {"key": "PAY-R1", "title": "t", "level": "severe", "status": "mitigating", "reason": "r"}
        )


def test_blocking_rule() -> None:
    assert [s for s in vocabulary.SEVERITIES if vocabulary.blocks_release(s)] == ["S1", "S2"]
    assert not vocabulary.blocks_release(None)


def test_no_discovery_in_the_services() -> None:
    """Routers, workers, handlers and models are listed in each service's main.py/models.py."""
    offenders = [
        str(p.relative_to(ROOT))
        for p in SOURCES
        if "/services/" in str(p) and ("importlib" in p.read_text() or "pkgutil" in p.read_text())
    ]
    assert offenders == []


def test_a_doubly_handled_event_type_is_refused() -> None:
    async def first(*_: object) -> None: ...

    async def second(*_: object) -> None: ...

    assert merge_handlers({"a.b": first}, {"c.d": second}) == {"a.b": first, "c.d": second}
    with pytest.raises(DuplicateHandler, match="a.b"):
        merge_handlers({"a.b": first}, {"a.b": second})


MAX_LINES = 450
MAX_ROUTES = 15


def test_no_source_file_grows_past_the_size_a_reader_can_hold() -> None:
    """Rooms that grew too big are split along their chapters (docs/development.md says where)."""
    big = [
        f"{p.relative_to(ROOT)}: {n} lines"
        for p in SOURCES
        if (n := len(p.read_text().splitlines())) > MAX_LINES
    ]
    assert big == []


def test_no_router_holds_more_routes_than_a_reader_can_scan() -> None:
    crowded = [
        f"{route.path} … ({len(router.routes)} routes)"
        for router in (*REQUIREMENTS, *RISK, *RELEASE, *EVENTS)
        if len(router.routes) > MAX_ROUTES
        for route in router.routes[:1]
    ]
    assert crowded == []


def test_imports_sit_at_the_top_of_their_module() -> None:
    """An import inside a function hides a circle instead of breaking it; only the CLI's entry point
    (`serve` imports the app it is told to run) and its Alembic commands import late."""
    late = []
    for path in SOURCES:
        if path.name == "cli.py" and path.parent.name == "tpmhub_shared":
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                late += [
                    f"{path.relative_to(ROOT)}:{inner.lineno}"
                    for inner in ast.walk(node)
                    if isinstance(inner, (ast.Import, ast.ImportFrom))
                ]
    assert late == []


# Read models: one query over several domains' tables answers a whole view (no N+1 through repositories);
# they write nothing, and their docstrings say so.
READ_MODELS = {
    "requirements-svc": {"reports/service.py", "archive/service.py", "milestones/forecast.py"},
    "risk-svc": set(),
    "release-svc": {"summary/repository.py", "gate/reads.py"},
}


@pytest.mark.parametrize("service", sorted(READ_MODELS))
def test_a_domain_reads_another_domains_tables_only_through_its_repository(service: str) -> None:
    """No query outside a domain names its tables' columns (`Model.column`, `select(Model)`); read models
    excepted. Using another domain's model as a type, or its instances' attributes, is fine."""
    package = ROOT / "services" / service / "src" / service.replace("-svc", "_svc")
    owner = {
        node.name: path.parent.name
        for path in package.glob("*/models.py")
        for node in ast.parse(path.read_text()).body
        if isinstance(node, ast.ClassDef)
    }
    reaching = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package)
        if len(rel.parts) < 2 or rel.as_posix() in READ_MODELS[service]:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names: list[str] = []
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.attr[:1].islower()
            ):
                names = [node.value.id]
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") in (
                "select",
                "update",
                "delete",
            ):
                names = [a.id for a in node.args if isinstance(a, ast.Name)]
            reaching += [
                f"{rel}:{node.lineno} {name}"
                for name in names
                if name in owner and owner[name] != rel.parts[0]
            ]
    assert reaching == []
