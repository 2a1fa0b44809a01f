from typing import Literal

RiskMatrixInGateLevel = Literal["critical", "high", "low", "medium"]

RISK_MATRIX_IN_GATE_LEVEL_VALUES: set[RiskMatrixInGateLevel] = {
    "critical",
    "high",
    "low",
    "medium",
}


def check_risk_matrix_in_gate_level(value: str) -> RiskMatrixInGateLevel:
    if value in RISK_MATRIX_IN_GATE_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RISK_MATRIX_IN_GATE_LEVEL_VALUES!r}")
