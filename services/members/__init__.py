"""The members service: the cooperative's people."""
