"""The learning service: members developing each other."""
