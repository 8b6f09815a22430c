"""Field types of federation's contract."""

import base64
import binascii
import re
from urllib.parse import urlsplit

from marshmallow import ValidationError, fields, validate

from services.federation import catalogue

_URI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$")
_EXCHANGE = re.compile(r"^[A-Za-z0-9_.:-]+$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_WEEK = re.compile(r"^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$")


class CoopUri(fields.String):
    """A coop's identity: an absolute URI (`https://coop.example/`, `urn:…`, `did:web:…`)."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if len(text) > 200 or not _URI.match(text):
            raise ValidationError("A coop URI is an absolute URI (e.g. https://coop.example/) "
                                  "of at most 200 characters.")
        return text


class AmqpUri(fields.String):
    """Where a partner's broker takes our events: `amqp://` or `amqps://`, with the user
    the partner made for us."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            parts = urlsplit(text)
            host, _port = parts.hostname, parts.port
        except ValueError:
            host = None
        if len(text) > 500 or parts.scheme not in ("amqp", "amqps") or not host:
            raise ValidationError("An AMQP URI such as amqps://user:password@broker.example:5671/"
                                  "vhost, at most 500 characters.")
        return text


class ExchangeName(fields.String):
    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if not 1 <= len(text) <= 200 or not _EXCHANGE.match(text) or text.startswith("amq."):
            raise ValidationError("An exchange name: letters, digits, '.', '_', ':', '-' "
                                  "(not starting with 'amq.'), at most 200 characters.")
        return text


class PublicKeyText(fields.String):
    """An Ed25519 public key: its 32 raw bytes in standard base64."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        try:
            raw = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raw = b""
        if len(raw) != 32:
            raise ValidationError("An Ed25519 public key: its 32 bytes in standard base64.")
        return base64.b64encode(raw).decode()


class EventType(fields.String):
    """A federated event type from the catalogue (e.g. `coop.multitalent.seat_offered.v1`)."""

    def __init__(self, **kwargs):
        super().__init__(validate=validate.OneOf(
            sorted(catalogue.CATALOGUE), error="Not a federated event type."), **kwargs)


class SortedList(fields.List):
    """A list that dumps a set in a stable order."""

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else super()._serialize(sorted(value), attr, obj, **kwargs)


def event_types(**kwargs) -> fields.List:
    return fields.List(EventType(), validate=validate.Length(max=len(catalogue.CATALOGUE)),
                       **kwargs)
