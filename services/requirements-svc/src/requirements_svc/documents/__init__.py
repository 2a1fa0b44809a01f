"""PRDs and technical designs: one document, review, version and diff machinery serving both kinds."""
