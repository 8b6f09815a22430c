"""Rules a request can break, named so the name is the message a user reads."""

from infra.errors import Invalid, NotFound


class CandidateNotFound(NotFound):
    def __init__(self, member_id: str):
        super().__init__(f"No candidate with member id {member_id}.")


class ClientNotFound(NotFound):
    def __init__(self, client_id: str):
        super().__init__(f"No client with id {client_id}.")


class VatIdMustMatchCountry(Invalid):
    def __init__(self, vat_id: str, vat_country: str, country: str):
        super().__init__(
            f"VAT id {vat_id} belongs to {vat_country}, not to the client's country {country}.",
            [{"field": "vat_id",
              "message": f"This VAT id belongs to {vat_country}, not to {country}: give the "
                         "client's own VAT id, or change country and vat_id together."}],
        )


class KvkNumberOnlyForDutchClients(Invalid):
    def __init__(self, country: str):
        super().__init__(
            f"A KvK number is only for clients in the Netherlands (NL), not {country}.",
            [{"field": "kvk_number",
              "message": f"A KvK number is only for clients in NL; this client is in {country}: "
                         "leave kvk_number out (or null), or change country and kvk_number "
                         "together."}],
        )
