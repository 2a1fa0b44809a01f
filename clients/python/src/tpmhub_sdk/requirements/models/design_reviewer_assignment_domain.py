from typing import Literal

DesignReviewerAssignmentDomain = Literal["architecture", "data", "ops", "security"]

DESIGN_REVIEWER_ASSIGNMENT_DOMAIN_VALUES: set[DesignReviewerAssignmentDomain] = {
    "architecture",
    "data",
    "ops",
    "security",
}


def check_design_reviewer_assignment_domain(value: str) -> DesignReviewerAssignmentDomain:
    if value in DESIGN_REVIEWER_ASSIGNMENT_DOMAIN_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DESIGN_REVIEWER_ASSIGNMENT_DOMAIN_VALUES!r}"
    )
