"""Members' domain: who a member is and the rules for changing that. Plain Python."""
