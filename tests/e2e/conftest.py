"""Fixtures of the e2e tests beyond the root conftest's (`system`, `api`)."""

from tests.support.two_coops import two_coops  # noqa: F401 - a session fixture: two coops
