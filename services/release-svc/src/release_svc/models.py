"""Every table of release-svc (each domain's models.py), imported once for the app and migrations."""

from tpmhub_shared.app import import_models

import_models("release_svc")
