"""Federation's rules in plain Python: keys, signatures, the wire format, partners, and the
named rules an incoming message can break (no nameko, SQLAlchemy, marshmallow or kombu)."""
