"""Matching's domain: candidates, client organisations and, later, teams. Plain Python."""
