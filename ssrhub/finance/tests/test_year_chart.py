"""The funding-by-year chart's geometry (plain Python)."""

from ssrhub.finance.year_chart import draw_years, nice_step


def test_steps_are_round():
    assert [nice_step(span) for span in (7, 40, 900_000, 1_450_000_000)] == [2, 10, 500_000, 500_000_000]


def test_bars_stand_on_zero_and_missing_years_are_empty_slots():
    chart = draw_years({2022: {'committed': 100, 'disbursed': 40}, 2024: {'committed': 50, 'disbursed': -10}})
    assert [year for year, _x in chart.years] == [2022, 2023, 2024]
    bars = {(bar.series, index // 2): bar for index, bar in enumerate(chart.bars)}
    committed_2022, disbursed_2024 = bars['committed', 0], bars['disbursed', 2]
    assert committed_2022.y + committed_2022.height == chart.baseline  # up from zero
    assert disbursed_2024.y == chart.baseline and disbursed_2024.height > 0  # a negative year goes down
    assert bars['committed', 1].height == 0
    assert chart.ticks[0][0] < 0 < chart.ticks[-1][0] and max(bar.y for bar in chart.bars) <= chart.height
