from typing import Literal

PortfolioItemGuardrailOutcome = Literal["fail", "none", "pass", "pending"]

PORTFOLIO_ITEM_GUARDRAIL_OUTCOME_VALUES: set[PortfolioItemGuardrailOutcome] = {
    "fail",
    "none",
    "pass",
    "pending",
}


def check_portfolio_item_guardrail_outcome(value: str) -> PortfolioItemGuardrailOutcome:
    if value in PORTFOLIO_ITEM_GUARDRAIL_OUTCOME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PORTFOLIO_ITEM_GUARDRAIL_OUTCOME_VALUES!r}"
    )
