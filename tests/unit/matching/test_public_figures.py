"""The website's figures: projects delivered and the clients' average check-in rating."""

from decimal import Decimal

from services.matching.domain.figures import average_rating, public_figures


class FakeFigures:
    def __init__(self, delivered: int, ratings: list[int]):
        self.delivered, self.ratings = delivered, ratings

    def projects_delivered(self):
        return self.delivered

    def client_ratings(self):
        return len(self.ratings), sum(self.ratings)


class FakeUnitOfWork:
    def __init__(self, figures):
        self.figures = figures

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        pass


def test_no_rating_yet_is_no_average_not_zero():
    assert average_rating(0, 0) is None
    figures = public_figures(FakeUnitOfWork(FakeFigures(0, [])))
    assert (figures.projects_delivered, figures.average_checkin_rating) == (0, None)


def test_the_average_has_one_decimal_rounded_half_up():
    assert average_rating(2, 9) == Decimal("4.5")
    assert average_rating(3, 13) == Decimal("4.3")      # 4.333…
    assert average_rating(20, 89) == Decimal("4.5")     # 4.45 → 4.5, not banker's 4.4
    assert str(public_figures(FakeUnitOfWork(FakeFigures(3, [5, 4, 4])))
               .average_checkin_rating) == "4.3"
