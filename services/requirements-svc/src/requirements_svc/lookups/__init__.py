"""The batch look-up other services call: many items with their acceptance summaries, PRDs and criteria."""
