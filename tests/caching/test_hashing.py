from __future__ import annotations

import dataclasses
import datetime
import enum
import io
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from PIL import Image

from slipstream.caching.errors import UnhashableTypeError
from slipstream.caching.hashing import hash_value


class Color(enum.Enum):
    RED = 1
    BLUE = 2


@dataclasses.dataclass
class Point:
    x: float
    y: float


class Plain:
    def __init__(self, value: Any) -> None:
        self.value = value


def frame(**changes: Any) -> pd.DataFrame:
    df = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": ["x", "y", "z"]}, index=[10, 20, 30])
    for name, value in changes.items():
        df.loc[20, name] = value
    return df


def image(color: str) -> Any:
    return Image.new("RGB", (4, 4), color)


# (a value, an equal value built separately, a different value of the same kind)
CASES = [
    (1, 1, 2),
    (1.5, 1.5, 1.25),
    ("text", "te" + "xt", "texts"),
    (b"bytes", b"bytes", b"byte"),
    ([1, [2, 3]], [1, [2, 3]], [1, [3, 2]]),
    ({"a": 1, "b": 2}, {"a": 1, "b": 2}, {"a": 1, "b": 3}),
    ({1, 2, 3}, {3, 2, 1}, {1, 2}),
    (datetime.date(2024, 1, 2), datetime.date(2024, 1, 2), datetime.date(2024, 1, 3)),
    (datetime.datetime(2024, 1, 2, 3, 4), datetime.datetime(2024, 1, 2, 3, 4), datetime.datetime(2024, 1, 2, 3, 5)),
    (Color.RED, Color.RED, Color.BLUE),
    (Point(1, 2), Point(1, 2), Point(2, 1)),
    (Plain([1]), Plain([1]), Plain([2])),
    (np.arange(6), np.arange(6), np.arange(1, 7)),
    (np.zeros((2, 3)), np.zeros((2, 3)), np.zeros((3, 2))),
    (np.float64(1.5), np.float64(1.5), np.float32(1.5)),
    (frame(), frame(), frame(a=2.5)),
    (frame(), frame(), frame(b="q")),
    (frame()["a"], frame()["a"], frame(a=7.0)["a"]),
    (pd.Index([1, 2]), pd.Index([1, 2]), pd.Index([2, 1])),
    (pl.DataFrame({"a": [1, 2]}), pl.DataFrame({"a": [1, 2]}), pl.DataFrame({"a": [1, 3]})),
    (pl.Series("s", ["a"]), pl.Series("s", ["a"]), pl.Series("s", ["b"])),
    (pa.table({"a": [1, 2]}), pa.table({"a": [1, 2]}), pa.table({"a": [1, None]})),
    (image("red"), image("red"), image("blue")),
    (io.BytesIO(b"file"), io.BytesIO(b"file"), io.BytesIO(b"other")),
    (math, math, io),
    (len, len, print),
]


@pytest.mark.parametrize(("value", "same", "different"), CASES, ids=lambda v: type(v).__name__)
def test_equal_values_hash_equal_and_different_values_differ(value: Any, same: Any, different: Any) -> None:
    assert hash_value(value) == hash_value(same)
    assert hash_value(value) != hash_value(different)


def test_kinds_are_told_apart() -> None:
    digests = {hash_value(v) for v in (1, 1.0, "1", b"1", True, [1], (1,), None)}
    assert len(digests) == 8


def test_functions_hash_by_code() -> None:
    def one() -> int:
        return 1

    first = one

    def one() -> int:  # type: ignore[no-redef]
        return 2

    assert hash_value(first) != hash_value(one)


def test_open_files_hash_by_name_position_and_content_change(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_text("abc")
    with path.open() as f:
        before = hash_value(f)
        f.read(1)
        assert hash_value(f) != before


def test_large_frame_any_single_cell_change_is_seen() -> None:
    df = pd.DataFrame(np.random.default_rng(0).random((200_000, 3)), columns=list("abc"))
    base = hash_value(df)
    for row in (0, 123_457, 199_999):
        changed = df.copy()
        changed.iloc[row, 1] += 1e-12
        assert hash_value(changed) != base


def test_cycles_and_unhashable_values() -> None:
    looped: list[Any] = [1]
    looped.append(looped)
    assert hash_value(looped) == hash_value(looped)
    with pytest.raises(UnhashableTypeError):
        hash_value(x for x in range(3))
