"""Interned values: one copy per process, forgotten once nothing else holds them."""

from __future__ import annotations

from slipstream.runtime.interned import MIN_SWEEP, Interned


def test_equal_values_come_back_as_one_object() -> None:
    table: Interned[bytes] = Interned()
    first = table(bytes(bytearray(b"line 1")))
    second = table(bytes(bytearray(b"line 1")))
    assert first is second
    assert table.get(b"line 1") is first
    assert table.get(b"line 2") is None


def test_a_sweep_forgets_only_what_nothing_else_holds() -> None:
    table: Interned[bytes] = Interned()
    held = [table(f"kept {i}".encode()) for i in range(10)]
    for i in range(MIN_SWEEP + 1):  # dropped at once: the table alone holds them
        table(f"dropped {i}".encode())
    assert len(table) < 100  # the sweep forgot the dropped ones (all but the last few)
    assert all(table.get(value) is value for value in held)


def test_views_of_two_sessions_share_their_elements() -> None:
    from tests.conftest import HeadlessApp

    one = HeadlessApp("import streamlit as st\nst.write('same text')\n").run()
    two = HeadlessApp("import streamlit as st\nst.write('same text')\n").run()
    held_one = next(iter(one.session.view.held.items()))
    held_two = next(iter(two.session.view.held.items()))
    assert held_one[0] is held_two[0]  # the path
    assert held_one[1].data is held_two[1].data  # the encoded element
