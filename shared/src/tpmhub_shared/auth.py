"""Bearer-token authentication (PyJWT) and role checks per project."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Annotated, Protocol, TypeVar

import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from tpmhub_shared.problems import Forbidden, NotFound, Unauthorized
from tpmhub_shared.settings import CommonSettings
from tpmhub_shared.vocabulary import ROLES

ALL_ROLES = frozenset(ROLES)
# Common role sets, named for what they may do.
PLANNERS = frozenset({"admin", "pm", "tpm"})
CONTRIBUTORS = frozenset({"admin", "pm", "tpm", "engineer", "qa"})
WILDCARD = "*"


@dataclass(frozen=True)
class Principal:
    """Who is calling: a person, a CI pipeline, or one of our services."""

    sub: str
    name: str = ""
    roles: dict[str, str] = field(default_factory=dict)
    service: str | None = None

    @property
    def is_service(self) -> bool:
        return self.service is not None

    def role_in(self, project_key: str | None) -> str | None:
        if project_key is not None and project_key in self.roles:
            return self.roles[project_key]
        return self.roles.get(WILDCARD)

    def is_admin(self, project_key: str | None = None) -> bool:
        return self.role_in(project_key) == "admin"

    def can(self, project_key: str | None, allowed: Iterable[str]) -> bool:
        role = self.role_in(project_key)
        return role is not None and (role == "admin" or role in allowed)

    def can_read(self, project_key: str | None) -> bool:
        return self.is_service or self.role_in(project_key) is not None

    def visible_projects(self) -> set[str] | None:
        """Project keys this caller may read; None means all of them."""
        if self.is_service or WILDCARD in self.roles:
            return None
        return set(self.roles)


def ensure_role(
    principal: Principal, project_key: str | None, allowed: Iterable[str], *, action: str
) -> None:
    """403 unless the caller's role on the project is one of `allowed` (admins always may)."""
    allowed = frozenset(allowed)
    if principal.can(project_key, allowed):
        return
    role = principal.role_in(project_key)
    where = f"project {project_key}" if project_key else "this deployment"
    required = sorted(allowed | {"admin"})
    raise Forbidden(
        f"Role '{role or 'none'}' on {where} may not {action}; allowed: {', '.join(required)}.",
        required_roles=required,
    )


def ensure_read(principal: Principal, project_key: str) -> None:
    if not principal.can_read(project_key):
        raise Forbidden(f"No role on project {project_key}.")


class InProject(Protocol):
    """Anything that belongs to one project (a table row, a result row)."""

    @property
    def project_key(self) -> str | None: ...


T = TypeVar("T", bound=InProject)


def ensure_visible(principal: Principal, project_key: str | None, missing: str) -> None:
    """404 with `missing` as detail unless the caller may read the project.

    A resource addressed by id or key outside `/projects/{key}` answers a caller with no role on its
    project exactly as it answers an id that does not exist: same status, same detail, so that neither
    the resource nor its project is disclosed. (A caller who may read but not write still gets 403 on a
    write: that discloses nothing.)"""
    if project_key is None or not principal.can_read(project_key):
        raise NotFound(missing)


def visible(principal: Principal, row: T | None, missing: str) -> T:
    """The resource loaded by id, if it exists and the caller may read its project; otherwise the
    same 404 for both (see `ensure_visible`)."""
    if row is None:
        raise NotFound(missing)
    ensure_visible(principal, row.project_key, missing)
    return row


def issue_token(
    settings: CommonSettings,
    *,
    sub: str,
    roles: dict[str, str],
    name: str = "",
    ttl_seconds: int = 12 * 3600,
    service: str | None = None,
) -> str:
    now = int(time.time())
    claims: dict[str, object] = {
        "sub": sub,
        "name": name or sub,
        "roles": roles,
        "iat": now,
        "nbf": now - 5,
        "exp": now + ttl_seconds,
        "iss": settings.jwt_issuer,
    }
    if service:
        claims["svc"] = service
    return jwt.encode(claims, settings.jwt_secret.get_secret_value(), algorithm=settings.jwt_algorithm)


class VerifiedTokens:
    """A small bounded cache of tokens whose signature and claims were verified, so that a client sending
    the same token on every request pays PyJWT's HMAC and claim checks once. Keyed by the whole token (a
    forged or altered token is another key) and by the settings that verified it (a rotated secret starts
    afresh); an entry is served only before the token's `exp`; failures are never cached."""

    def __init__(self, max_entries: int = 4096, now: Callable[[], float] = time.time) -> None:
        self.max_entries = max_entries
        self._now = now
        self._entries: OrderedDict[tuple[str, str, str, str], tuple[Principal, float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: tuple[str, str, str, str]) -> Principal | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        principal, expires_at = entry
        if self._now() >= expires_at:
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return principal

    def put(self, key: tuple[str, str, str, str], principal: Principal, expires_at: float) -> None:
        self._entries[key] = (principal, expires_at)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)


VERIFIED_TOKENS = VerifiedTokens()


def decode_token(settings: CommonSettings, token: str, *, cache: VerifiedTokens | None = None) -> Principal:
    cache = VERIFIED_TOKENS if cache is None else cache
    key = (token, settings.jwt_secret.get_secret_value(), settings.jwt_algorithm, settings.jwt_issuer)
    principal = cache.get(key)
    if principal is not None:
        return principal
    principal, expires_at = _verify(settings, token)
    cache.put(key, principal, expires_at)
    return principal


def _verify(settings: CommonSettings, token: str) -> tuple[Principal, float]:
    try:
        claims = jwt.decode(
            token,
            settings.jwt_secret.get_secret_value(),
            algorithms=[settings.jwt_algorithm],
            issuer=settings.jwt_issuer,
            options={"require": ["sub", "exp", "iat"]},
            leeway=10,
        )
    except jwt.ExpiredSignatureError as exc:
        raise Unauthorized("The token has expired.") from exc
    except jwt.InvalidTokenError as exc:
        raise Unauthorized(f"Invalid token: {type(exc).__name__}.") from exc
    roles = claims.get("roles") or {}
    if not isinstance(roles, dict) or any(
        not isinstance(k, str) or v not in ALL_ROLES for k, v in roles.items()
    ):
        raise Unauthorized("Invalid token: 'roles' must map project keys or '*' to a known role.")
    service = claims.get("svc")
    principal = Principal(
        sub=str(claims["sub"]),
        name=str(claims.get("name") or claims["sub"]),
        roles=dict(roles),
        service=str(service) if service else None,
    )
    return principal, float(claims["exp"])


_bearer = HTTPBearer(auto_error=False, description="JWT from `make token`; claims sub, name, roles.")


async def get_principal(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Principal:
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise Unauthorized("A bearer token is required (Authorization: Bearer <JWT>).")
    principal = decode_token(request.app.state.settings.common, credentials.credentials)
    request.state.principal = principal
    return principal


async def get_service_principal(principal: Annotated[Principal, Depends(get_principal)]) -> Principal:
    if not principal.is_service:
        raise Forbidden("Only TPM Hub services may call this endpoint (service token required).")
    return principal


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]
ServicePrincipal = Annotated[Principal, Depends(get_service_principal)]
