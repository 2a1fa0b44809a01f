"""Document reviews: submitting a PRD or design to a round of reviewers, their decisions, the quorum."""
