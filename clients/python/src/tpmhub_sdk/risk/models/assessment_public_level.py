from typing import Literal

AssessmentPublicLevel = Literal["critical", "high", "low", "medium"]

ASSESSMENT_PUBLIC_LEVEL_VALUES: set[AssessmentPublicLevel] = {
    "critical",
    "high",
    "low",
    "medium",
}


def check_assessment_public_level(value: str) -> AssessmentPublicLevel:
    if value in ASSESSMENT_PUBLIC_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ASSESSMENT_PUBLIC_LEVEL_VALUES!r}")
