"""st.echo shows the source of its block; st.help (and st.write of functions, classes and
modules) shows a panel describing an object, with what Streamlit 1.67 puts in it."""

from __future__ import annotations

from slipstream.testing import AppTest


def test_echo_shows_its_blocks_code_above_or_below_and_runs_it() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        with st.echo():
            x = 1 + 1
            st.write("x is", x)

            # a comment stays
        st.write("after")
        with st.echo(code_location="below"):
            st.write("b")
        """
    ).run()
    kinds = [(n.type, n.value) for n in at.main.children.values()]
    assert kinds == [
        ("code", 'x = 1 + 1\nst.write("x is", x)\n\n# a comment stays'),
        ("markdown", "x is `2`"),
        ("markdown", "after"),
        ("markdown", "b"),
        ("code", 'st.write("b")'),
    ]
    assert at.code[0].language == "python"


def test_echo_refuses_a_bad_location() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        with st.echo("left"):
            pass
        """
    ).run()
    assert "code_location" in at.exception[0].message


HELP_APP = """
import streamlit as st

def f(a: int, b: str = "x") -> bool:
    '''Do a thing.

    More text.'''
    return True

class K:
    '''A class.'''
    x = 3

    @property
    def p(self):
        '''Prop doc.'''
        return 1

    def m(self):
        '''Method.'''

my_list = [1, 2]
k = K()
st.help(f)
st.help(my_list)
st.help(k)
st.write(f)
st.write(K)
st.help(None, width=300)
"""


def test_help_describes_functions_instances_and_classes() -> None:
    at = AppTest.from_string(HELP_APP).run()
    panels = [h.proto for h in at.get("help")]
    assert len(panels) == 6
    func, listed, inst, written, cls, none = panels
    assert (func["name"], func["kind"], func["value"]) == ("f", "function", "__main__.f(a: int, b: str = 'x') -> bool")
    assert func["doc"] == "Do a thing.\n\nMore text." and func["members"] == []
    assert (listed["name"], listed["kind"], listed["value"]) == ("my_list", "list", "[1, 2]")
    assert listed["members"][0] == {
        "name": "append",
        "type": "builtin_function_or_method",
        "doc": "Append object to the end of the list.",
        "value": None,
    }
    assert (inst["name"], inst["kind"], inst["value"], inst["doc"]) == ("k", "K", "__main__.K()", "A class.")
    assert inst["members"] == [
        {"name": "p", "type": "property", "doc": "Prop doc.", "value": None},
        {"name": "x", "type": "int", "doc": None, "value": "3"},
        {"name": "m", "type": "method", "doc": "Method.", "value": None},
    ]
    assert written == func  # st.write(function) shows the same panel
    assert (cls["name"], cls["kind"]) == ("K", "class")
    assert (none["kind"], none["value"], none["width"]) == ("NoneType", "None", 300)


def test_help_without_an_argument_describes_st() -> None:
    at = AppTest.from_string("import streamlit as st\nst.help()").run()
    (panel,) = at.get("help")
    assert panel.proto["kind"] == "module" and panel.proto["name"] is None
