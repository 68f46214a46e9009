"""What makes the log trustworthy: supervisors' keys, signed approvals and summaries, and the verifier."""
