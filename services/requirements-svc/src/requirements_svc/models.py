"""Every table of requirements-svc (each domain's models.py), imported once for the app and migrations."""

from tpmhub_shared.app import import_models

import_models("requirements_svc")
