"""The gateway's routes, one module per resource family; `gateway.app` puts them together."""
