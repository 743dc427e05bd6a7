"""Integrity and plausibility of the data, and the validate run: findings, not prints."""
