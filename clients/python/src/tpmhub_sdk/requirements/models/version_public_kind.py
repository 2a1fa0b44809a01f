from typing import Literal

VersionPublicKind = Literal["design", "prd"]

VERSION_PUBLIC_KIND_VALUES: set[VersionPublicKind] = {
    "design",
    "prd",
}


def check_version_public_kind(value: str) -> VersionPublicKind:
    if value in VERSION_PUBLIC_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VERSION_PUBLIC_KIND_VALUES!r}")
