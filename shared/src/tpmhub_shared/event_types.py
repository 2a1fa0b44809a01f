"""`python -m tpmhub_shared.event_types > docs/events.md` writes docs/events.md from the event catalogue,
which lives in tpmhub_shared.events.types (one module per service domain)."""

import sys

from tpmhub_shared.events.types import render_markdown

if __name__ == "__main__":
    sys.stdout.write(render_markdown())
