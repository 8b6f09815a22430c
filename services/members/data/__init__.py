"""Data files shipped with the members service (the skill taxonomy)."""
