"""The coop's proposal settings in SQL: one JSON row; the defaults until an operator
changes them."""

import json
from dataclasses import asdict
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from services.matching.domain.proposals import DEFAULT_SETTINGS, ProposalSettings
from services.matching.models import settings

PROPOSALS = "proposals"


class SqlSettings:
    def __init__(self, session: Session):
        self.session = session

    def get(self) -> ProposalSettings:
        stored = self.session.scalar(select(settings.c.value).where(settings.c.name == PROPOSALS))
        if stored is None:
            return DEFAULT_SETTINGS
        values = json.loads(stored)
        values["growth_seat_discount"] = Decimal(values["growth_seat_discount"])
        return ProposalSettings(**{**asdict(DEFAULT_SETTINGS), **values})

    def put(self, value: ProposalSettings) -> None:
        self.session.execute(delete(settings).where(settings.c.name == PROPOSALS))
        self.session.execute(insert(settings).values(
            name=PROPOSALS, value=json.dumps(asdict(value), default=str),
            updated_at=datetime.now(UTC)))
