"""The matching service: clients, projects and the teams (Multitalents) that serve them."""
