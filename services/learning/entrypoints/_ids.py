"""The ids an RPC acts on: a malformed one is the same 404 as an unknown one."""

from services.learning.domain import errors
from services.learning.schemas.fields import resource_id


def member_id(value) -> str:
    return resource_id(value, errors.MemberNotFound)


def optional_member_id(value) -> str | None:
    """A member acting (from the gateway's token), or None for an operator."""
    return None if value is None else member_id(value)


def offer_id(value) -> str:
    return resource_id(value, errors.OfferNotFound)


def wish_id(value) -> str:
    return resource_id(value, errors.WishNotFound)


def mentorship_id(value) -> str:
    return resource_id(value, errors.MentorshipNotFound)


def session_id(value) -> str:
    return resource_id(value, errors.SessionNotFound)


def endorsement_id(value) -> str:
    return resource_id(value, errors.EndorsementNotFound)


def badge_id(value) -> str:
    return resource_id(value, errors.BadgeNotFound)


def request_id(value) -> str:
    return resource_id(value, errors.DevelopmentRequestNotFound)
