"""tpm — the TPM Hub command line."""
