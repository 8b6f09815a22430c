"""The learning service's contract: RPC payloads in and out, and event data.

One module per concern: `offers`, `mentorships`, `endorsements`, `badges`,
`budget`, `reports`; `incoming` (events learning handles) and `events` (events it
publishes). The gateway imports these for its OpenAPI document.
"""
