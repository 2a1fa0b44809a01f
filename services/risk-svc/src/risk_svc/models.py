"""Every table of risk-svc, imported once for migrations."""

from tpmhub_shared.models import SHARED_TABLES  # noqa: F401

from risk_svc.matrix.models import RiskMatrix  # noqa: F401
