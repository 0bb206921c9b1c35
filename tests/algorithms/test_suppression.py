from openigf.algorithms.suppression import suppress


def test_suppress_hides_cells_under_five_but_not_zero():
    assert suppress({"a": 4, "b": 0, "c": 3, "d": 20}) == {"a": None, "b": 0, "c": None, "d": 20}


def test_suppress_hides_the_smallest_other_cell_when_one_alone_would_be_hidden():
    assert suppress({"a": 2, "b": 7, "c": 30}) == {"a": None, "b": None, "c": 30}


def test_suppress_keeps_a_column_without_small_cells():
    assert suppress({"a": 5, "b": 6}) == {"a": 5, "b": 6}
