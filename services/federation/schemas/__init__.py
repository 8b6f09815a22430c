"""Federation's contract: RPC payloads, the data of every federated event type, and the
events it re-publishes inside the coop. The gateway documents its routes from these."""
