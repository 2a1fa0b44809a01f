"""TPM Hub shared package: the contracts between the services and their common plumbing."""
