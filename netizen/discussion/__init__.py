"""Reader comments: submission, receipts, the moderator's queue and the audit log."""
