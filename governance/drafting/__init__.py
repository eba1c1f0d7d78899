"""Drafting a bylaw: lint, the review against the law, the diff between versions."""
