"""Deployment files checked without Docker or a cluster.

- docker-compose.yml: parsed and interpolated like Compose does; every service's build, command,
  environment, healthcheck, ports and depends_on must point at things that exist in the repository and at
  settings the services really read. `docker-compose config` validates it too where the binary is
  installed (CI installs it).
- deploy/Dockerfile, deploy/docker-entrypoint.sh, deploy/postgres/init-databases.sh: the COPY sources
  exist, the runtime contract holds, and the entry point and init script are run for real: the init
  script on a fresh PostgreSQL, then each service is migrated and served through the entry point with
  Compose's own environment (host names mapped to local ports), and the nginx gateway is put in front of
  them (CI installs nginx).
- deploy/k8s: every kustomize overlay is rendered with `kubectl kustomize` and validated offline against the
  Kubernetes JSON schemas (kubernetes-validate), then cross-checked (probes, ports, selectors, settings,
  Secrets, connection budget).
"""

from __future__ import annotations

import base64
import copy
import fnmatch
import importlib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import jwt
import kubernetes_validate
import pytest
import yaml
from tpmhub_shared.settings import CommonSettings
from tpmhub_shared.testing.postgres import PostgresServer, free_port

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
COMPOSE_FILE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
DOCKERFILE = DEPLOY / "Dockerfile"
ENTRYPOINT = DEPLOY / "docker-entrypoint.sh"
INIT_SCRIPT = DEPLOY / "postgres" / "init-databases.sh"
GATEWAY_CONF = DEPLOY / "nginx" / "gateway.conf"
K8S = DEPLOY / "k8s"
OVERLAYS = sorted(p.name for p in (K8S / "overlays").iterdir() if (p / "kustomization.yaml").exists())
IN_CI = bool(os.environ.get("CI"))

# service directory → (python package, settings prefix, gateway path, compose migration service)
SERVICES = {
    "requirements-svc": ("requirements_svc", "REQUIREMENTS_", "requirements", "requirements-migrate"),
    "risk-svc": ("risk_svc", "RISK_", "risks", "risk-migrate"),
    "release-svc": ("release_svc", "RELEASE_", "releases", "release-migrate"),
}
SECRETS_FOR_TESTS = {
    "POSTGRES_PASSWORD": "deploytest0123456789",
    "TPM_JWT_SECRET": "deploy-test-secret-0123456789abcdef0123456789",
}
K8S_VERSIONS = ("1.29.0", "1.33.0")
COMPOSE_DB_USER = "tpmhub"  # POSTGRES_USER in .env.example


# ----------------------------------------------------------------------------------------------- helpers


def settings_class(service: str) -> type:
    package = SERVICES[service][0]
    return importlib.import_module(f"{package}.settings").Settings


def read_env_file(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        assert sep, f"{path.name}: not KEY=VALUE: {line!r}"
        values[key.strip()] = value.strip()
    return values


def env_for_compose() -> dict[str, str]:
    """What a newcomer's .env holds after following .env.example: its values with the secrets filled in."""
    values = read_env_file(ENV_EXAMPLE)
    for key, secret in SECRETS_FOR_TESTS.items():
        assert key in values, f".env.example must list {key}"
        assert values[key] == "", (
            f".env.example must leave {key} empty so nobody runs with a published secret"
        )
        values[key] = secret
    return values


_VAR = re.compile(
    r"\$(?:\$|\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?P<op>:?[-?])?(?P<arg>[^}]*)\}|"
    r"(?P<bare>[A-Za-z_][A-Za-z0-9_]*))"
)


class InterpolationError(ValueError):
    pass


def interpolate(value: Any, env: dict[str, str], used: set[str]) -> Any:
    """Compose's variable substitution: $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, $$."""
    if isinstance(value, dict):
        return {k: interpolate(v, env, used) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, env, used) for v in value]
    if not isinstance(value, str):
        return value

    def sub(m: re.Match[str]) -> str:
        if m.group(0) == "$$":
            return "$"
        name = m.group("braced") or m.group("bare")
        used.add(name)
        op, arg = m.group("op"), m.group("arg") or ""
        current = env.get(name)
        if op in (":-", "-"):
            if current is None or (op == ":-" and current == ""):
                return arg
            return current
        if op in (":?", "?"):
            if current is None or (op == ":?" and current == ""):
                raise InterpolationError(f"{name}: {arg}")
            return current
        return current or ""

    return _VAR.sub(sub, value)


def load_compose(env: dict[str, str] | None = None) -> tuple[dict[str, Any], set[str]]:
    raw = yaml.safe_load(COMPOSE_FILE.read_text())
    used: set[str] = set()
    return interpolate(raw, env_for_compose() if env is None else env, used), used


def env_list_to_dict(environment: Any) -> dict[str, str]:
    if isinstance(environment, dict):
        return {k: "" if v is None else str(v) for k, v in environment.items()}
    return dict(item.split("=", 1) for item in environment or [])


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return load_compose()[0]


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    lines: list[tuple[str, str]] = []
    buffer = ""
    for raw in DOCKERFILE.read_text().splitlines():
        stripped = raw.strip()
        if not buffer and (not stripped or stripped.startswith("#")):
            continue
        if stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            buffer += stripped[:-1] + " "
            continue
        buffer += stripped
        word, _, rest = buffer.partition(" ")
        lines.append((word.upper(), rest.strip()))
        buffer = ""
    return lines


def stage_of(instructions: list[tuple[str, str]], name: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    inside = False
    for word, rest in instructions:
        if word == "FROM":
            inside = rest.lower().endswith(f" as {name}")
            continue
        if inside:
            out.append((word, rest))
    assert out, f"Dockerfile has no stage {name!r}"
    return out


def run(
    cmd: list[str], env: dict[str, str] | None = None, timeout: float = 120, **kw: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, **kw)


def wait_http(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 120) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"{proc.args} exited with {proc.returncode}:\n{log.read_text()[-4000:]}")
        try:
            response = httpx.get(url, timeout=5.0)
            if response.status_code == 200:
                return response
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} did not answer 200 in {timeout}s:\n{log.read_text()[-4000:]}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)


# ------------------------------------------------------------------------------------------------ compose


def test_compose_has_postgres_migrations_services_and_gateway(compose: dict[str, Any]) -> None:
    expected = {"postgres", "gateway", *SERVICES, *(v[3] for v in SERVICES.values())}
    assert set(compose["services"]) == expected
    assert "pgdata" in compose["volumes"]
    assert "pgdata:/var/lib/postgresql/data" in compose["services"]["postgres"]["volumes"]


def test_compose_variables_are_all_in_env_example() -> None:
    _, used = load_compose()
    documented = set(read_env_file(ENV_EXAMPLE))
    assert used - documented == set(), "variables docker-compose.yml reads but .env.example does not list"
    assert documented - used - {"COMPOSE_PROJECT_NAME"} == set(), (
        ".env.example lists variables Compose never reads"
    )


def test_compose_refuses_to_start_without_the_secrets() -> None:
    for missing in SECRETS_FOR_TESTS:
        env = env_for_compose()
        env[missing] = ""
        with pytest.raises(InterpolationError, match=missing):
            load_compose(env)


@pytest.mark.parametrize("service", SERVICES)
def test_compose_build_points_at_the_dockerfile_and_a_real_service(
    compose: dict[str, Any], service: str
) -> None:
    package, _, _, migrate = SERVICES[service]
    images = set()
    for name in (service, migrate):
        spec = compose["services"][name]
        build = spec["build"]
        context = (ROOT / build["context"]).resolve()
        assert context == ROOT, f"{name}: the build context must be the repository root (uv.lock, shared/)"
        assert (context / build["dockerfile"]).resolve() == DOCKERFILE
        assert build["args"] == {"SERVICE": service}
        assert (ROOT / "services" / service / "pyproject.toml").exists()
        assert (ROOT / "services" / service / "src" / package / "__main__.py").exists()
        project = tomllib.loads((ROOT / "services" / service / "pyproject.toml").read_text())["project"]
        assert project["name"] == service, "uv sync --package takes the project name"
        assert spec["image"].split(":")[0] == f"tpmhub/{service}"
        images.add(spec["image"])
    assert len(images) == 1, "the migration job and the service must run the same image"


def _cli_help(package: str, *args: str) -> str:
    result = run(
        [sys.executable, "-m", package, *args, "--help"],
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("service", SERVICES)
def test_compose_commands_are_real_cli_commands(compose: dict[str, Any], service: str) -> None:
    package, _, _, migrate = SERVICES[service]
    assert compose["services"][migrate]["command"] == ["migrate"]
    assert compose["services"][migrate]["restart"] == "no"
    assert compose["services"][service]["command"] == ["serve", "--no-migrate"]
    commands = _cli_help(package)
    assert re.search(r"\bmigrate\b", commands) and re.search(r"\bserve\b", commands)
    assert "--no-migrate" in _cli_help(package, "serve")
    # The entry point passes these through to `python -m <package>`.
    assert 'exec python -m "$module" "$@"' in ENTRYPOINT.read_text()


@pytest.mark.parametrize("service", SERVICES)
def test_compose_environment_names_real_settings(compose: dict[str, Any], service: str) -> None:
    package, prefix, _, migrate = SERVICES[service]
    own = set(settings_class(service).model_fields) - {"common"}
    common = set(CommonSettings.model_fields)
    for name in (service, migrate):
        env = env_list_to_dict(compose["services"][name]["environment"])
        for key in env:
            if key.startswith("TPM_"):
                assert key.removeprefix("TPM_").lower() in common, f"{name}: {key} is no CommonSettings field"
            else:
                assert key.startswith(prefix), f"{name}: {key} has neither TPM_ nor {prefix}"
                assert key.removeprefix(prefix).lower() in own, f"{name}: {key} is no {package} setting"
        url = urlsplit(env[f"{prefix}DATABASE_URL"])
        assert url.scheme == "postgresql+asyncpg"
        assert url.hostname == "postgres" and url.port == 5432
        assert url.password == SECRETS_FOR_TESTS["POSTGRES_PASSWORD"]
        assert url.username == COMPOSE_DB_USER == env_for_compose()["POSTGRES_USER"]
        assert env["TPM_JWT_SECRET"] == SECRETS_FOR_TESTS["TPM_JWT_SECRET"]
        assert env["TPM_ENV"] == "production"


@pytest.mark.parametrize("service", SERVICES)
def test_compose_environment_is_accepted_by_the_settings(
    compose: dict[str, Any], service: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, prefix, _, _ = SERVICES[service]
    env = env_list_to_dict(compose["services"][service]["environment"])
    for key in list(os.environ):
        if key.startswith(("TPM_", "REQUIREMENTS_", "RISK_", "RELEASE_")):
            monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    settings = settings_class(service)()
    assert settings.common.is_production
    assert settings.host == "0.0.0.0"
    assert settings.database_url == env[f"{prefix}DATABASE_URL"]
    published = compose["services"][service]["ports"]
    assert [p.rsplit(":", 1)[1] for p in published] == [str(settings.port)], "container port = PORT setting"
    assert settings.port == settings_class(service).model_fields["port"].default, "keep the documented ports"


def test_compose_siblings_point_at_compose_services(compose: dict[str, Any]) -> None:
    ports = {service: settings_class(service).model_fields["port"].default for service in SERVICES}
    for service in SERVICES:
        env = env_list_to_dict(compose["services"][service]["environment"])
        for sibling in SERVICES:
            key = f"TPM_{sibling.removesuffix('-svc').upper()}_URL"
            assert env[key] == f"http://{sibling}:{ports[sibling]}"


def test_compose_databases_are_the_ones_the_init_script_creates(compose: dict[str, Any]) -> None:
    postgres = compose["services"]["postgres"]
    created = postgres["environment"]["TPMHUB_DATABASES"].split()
    default = re.search(r"TPMHUB_DATABASES:-([a-z_ ]+)\}", INIT_SCRIPT.read_text())
    assert default and default.group(1).split() == created
    wanted = []
    for service, (_, prefix, _, _) in SERVICES.items():
        env = env_list_to_dict(compose["services"][service]["environment"])
        wanted.append(urlsplit(env[f"{prefix}DATABASE_URL"]).path.lstrip("/"))
    assert sorted(wanted) == sorted(created)
    assert len(set(wanted)) == 3, "one database per service"
    healthcheck = " ".join(postgres["healthcheck"]["test"])
    assert "pg_isready" in healthcheck and "-h 127.0.0.1" in healthcheck
    assert f"-d {created[-1]}" in healthcheck, "healthy only after the init script created the last database"


def test_compose_bind_mounts_exist(compose: dict[str, Any]) -> None:
    mounts = 0
    for name, spec in compose["services"].items():
        for volume in spec.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("."):
                assert (ROOT / source).is_file(), f"{name}: {source} does not exist"
                mounts += 1
    assert mounts == 2  # the init script and the gateway config
    init = compose["services"]["postgres"]["volumes"]
    assert any(v.split(":")[1].startswith("/docker-entrypoint-initdb.d/") for v in init)
    assert os.access(INIT_SCRIPT, os.X_OK) and os.access(ENTRYPOINT, os.X_OK)


@pytest.mark.parametrize("service", SERVICES)
def test_compose_healthchecks_and_dependencies(compose: dict[str, Any], service: str) -> None:
    services = compose["services"]
    spec = services[service]
    migrate = SERVICES[service][3]
    assert spec["healthcheck"]["test"] == ["CMD", "tpmhub-entrypoint", "healthcheck"]
    assert "  healthcheck)" in ENTRYPOINT.read_text()
    assert spec["depends_on"] == {
        "postgres": {"condition": "service_healthy"},
        migrate: {"condition": "service_completed_successfully"},
    }
    assert services[migrate]["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    assert "healthcheck" in services["postgres"]
    assert spec["restart"] == "unless-stopped"
    assert spec["deploy"]["resources"]["limits"]["memory"]
    assert spec["read_only"] is True and any(t.startswith("/tmp") for t in spec["tmpfs"])
    assert spec["cap_drop"] == ["ALL"]
    gateway = services["gateway"]["depends_on"]
    assert gateway[service] == {"condition": "service_healthy"}


def test_compose_dependencies_exist_and_have_no_cycle(compose: dict[str, Any]) -> None:
    services = compose["services"]
    graph = {name: set(spec.get("depends_on", {})) for name, spec in services.items()}
    for name, deps in graph.items():
        assert deps <= set(services), f"{name} depends on an unknown service"
        for dep in deps:
            condition = services[name]["depends_on"][dep]["condition"]
            if condition == "service_healthy":
                assert "healthcheck" in services[dep] or dep in SERVICES, f"{dep} has no healthcheck"
    done: set[str] = set()
    while len(done) < len(graph):
        ready = {n for n, deps in graph.items() if n not in done and deps <= done}
        assert ready, f"dependency cycle among {set(graph) - done}"
        done |= ready


def test_compose_connection_budget_fits_postgres() -> None:
    env = env_for_compose()
    need = sum(
        int(env[f"{p}DB_POOL_SIZE"]) + int(env[f"{p}DB_MAX_OVERFLOW"]) for _, p, _, _ in SERVICES.values()
    )
    assert need + 3 + 10 <= int(env["POSTGRES_MAX_CONNECTIONS"])


def test_docker_compose_config_validates(tmp_path: Path) -> None:
    """The real Compose parser (Debian's docker-compose, installed by CI); required when CI is set."""
    binary = shutil.which("docker-compose")
    if binary is None:
        assert not IN_CI, "CI must install docker-compose (apt-get install docker-compose)"
        pytest.skip("docker-compose is not installed (apt-get install docker-compose); CI requires it")
    env_file = tmp_path / "env"
    env_file.write_text("".join(f"{k}={v}\n" for k, v in env_for_compose().items()))
    clean_env = {k: v for k, v in os.environ.items() if k not in read_env_file(ENV_EXAMPLE)}
    result = run([binary, "--env-file", str(env_file), "-f", str(COMPOSE_FILE), "config"], env=clean_env)
    assert result.returncode == 0, result.stderr
    rendered = yaml.safe_load(result.stdout)
    ours, _ = load_compose()
    assert set(rendered["services"]) == set(ours["services"])
    for service in SERVICES:
        assert rendered["services"][service]["environment"] == env_list_to_dict(
            ours["services"][service]["environment"]
        )
    # Without the JWT secret Compose itself refuses.
    env_file.write_text(
        "".join(f"{k}={'' if k == 'TPM_JWT_SECRET' else v}\n" for k, v in env_for_compose().items())
    )
    refused = run([binary, "--env-file", str(env_file), "-f", str(COMPOSE_FILE), "config"], env=clean_env)
    assert refused.returncode != 0 and "TPM_JWT_SECRET" in refused.stderr


# --------------------------------------------------------------------------------------------- Dockerfile


def test_dockerfile_builds_any_service_from_the_lock() -> None:
    instructions = dockerfile_instructions()
    build = stage_of(instructions, "build")
    runtime = stage_of(instructions, "runtime")
    assert ("ARG", "SERVICE") in build and ("ARG", "SERVICE") in runtime
    runs = " ".join(rest for word, rest in build if word == "RUN")
    assert 'uv sync --frozen --no-dev --no-install-workspace --package "${SERVICE}"' in runs
    assert 'uv sync --frozen --no-dev --package "${SERVICE}"' in runs
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    locked = {p["name"] for p in lock["package"]}
    assert set(SERVICES) | {"tpmhub-shared"} <= locked
    workspace = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["uv"]["workspace"]["members"]
    assert {"shared", "services/*"} <= set(workspace)


@pytest.mark.parametrize("service", SERVICES)
def test_dockerfile_copy_sources_exist_and_pass_the_dockerignore(service: str) -> None:
    ignore = [
        line
        for line in (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
        if line and not line.startswith("#")
    ]

    def included(path: str) -> bool:
        keep = True
        for pattern in ignore:
            negate = pattern.startswith("!")
            pat = pattern.lstrip("!")
            if fnmatch.fnmatch(path, pat) or fnmatch.fnmatch(path, pat.removesuffix("/**") + "/*"):
                keep = negate
        return keep

    copies = 0
    for word, rest in dockerfile_instructions():
        if word != "COPY" or "--from=" in rest:
            continue
        *sources, _dest = shlex.split(rest.replace("${SERVICE}", service))
        for source in sources:
            path = ROOT / source
            assert path.exists(), f"COPY {source}: missing for {service}"
            files = (
                [path]
                if path.is_file()
                else [
                    p
                    for p in path.rglob("*")
                    if p.is_file() and "__pycache__" not in p.parts and "tests" not in p.parts
                ]
            )
            assert files, source
            for f in files:
                rel = f.relative_to(ROOT).as_posix()
                assert included(rel), (
                    f"{rel} is copied by the Dockerfile but excluded by Dockerfile.dockerignore"
                )
            copies += 1
    assert copies >= 8
    migrations = ROOT / "services" / service / "migrations" / "versions"
    assert any(migrations.glob("*.py")), "the service image carries its migrations"
    assert not included(".venv/bin/python") and not included("var/requirements-svc.db")


def test_dockerfile_runtime_contract() -> None:
    runtime = stage_of(dockerfile_instructions(), "runtime")
    by_word: dict[str, list[str]] = {}
    for word, rest in runtime:
        by_word.setdefault(word, []).append(rest)
    user = by_word["USER"][-1]
    assert re.fullmatch(r"[1-9][0-9]{3,}:[1-9][0-9]{3,}", user), (
        "numeric non-root user (runAsNonRoot can check it)"
    )
    assert by_word["ENTRYPOINT"] == ['["tpmhub-entrypoint"]']
    assert by_word["CMD"] == ['["serve", "--no-migrate"]']
    healthcheck = by_word["HEALTHCHECK"][0]
    assert healthcheck.endswith('CMD ["tpmhub-entrypoint", "healthcheck"]')
    copies = " ".join(by_word["COPY"])
    assert "deploy/docker-entrypoint.sh /usr/local/bin/tpmhub-entrypoint" in copies
    env = " ".join(by_word["ENV"])
    for needed in (
        "PYTHONDONTWRITEBYTECODE=1",
        "HOME=/tmp",
        "TMPDIR=/tmp",
        "TPM_SERVICE=${SERVICE}",
        "TPM_ENV=production",
        "REQUIREMENTS_HOST=0.0.0.0",
        "RISK_HOST=0.0.0.0",
        "RELEASE_HOST=0.0.0.0",
    ):
        assert needed in env
    # Bytecode is compiled at build time, so a read-only root filesystem costs nothing at start-up.
    assert "compileall" in " ".join(rest for word, rest in dockerfile_instructions() if word == "RUN")


# --------------------------------------------------------------- entry point, init script, gateway (real)


def entrypoint_env(service: str, extra: dict[str, str]) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TPM_", "REQUIREMENTS_", "RISK_", "RELEASE_"))
    }
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["TPM_SERVICE"] = service
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


def test_entrypoint_token_is_signed_with_the_deployment_secret() -> None:
    secret = SECRETS_FOR_TESTS["TPM_JWT_SECRET"]
    env = entrypoint_env("risk-svc", {"TPM_ENV": "production", "TPM_JWT_SECRET": secret})
    result = run(["sh", str(ENTRYPOINT), "token", "tpm", "PAY", "alice"], env=env)
    assert result.returncode == 0, result.stderr
    claims = jwt.decode(result.stdout.strip(), secret, algorithms=["HS256"], issuer="tpmhub")
    assert claims["sub"] == "alice" and claims["roles"] == {"PAY": "tpm"}
    usage = run(["sh", str(ENTRYPOINT), "token", "tpm"], env=env)
    assert usage.returncode == 64 and "usage" in usage.stderr
    # Production with the development secret: the settings refuse, so no token either.
    refused = run(
        ["sh", str(ENTRYPOINT), "token", "tpm", "PAY", "alice"],
        env=entrypoint_env("risk-svc", {"TPM_ENV": "production"}),
    )
    assert refused.returncode != 0 and "TPM_JWT_SECRET" in refused.stderr
    assert run(["sh", str(ENTRYPOINT), "migrate"], env={"PATH": os.environ["PATH"]}).returncode != 0


@pytest.fixture(scope="module")
def fresh_postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL of its own, so the init script's default database names collide with nothing."""
    server = PostgresServer().start()
    try:
        yield server
    finally:
        server.stop()


def _run_init(pg: PostgresServer, **extra: str) -> subprocess.CompletedProcess[str]:
    """The init script as the postgres image runs it: as POSTGRES_USER (a superuser) against POSTGRES_DB."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "POSTGRES_", "TPMHUB_"))}
    env.update(
        {
            "PGHOST": "127.0.0.1",
            "PGPORT": str(pg.port),
            "POSTGRES_USER": COMPOSE_DB_USER,
            "POSTGRES_DB": "postgres",
            **extra,
        }
    )
    return run(["sh", str(INIT_SCRIPT)], env=env)


@pytest.fixture(scope="module")
def initialised_postgres(fresh_postgres: PostgresServer) -> PostgresServer:
    # The postgres image makes POSTGRES_USER a superuser; the harness's server trusts local connections.
    fresh_postgres.psql(f"CREATE ROLE {COMPOSE_DB_USER} SUPERUSER LOGIN")
    first = _run_init(fresh_postgres)
    assert first.returncode == 0, first.stderr
    return fresh_postgres


def test_init_script_creates_one_database_per_service_idempotently(
    initialised_postgres: PostgresServer,
) -> None:
    pg = initialised_postgres
    listed = set(pg.psql("SELECT datname FROM pg_database").split())
    assert {"requirements", "risk", "release"} <= listed
    owners = pg.psql(
        "SELECT datname || '=' || pg_get_userbyid(datdba) FROM pg_database "
        "WHERE datname IN ('requirements', 'risk', 'release')"
    ).split()
    assert sorted(owners) == [f"{db}={COMPOSE_DB_USER}" for db in ("release", "requirements", "risk")]
    again = _run_init(pg)
    assert again.returncode == 0, again.stderr
    assert set(pg.psql("SELECT datname FROM pg_database").split()) == listed
    bad = _run_init(pg, TPMHUB_DATABASES="ok_name Bad-Name")
    assert bad.returncode != 0 and "invalid database name" in bad.stderr
    assert "bad-name" not in pg.psql("SELECT datname FROM pg_database").lower()
    assert "ok_name" in pg.psql("SELECT datname FROM pg_database").split()


@pytest.fixture(scope="module")
def compose_like_stack(
    initialised_postgres: PostgresServer, compose: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, int]]:
    """Compose's commands and environment, run through the image's entry point on this machine: host names
    `postgres` and `<svc>` map to local ports, the rest is exactly what docker-compose.yml says."""
    pg = initialised_postgres
    ports = {service: free_port() for service in SERVICES}
    logs = tmp_path_factory.mktemp("compose-like")
    processes: list[subprocess.Popen[bytes]] = []

    def localise(env: dict[str, str], service: str) -> dict[str, str]:
        out = {}
        for key, value in env.items():
            value = value.replace("@postgres:5432/", f"@127.0.0.1:{pg.port}/")
            for sibling, port in ports.items():
                value = re.sub(rf"^http://{sibling}:\d+$", f"http://127.0.0.1:{port}", value)
            out[key] = value
        prefix = SERVICES[service][1]
        out[f"{prefix}HOST"] = "127.0.0.1"
        out[f"{prefix}PORT"] = str(ports[service])
        return out

    # The harness's PostgreSQL trusts local connections; the password in the URL is simply unused.
    try:
        for service in SERVICES:
            migrate = SERVICES[service][3]
            spec = compose["services"][migrate]
            env = entrypoint_env(service, localise(env_list_to_dict(spec["environment"]), service))
            result = run(["sh", str(ENTRYPOINT), *spec["command"]], env=env, timeout=180)
            assert result.returncode == 0, f"{migrate}: {result.stderr[-4000:]}"
        for service in SERVICES:
            spec = compose["services"][service]
            env = entrypoint_env(service, localise(env_list_to_dict(spec["environment"]), service))
            log = logs / f"{service}.log"
            with open(log, "wb") as out:
                proc = subprocess.Popen(
                    ["sh", str(ENTRYPOINT), *spec["command"]],
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            processes.append(proc)
            # Alive is enough to start; readiness (migrations at head) is what the test below asserts.
            wait_http(f"http://127.0.0.1:{ports[service]}/healthz", proc, log)
        yield ports
    finally:
        for proc in processes:
            stop(proc)


def test_compose_commands_migrate_then_serve_through_the_entrypoint(
    compose_like_stack: dict[str, int], compose: dict[str, Any]
) -> None:
    for service, port in compose_like_stack.items():
        ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=10)
        assert ready.status_code == 200, (
            f"{service} is not ready after its migration service ran: {ready.text}"
        )
        assert ready.json()["checks"] == {"database": "ok", "migrations": "ok"}
        assert ready.json()["service"] == service
        # The container's HEALTHCHECK command, run with the container's environment.
        _, prefix, _, _ = SERVICES[service]
        env = entrypoint_env(
            service,
            {f"{prefix}PORT": str(port), f"{prefix}DATABASE_URL": "postgresql+asyncpg://u@127.0.0.1:1/x"},
        )
        check = run(
            ["sh", str(ENTRYPOINT), *compose["services"][service]["healthcheck"]["test"][2:]], env=env
        )
        assert check.returncode == 0, check.stderr
        wrong = {**env, f"{prefix}PORT": str(free_port())}
        assert run(["sh", str(ENTRYPOINT), "healthcheck"], env=wrong).returncode != 0


def test_serve_without_migrations_is_not_ready(initialised_postgres: PostgresServer, tmp_path: Path) -> None:
    """Why Compose runs the migration service first: `serve --no-migrate` on an empty database is alive but
    not ready, so no load balancer sends it traffic."""
    url = initialised_postgres.create_database("deploy_unmigrated")
    port = free_port()
    env = entrypoint_env(
        "risk-svc",
        {"RISK_DATABASE_URL": url, "RISK_HOST": "127.0.0.1", "RISK_PORT": str(port), "TPM_ENV": "test"},
    )
    log = tmp_path / "risk.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            ["sh", str(ENTRYPOINT), "serve", "--no-migrate"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz", proc, log)
        ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=30)
        assert ready.status_code == 503
        assert ready.json()["status"] == "unavailable"
    finally:
        stop(proc)


def gateway_config_for(ports: dict[str, int], listen: int) -> str:
    text = GATEWAY_CONF.read_text()
    for service, port in ports.items():
        default = settings_class(service).model_fields["port"].default
        assert f"http://{service}:{default}" in text, f"gateway.conf does not proxy to {service}:{default}"
        text = text.replace(f"http://{service}:{default}", f"http://127.0.0.1:{port}")
    assert "listen 80;" in text
    text = text.replace("listen 80;", f"listen 127.0.0.1:{listen};")
    return text.replace("/var/log/nginx/access.log", "stderr")


def nginx_binary() -> str:
    binary = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)
    if binary is None:
        assert not IN_CI, "CI must install nginx (apt-get install nginx-light)"
        pytest.skip("nginx is not installed (apt-get install nginx-light); CI requires it")
    return binary


def write_nginx_main(tmp: Path, gateway: str) -> Path:
    (tmp / "gateway.conf").write_text(gateway)
    main = tmp / "nginx.conf"
    main.write_text(f"""
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log info;
events {{ worker_connections 64; }}
http {{
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/gateway.conf;
}}
""")
    return main


def test_gateway_config_is_valid_nginx(tmp_path: Path) -> None:
    binary = nginx_binary()
    main = write_nginx_main(tmp_path, GATEWAY_CONF.read_text().replace("/var/log/nginx/access.log", "stderr"))
    result = run([binary, "-t", "-p", str(tmp_path), "-c", str(main)])
    assert result.returncode == 0, result.stderr
    broken = write_nginx_main(tmp_path, GATEWAY_CONF.read_text().replace("proxy_pass", "proxy_pas", 1))
    assert run([binary, "-t", "-p", str(tmp_path), "-c", str(broken)]).returncode != 0


def test_gateway_serves_the_three_services_and_their_swagger_uis(
    compose_like_stack: dict[str, int], tmp_path: Path
) -> None:
    binary = nginx_binary()
    listen = free_port()
    main = write_nginx_main(tmp_path, gateway_config_for(compose_like_stack, listen))
    log = tmp_path / "nginx.out"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [binary, "-p", str(tmp_path), "-c", str(main), "-g", "daemon off;"],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{listen}"
    try:
        assert wait_http(f"{base}/healthz", proc, log).json() == {"status": "ok", "service": "gateway"}
        index = httpx.get(f"{base}/", timeout=30).text
        for service, (_, _, path, _) in SERVICES.items():
            assert f'href="/{path}/docs"' in index
            health = httpx.get(f"{base}/{path}/healthz", headers={"X-Request-ID": f"gw-{path}"}, timeout=30)
            assert health.status_code == 200 and health.json()["service"] == service
            assert health.headers["x-request-id"] == f"gw-{path}", (
                "the caller's request id reaches the service"
            )
            docs = httpx.get(f"{base}/{path}/docs", timeout=30)
            assert docs.status_code == 200
            assert f"url: '/{path}/openapi.json'" in docs.text, "Swagger UI must load the prefixed spec"
            spec = httpx.get(f"{base}/{path}/openapi.json", timeout=30)
            assert spec.status_code == 200
            assert spec.json()["servers"] == [{"url": f"/{path}"}], (
                "'Try it out' must call through the prefix"
            )
            assert spec.json()["paths"], spec.text[:200]
            problem = httpx.get(f"{base}/{path}/v1/no-such-route", timeout=30)
            assert problem.status_code == 404
            assert problem.headers["content-type"].startswith("application/problem+json")
            assert httpx.get(f"{base}/{path}", timeout=30).status_code == 301
        unauthenticated = httpx.get(f"{base}/requirements/v1/projects", timeout=30)
        assert unauthenticated.status_code == 401, "API calls pass through untouched"
    finally:
        stop(proc)


# ------------------------------------------------------------------------------------------- Kubernetes


def kustomize(path: Path) -> list[dict[str, Any]]:
    kubectl = shutil.which("kubectl")
    assert kubectl, (
        "kubectl (with its built-in kustomize) is needed to render deploy/k8s; it is in the machine image"
    )
    result = run([kubectl, "kustomize", str(path)])
    assert result.returncode == 0, result.stderr
    return [d for d in yaml.safe_load_all(result.stdout) if d]


@pytest.fixture(scope="module")
def rendered() -> dict[str, list[dict[str, Any]]]:
    out = {"base": kustomize(K8S / "base")}
    for overlay in OVERLAYS:
        out[overlay] = kustomize(K8S / "overlays" / overlay)
    return out


def by_kind(docs: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {d["metadata"]["name"]: d for d in docs if d["kind"] == kind}


def test_overlays_exist() -> None:
    assert {"development", "production"} <= set(OVERLAYS)


@pytest.mark.parametrize("version", K8S_VERSIONS)
def test_manifests_validate_against_kubernetes_schemas(
    rendered: dict[str, list[dict[str, Any]]], version: str
) -> None:
    for name, docs in rendered.items():
        kinds = {d["kind"] for d in docs}
        assert {
            "Deployment",
            "Service",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "Job",
            "ConfigMap",
            "Ingress",
        } <= kinds, name
        for doc in docs:
            try:
                kubernetes_validate.validate(doc, version, strict=True)
            except kubernetes_validate.ValidationError as exc:
                raise AssertionError(
                    f"{name}: {doc['kind']}/{doc['metadata']['name']}: {exc.message} at {list(exc.path)}"
                ) from None


def test_schema_validation_catches_mistakes(rendered: dict[str, list[dict[str, Any]]]) -> None:
    deployment = copy.deepcopy(by_kind(rendered["production"], "Deployment")["risk-svc"])
    deployment["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["paht"] = "/readyz"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, K8S_VERSIONS[-1], strict=True)
    deployment = copy.deepcopy(by_kind(rendered["production"], "Deployment")["risk-svc"])
    deployment["spec"]["replicas"] = "three"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, K8S_VERSIONS[-1], strict=True)


def _config(docs: list[dict[str, Any]]) -> dict[str, str]:
    maps = [d for d in docs if d["kind"] == "ConfigMap" and d["metadata"]["name"].startswith("tpmhub-config")]
    assert len(maps) == 1
    return maps[0]["data"]


@pytest.mark.parametrize("overlay", ["base", *OVERLAYS])
def test_deployments_probes_security_and_settings(
    rendered: dict[str, list[dict[str, Any]]], overlay: str
) -> None:
    docs = rendered[overlay]
    deployments = by_kind(docs, "Deployment")
    services = by_kind(docs, "Service")
    config = _config(docs)
    common = set(CommonSettings.model_fields)
    for key in config:
        if key.startswith("TPM_"):
            assert key.removeprefix("TPM_").lower() in common, key
    for service, (_, prefix, _, _) in SERVICES.items():
        own = set(settings_class(service).model_fields) - {"common"}
        for key in config:
            if key.startswith(prefix):
                assert key.removeprefix(prefix).lower() in own, key
        port = int(config[f"{prefix}PORT"])
        assert config[f"{prefix}HOST"] == "0.0.0.0"
        assert config[f"TPM_{service.removesuffix('-svc').upper()}_URL"] == f"http://{service}:{port}"

        deployment = deployments[service]
        pod = deployment["spec"]["template"]["spec"]
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert all(labels.get(k) == v for k, v in deployment["spec"]["selector"]["matchLabels"].items())
        (container,) = pod["containers"]
        assert container["args"] == ["serve", "--no-migrate"]
        assert container["image"].rsplit(":", 1)[0].endswith(f"tpmhub/{service}")
        assert [p["containerPort"] for p in container["ports"]] == [port]
        assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
        assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
        assert container["resources"]["requests"] and container["resources"]["limits"]["memory"]
        assert pod["securityContext"]["runAsNonRoot"] is True and pod["securityContext"]["runAsUser"] >= 10000
        assert container["securityContext"]["readOnlyRootFilesystem"] is True
        assert container["securityContext"]["allowPrivilegeEscalation"] is False
        assert container["securityContext"]["capabilities"]["drop"] == ["ALL"]
        mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
        volumes = {v["name"]: v for v in pod["volumes"]}
        assert set(mounts) == {"/tmp"} and "emptyDir" in volumes[mounts["/tmp"]]
        assert pod["terminationGracePeriodSeconds"] > 15 + 5, (
            "uvicorn's graceful timeout plus the preStop sleep"
        )
        env_names = {e["name"] for e in container.get("env", [])}
        assert env_names == {"TPM_JWT_SECRET", f"{prefix}DATABASE_URL"}
        (env_from,) = container["envFrom"]
        assert env_from["configMapRef"]["name"] == next(
            d["metadata"]["name"]
            for d in docs
            if d["kind"] == "ConfigMap" and d["metadata"]["name"].startswith("tpmhub-config")
        )

        svc = services[service]
        assert svc["spec"]["selector"] == deployment["spec"]["selector"]["matchLabels"]
        assert svc["spec"]["ports"][0]["port"] == port and svc["spec"]["ports"][0]["targetPort"] == "http"

        hpa = by_kind(docs, "HorizontalPodAutoscaler")[service]
        assert hpa["spec"]["scaleTargetRef"] == {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "name": service,
        }
        assert hpa["spec"]["minReplicas"] <= hpa["spec"]["maxReplicas"]
        pdb = by_kind(docs, "PodDisruptionBudget")[service]
        assert pdb["spec"]["selector"]["matchLabels"] == deployment["spec"]["selector"]["matchLabels"]
        if overlay == "production":
            assert hpa["spec"]["minReplicas"] >= 2 and deployment["spec"]["replicas"] >= 2


@pytest.mark.parametrize("overlay", ["base", *OVERLAYS])
def test_migration_jobs_run_the_same_image_once(
    rendered: dict[str, list[dict[str, Any]]], overlay: str
) -> None:
    docs = rendered[overlay]
    jobs = by_kind(docs, "Job")
    deployments = by_kind(docs, "Deployment")
    assert len(jobs) == 3
    for service in SERVICES:
        (job,) = [j for j in jobs.values() if j["metadata"]["labels"]["app.kubernetes.io/name"] == service]
        (container,) = job["spec"]["template"]["spec"]["containers"]
        app = deployments[service]["spec"]["template"]["spec"]["containers"][0]
        assert container["args"] == ["migrate"]
        assert container["image"] == app["image"]
        assert container["env"] == app["env"] and container["envFrom"] == app["envFrom"]
        assert container["securityContext"]["readOnlyRootFilesystem"] is True
        assert job["spec"]["template"]["spec"]["restartPolicy"] in ("Never", "OnFailure")


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_secrets_and_ingress(rendered: dict[str, list[dict[str, Any]]], overlay: str) -> None:
    docs = rendered[overlay]
    refs: set[tuple[str, str]] = set()
    for d in docs:
        if d["kind"] in ("Deployment", "Job"):
            for c in d["spec"]["template"]["spec"]["containers"]:
                for e in c.get("env", []):
                    if "valueFrom" in e and "secretKeyRef" in e["valueFrom"]:
                        refs.add(
                            (e["valueFrom"]["secretKeyRef"]["name"], e["valueFrom"]["secretKeyRef"]["key"])
                        )
    secrets = by_kind(docs, "Secret")
    names = {name for name, _ in refs}
    assert len(names) == 1
    (secret_name,) = names
    keys = {key for _, key in refs}
    assert keys == {
        "TPM_JWT_SECRET",
        "REQUIREMENTS_DATABASE_URL",
        "RISK_DATABASE_URL",
        "RELEASE_DATABASE_URL",
    }
    if overlay == "production":
        assert secret_name == "tpmhub-secrets" and not secrets, "production secrets never live in git"
        docs_text = (ROOT / "docs" / "operations.md").read_text()
        assert "tpmhub-secrets" in docs_text and all(k in docs_text for k in keys)
    else:
        assert secret_name in secrets, f"{overlay}: the Secret the pods read is not rendered"
        data = secrets[secret_name]["data"]
        assert set(data) == keys
        urls = {k: base64.b64decode(v).decode() for k, v in data.items() if k.endswith("DATABASE_URL")}
        postgres = by_kind(docs, "StatefulSet")["postgres"]
        env = {
            e["name"]: e.get("value") for e in postgres["spec"]["template"]["spec"]["containers"][0]["env"]
        }
        created = env["TPMHUB_DATABASES"].split()
        assert sorted(urlsplit(u).path.lstrip("/") for u in urls.values()) == sorted(created)
        assert all(urlsplit(u).hostname == "postgres" for u in urls.values())
        assert "postgres" in by_kind(docs, "Service")
        copy_of_init = K8S / "overlays" / overlay / "postgres" / "init-databases.sh"
        assert copy_of_init.read_text() == INIT_SCRIPT.read_text(), (
            "keep the overlay's copy of the init script"
        )
    ingress = by_kind(docs, "Ingress")["tpmhub"]
    services = by_kind(docs, "Service")
    routed: dict[str, set[str]] = {}
    for rule in ingress["spec"]["rules"]:
        for path in rule["http"]["paths"]:
            backend = path["backend"]["service"]
            assert backend["name"] in services
            assert backend["port"]["name"] in {p["name"] for p in services[backend["name"]]["spec"]["ports"]}
            routed.setdefault(backend["name"], set()).add(path["path"])
    assert set(routed) == set(SERVICES)
    for paths in routed.values():
        assert {"/v1", "/docs", "/openapi.json"} <= paths
        assert "/metrics" not in paths and "/" not in paths, "metrics stay inside the cluster"


@pytest.mark.parametrize("overlay", ["base", *OVERLAYS])
def test_connection_budget_fits_postgres(rendered: dict[str, list[dict[str, Any]]], overlay: str) -> None:
    """pool_size + max_overflow per replica × the most replicas the autoscaler may run, summed over the
    services, plus one connection per migration Job and 10 % reserved (superuser, backups, humans), must fit
    PostgreSQL's max_connections (docs/operations.md, "Connection pools")."""
    docs = rendered[overlay]
    config = _config(docs)
    hpas = by_kind(docs, "HorizontalPodAutoscaler")
    need = 0
    for service, (_, prefix, _, _) in SERVICES.items():
        per_replica = int(config[f"{prefix}DB_POOL_SIZE"]) + int(config[f"{prefix}DB_MAX_OVERFLOW"])
        need += per_replica * hpas[service]["spec"]["maxReplicas"]
    need += len(by_kind(docs, "Job"))
    capacity = int(config["POSTGRES_MAX_CONNECTIONS"])
    assert need <= capacity * 0.9, f"{overlay}: {need} connections at full scale > 90 % of {capacity}"
    for postgres in by_kind(docs, "StatefulSet").values():
        args = postgres["spec"]["template"]["spec"]["containers"][0]["args"]
        assert f"max_connections={capacity}" in args, "the bundled PostgreSQL must be configured as budgeted"


# ------------------------------------------------------------------------------------------------- docs


def test_operations_guide_covers_every_setting_and_the_compose_steps() -> None:
    guide = (ROOT / "docs" / "operations.md").read_text()
    for key in read_env_file(ENV_EXAMPLE):
        assert f"`{key}`" in guide, f"docs/operations.md does not describe {key}"
    for step in (
        "cp .env.example .env",
        "docker compose up -d --build",
        "tpmhub-entrypoint token",
        "kubectl apply -k deploy/k8s/overlays/production",
        "pg_dump",
        "FOR UPDATE SKIP LOCKED",
        "http_requests_total",
        "http_request_duration_seconds",
        "http_requests_in_flight",
        "project_key",
    ):
        assert step in guide, f"docs/operations.md does not mention {step!r}"
    assert (ROOT / "docs" / "decisions" / "deployment.md").exists()
