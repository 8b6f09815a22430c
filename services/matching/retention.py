"""How long matching keeps a lead's contact person after the lead was closed:
`LEAD_CONTACT_RETENTION_DAYS` from the nameko config or the environment, read (and
checked) once when the service starts."""

from nameko.extensions import DependencyProvider

from infra import config


class LeadContactRetention(DependencyProvider):
    def setup(self):
        self.retention = config.lead_contact_retention(
            self.container.config.get("LEAD_CONTACT_RETENTION_DAYS"))

    def get_dependency(self, worker_ctx):
        return self.retention
