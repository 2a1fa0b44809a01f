"""Every table of risk-svc (each domain's models.py), imported once for the app and migrations."""

from tpmhub_shared.app import import_models

import_models("risk_svc")
