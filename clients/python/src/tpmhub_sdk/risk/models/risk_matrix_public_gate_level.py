from typing import Literal

RiskMatrixPublicGateLevel = Literal["critical", "high", "low", "medium"]

RISK_MATRIX_PUBLIC_GATE_LEVEL_VALUES: set[RiskMatrixPublicGateLevel] = {
    "critical",
    "high",
    "low",
    "medium",
}


def check_risk_matrix_public_gate_level(value: str) -> RiskMatrixPublicGateLevel:
    if value in RISK_MATRIX_PUBLIC_GATE_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RISK_MATRIX_PUBLIC_GATE_LEVEL_VALUES!r}")
