from typing import Literal

CiSourceCreateProvider = Literal["generic", "github", "gitlab"]

CI_SOURCE_CREATE_PROVIDER_VALUES: set[CiSourceCreateProvider] = {
    "generic",
    "github",
    "gitlab",
}


def check_ci_source_create_provider(value: str) -> CiSourceCreateProvider:
    if value in CI_SOURCE_CREATE_PROVIDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CI_SOURCE_CREATE_PROVIDER_VALUES!r}")
