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


def test_release_forgets_at_once_a_value_that_nothing_else_holds() -> None:
    table: Interned[bytes] = Interned()
    alone = table(bytes(bytearray(b"alone")))
    shared = table(bytes(bytearray(b"shared")))
    other_holder = [shared]
    table.release(alone)
    table.release(shared)
    assert table.get(b"alone") is None
    assert table.get(b"shared") is other_holder[0]
    values = [table(bytes(bytearray(b"one"))), table(bytes(bytearray(b"two")))]
    table.release_all(values)
    assert values == [] and len(table) == 1  # only "shared" is left


def test_a_view_releases_the_element_it_replaces_or_drops_without_a_sweep() -> None:
    from slipstream.runtime.interned import element_bytes
    from slipstream.runtime.outbox import Outbox
    from slipstream.runtime.view import ClientView

    view = ClientView(Outbox())
    view.start_run(1)
    view.put((0, 0), {"type": "markdown", "body": "count: 1 (released test)"})
    view.put((0, 1), {"type": "markdown", "body": "stays (released test)"})
    assert element_bytes.get(b'{"type":"markdown","body":"count: 1 (released test)"}') is not None
    view.start_run(2)
    view.put((0, 0), {"type": "markdown", "body": "count: 2 (released test)"})
    assert element_bytes.get(b'{"type":"markdown","body":"count: 1 (released test)"}') is None
    view.finish_run()  # drops (0, 1), which run 2 did not draw
    assert element_bytes.get(b'{"type":"markdown","body":"stays (released test)"}') is None
    view.forget()
    assert element_bytes.get(b'{"type":"markdown","body":"count: 2 (released test)"}') is None
