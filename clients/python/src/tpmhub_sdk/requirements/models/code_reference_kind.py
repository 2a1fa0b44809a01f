from typing import Literal

CodeReferenceKind = Literal["branch", "commit", "pull_request"]

CODE_REFERENCE_KIND_VALUES: set[CodeReferenceKind] = {
    "branch",
    "commit",
    "pull_request",
}


def check_code_reference_kind(value: str) -> CodeReferenceKind:
    if value in CODE_REFERENCE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CODE_REFERENCE_KIND_VALUES!r}")
