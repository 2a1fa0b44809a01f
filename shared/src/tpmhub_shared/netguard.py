"""SSRF guard for outbound webhook targets: refuse URLs whose host resolves to loopback, private,
link-local, multicast, reserved or unspecified addresses (unless the deployment allows them)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

RESOLVE_TIMEOUT_SECONDS = 3.0


class UnsafeTarget(ValueError):
    """The target URL may not be called; the message says why."""


def _blocked(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for name in (
        "is_loopback",
        "is_link_local",
        "is_private",
        "is_multicast",
        "is_reserved",
        "is_unspecified",
    ):
        if getattr(address, name):
            return name.removeprefix("is_").replace("_", "-")
    if isinstance(address, ipaddress.IPv4Address) and address in ipaddress.ip_network("100.64.0.0/10"):
        return "shared (carrier-grade NAT)"
    return None


def check_url_shape(url: str) -> tuple[str, int]:
    """Scheme http(s), a host, no credentials; returns (host, port)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:
        raise UnsafeTarget("the URL is malformed") from exc
    if parts.scheme not in ("http", "https"):
        raise UnsafeTarget("the URL must use http or https")
    if not host:
        raise UnsafeTarget("the URL has no host")
    if parts.username or parts.password:
        raise UnsafeTarget("credentials in the URL are not allowed; use the signature to authenticate")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise UnsafeTarget("the URL has an invalid port") from exc
    return host, port


async def check_target(url: str, *, allow_private: bool) -> None:
    """Raise UnsafeTarget when `url` may not be called from here."""
    host, port = check_url_shape(url)
    if allow_private:
        return
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [literal]
    else:
        try:
            async with asyncio.timeout(RESOLVE_TIMEOUT_SECONDS):
                infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError, ValueError, TimeoutError) as exc:
            raise UnsafeTarget(f"the host {host} does not resolve") from exc
        addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    for address in addresses:
        reason = _blocked(address)
        if reason:
            raise UnsafeTarget(
                f"the host {host} resolves to a {reason} address ({address}), which is not allowed"
            )
