"""Who may see and do what: sign-in, accounts, rate limits, personal-data masking, the audit log, detail lists."""
