"""Contains all the data models used in inputs/outputs"""

from .checks import Checks
from .field_error import FieldError
from .health import Health
from .level_threshold import LevelThreshold
from .level_threshold_level import LevelThresholdLevel
from .problem import Problem
from .risk_matrix_in import RiskMatrixIn
from .risk_matrix_in_gate_level import RiskMatrixInGateLevel

__all__ = (
    "Checks",
    "FieldError",
    "Health",
    "LevelThreshold",
    "LevelThresholdLevel",
    "Problem",
    "RiskMatrixIn",
    "RiskMatrixInGateLevel",
)
