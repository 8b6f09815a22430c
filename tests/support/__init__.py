"""Helpers the integration and e2e tests share: real broker, real databases, real processes."""
