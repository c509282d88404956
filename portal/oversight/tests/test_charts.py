from portal.oversight.charts import BOTTOM, HEIGHT, TOP, grouped_bars, nice_ceiling


def test_nice_ceiling():
    assert [nice_ceiling(v) for v in (0, 1, 3, 10, 11, 46, 1255)] == [1, 1, 5, 10, 20, 50, 2000]


def test_bars_are_in_proportion_and_labelled_in_vietnamese():
    chart = grouped_bars(
        "k", "Tiêu đề", ("Năm 2019", "Năm 2018"), ["A", "B"], [[1500, 0], [750, 2000]]
    )
    (a_now, a_before), (b_now, b_before) = (g.bars for g in chart.groups)
    plot = HEIGHT - TOP - BOTTOM
    assert b_before.height == plot  # the tallest reaches the top of the axis (2.000)
    assert a_now.height == plot * 0.75 and a_before.height == plot * 0.375
    assert b_now.height == 0 and b_now.y == HEIGHT - BOTTOM
    assert a_now.text == "1.500" and b_before.text == "2.000"
    assert [t.text for t in chart.ticks] == ["0", "500", "1.000", "1.500", "2.000"]
    assert chart.desc == "A: Năm 2019 1.500, Năm 2018 750; B: Năm 2019 0, Năm 2018 2.000."


def test_an_empty_chart_draws_no_bar():
    chart = grouped_bars("k", "T", ("Năm 2019",), ["A"], [[0]])
    assert chart.groups[0].bars[0].height == 0
    assert [t.value for t in chart.ticks] == [0, 1]
