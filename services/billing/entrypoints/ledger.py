"""The ledger and reports: trial balance, statements, fund contributions, the VAT return."""

from infra.rpc import rpc
from services.billing.domain import use_cases
from services.billing.domain.period import Quarter
from services.billing.entrypoints import _support as support
from services.billing.schemas.ledger import (
    AnnualStatementSchema,
    FundContributionRequestSchema,
    PeriodQuerySchema,
    PostingSchema,
    QuarterQuerySchema,
    StatementSchema,
    TrialBalanceSchema,
    VatReturnSchema,
    YearQuerySchema,
)


class LedgerEntrypoints:
    @rpc
    def get_trial_balance(self):
        balances = use_cases.get_trial_balance(self.uow)
        return TrialBalanceSchema().dump({"accounts": balances,
                                          "total": sum(balances.values())})

    @rpc
    def get_account_statement(self, account, query=None):
        period = PeriodQuerySchema().load(query or {})
        lines = use_cases.get_account_statement(self.uow, str(account), **period)
        return StatementSchema().dump({"account": account, "lines": lines})

    @rpc
    def get_member_statement(self, member_id, query=None):
        member = support.member(member_id)
        period = PeriodQuerySchema().load(query or {})
        lines = use_cases.get_member_statement(self.uow, member, **period)
        return StatementSchema().dump({"account": f"member_payables:{member}", "lines": lines})

    @rpc
    def get_member_annual_statement(self, member_id, query):
        year = YearQuerySchema().load(query)["year"]
        statement = use_cases.get_member_annual_statement(self.uow, support.member(member_id),
                                                          year)
        return AnnualStatementSchema().dump(statement)

    @rpc
    def get_vat_return(self, query):
        text = QuarterQuerySchema().load(query)["quarter"]
        year, quarter = text.split("-Q")
        return VatReturnSchema().dump(use_cases.get_vat_return(self.uow,
                                                               Quarter(int(year), int(quarter))))

    @rpc
    def contribute_to_fund(self, contribution):
        data = FundContributionRequestSchema().load(contribution)
        posting = use_cases.contribute_to_fund(
            self.uow.serialised(), data["fund"], data["amount"],
            data["booked_on"] or support.today(), support.new_command_id(), data["source"],
            data["description"])
        return PostingSchema().dump(posting)
