"""Learning's domain. Plain Python: no nameko, SQLAlchemy or marshmallow."""
