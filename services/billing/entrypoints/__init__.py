"""The billing service's entrypoints, one family per module, mixed into `BillingService`."""
