"""Billing over HTTP: hours, invoices, the ledger, payouts and the solidarity fund.

One mixin per family (`billing_hours`, `billing_invoices`, `billing_ledger`,
`billing_payouts`); scope comes from the token only (`billing_support`). The RPC
contract these routes expose is services/billing/README.md.

Most calls go through the gateway's `billing` proxy (`RPC_TIMEOUT`); the monthly
invoicing run, payout batches and the benefit run go through `billing_runs`, which
waits `BILLING_RPC_TIMEOUT` (default 60 s).
"""

from gateway.routes.billing_hours import BillingHoursRoutes
from gateway.routes.billing_invoices import BillingInvoiceRoutes
from gateway.routes.billing_ledger import BillingLedgerRoutes
from gateway.routes.billing_payouts import BillingPayoutRoutes
from gateway.routes.billing_support import LongBillingProxy


class BillingRoutes(BillingHoursRoutes, BillingInvoiceRoutes, BillingLedgerRoutes,
                    BillingPayoutRoutes):
    billing_runs = LongBillingProxy()
