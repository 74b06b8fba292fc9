"""App tests written only against Streamlit's documented AppTest API.

They pass under Streamlit itself and, unchanged, under `slipstream test`.
"""

from streamlit.testing.v1 import AppTest


def test_counter_buttons_and_callbacks():
    at = AppTest.from_file("apps/counter.py").run()
    assert at.title[0].value == "Counter"
    assert at.markdown[0].value == "Count: 0"
    at.button(key="add").click().run()
    at.button(key="add").click().run()
    assert at.markdown[0].value == "Count: 2"
    assert at.session_state.count == 2
    at.button[1].click().run()
    assert at.markdown[0].value == "Count: 0"
    assert not at.exception


def test_session_state_set_before_a_run():
    at = AppTest.from_file("apps/counter.py")
    at.session_state["count"] = 40
    at.run()
    at.button(key="add").click().run()
    assert at.markdown[0].value == "Count: 41"


def test_text_input_selectbox_and_sidebar():
    at = AppTest.from_file("apps/inputs.py").run()
    assert at.markdown.values == ["You like red", "agree=False size=5"]
    at.text_input(key="name").input("Ada").run()
    assert at.markdown[0].value == "Hello, Ada!"
    at.selectbox[0].select("blue").run()
    assert at.selectbox[0].value == "blue"
    assert at.markdown[1].value == "You like blue"
    at.sidebar.checkbox[0].check().run()
    at.sidebar.slider[0].set_value(8).run()
    assert at.markdown[-1].value == "agree=True size=8"
    assert at.text_input[0].value == "Ada"


def test_form_values_wait_for_submit():
    at = AppTest.from_file("apps/form.py").run()
    at.text_input[0].input("ada@example.com")
    at.radio[0].set_value("pro")
    at.button[0].click().run()
    assert at.success[0].value == "Signed up ada@example.com on pro"
    at.text_input[0].input("nope")
    at.button[0].click().run()
    assert at.error[0].value == "That is not an email address"
    assert len(at.success) == 0


def test_script_errors_show_as_exceptions():
    at = AppTest.from_file("apps/failing.py").run()
    assert at.header[0].value == "Division"
    assert at.markdown[0].value == "Result: 10.0"
    at.number_input[0].set_value(0).run()
    assert len(at.exception) == 1
    assert "division by zero" in at.exception[0].value
    at.number_input[0].increment().run()
    assert not at.exception
    assert at.markdown[0].value == "Result: 10.0"


def test_from_string_and_get():
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write("hi")
        st.info("note")
        """
    ).run()
    assert [node.value for node in at.get("markdown")] == ["hi"]
    assert at.info[0].value == "note"
