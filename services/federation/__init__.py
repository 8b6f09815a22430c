"""The federation service: coops exchanging signed events with partner coops."""
