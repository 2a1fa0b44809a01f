"""A GitHub App's private key as configured on a CI source: parsed and bounded when saved, shown only as
the fingerprint of its public key."""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

MAX_PRIVATE_KEY_CHARS = 16_384
MIN_RSA_BITS = 2048


def load_private_key(pem: str) -> rsa.RSAPrivateKey:
    """The PEM as an RSA private key; ValueError (never quoting the key) when it is not one."""
    if len(pem) > MAX_PRIVATE_KEY_CHARS:
        raise ValueError(f"the private key is longer than {MAX_PRIVATE_KEY_CHARS} characters")
    try:
        key = serialization.load_pem_private_key(pem.strip().encode(), password=None)
    except (ValueError, TypeError, UnicodeError) as exc:
        raise ValueError("not a parseable, unencrypted PEM private key") from exc
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("GitHub App keys are RSA keys")
    if key.key_size < MIN_RSA_BITS:
        raise ValueError(f"the RSA key has {key.key_size} bits; at least {MIN_RSA_BITS} are needed")
    return key


def key_fingerprint(pem: str) -> str:
    """SHA-256 of the public key (DER), as GitHub shows for an App's keys: safe to show."""
    public = (
        load_private_key(pem)
        .public_key()
        .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return "SHA256:" + hashlib.sha256(public).hexdigest()
