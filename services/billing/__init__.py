"""The billing service: hours to invoices to payouts."""
