from typing import Literal

PortfolioItemStatus = Literal["aborted", "completed", "draft", "paused", "rolled_back", "running"]

PORTFOLIO_ITEM_STATUS_VALUES: set[PortfolioItemStatus] = {
    "aborted",
    "completed",
    "draft",
    "paused",
    "rolled_back",
    "running",
}


def check_portfolio_item_status(value: str) -> PortfolioItemStatus:
    if value in PORTFOLIO_ITEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PORTFOLIO_ITEM_STATUS_VALUES!r}")
