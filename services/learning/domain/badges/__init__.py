"""Badges: a verified skill as a portable, signed Open Badges 3.0 credential."""
