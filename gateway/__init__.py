"""The HTTP gateway: the only door into the coop. Routes, auth, problems; no business rules."""
