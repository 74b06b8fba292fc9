"""Exceptions an app can see, named as Streamlit names them so `except` clauses keep working."""

from __future__ import annotations


class StreamlitAPIException(Exception):
    """An `st.*` function was called wrongly. Shown in the app where it happened."""


class StreamlitDuplicateElementId(StreamlitAPIException):
    """Two elements of one run got the same automatic id."""

    def __init__(self, element_type: str) -> None:
        super().__init__(
            f"There are several `{element_type}` elements with the same automatically generated id: "
            f"they were created with the same type and parameters. "
            f'Give each one a unique `key`, for example `st.{element_type}(..., key="my_{element_type}_2")`.'
        )


class StreamlitDuplicateElementKey(StreamlitAPIException):
    """Two elements of one run were given the same key."""

    def __init__(self, key: str) -> None:
        super().__init__(
            f"There are several elements with the same `key='{key}'`. Keys must be unique within a run: "
            f"give each element its own key."
        )


class StreamlitValueAssignmentNotAllowedError(StreamlitAPIException):
    """A value was written through session_state to a widget that cannot take one."""

    def __init__(self, key: str) -> None:
        super().__init__(
            f"Values for the widget with key '{key}' cannot be set using `st.session_state`: "
            "buttons, forms, file uploaders, camera and audio inputs, chat inputs and chart selections "
            "get their value only from the user in the browser."
        )


class StreamlitSetWidgetAfterCreation(StreamlitAPIException):
    def __init__(self, key: str) -> None:
        super().__init__(
            f"`st.session_state.{key}` cannot be modified after the widget with key `{key}` is created "
            f"in this run. Set it before the widget is created, or in the widget's callback."
        )


class StreamlitInvalidFormCallbackError(StreamlitAPIException):
    def __init__(self, kind: str) -> None:
        super().__init__(
            f"st.{kind} inside a form cannot have a callback: within a form, only "
            f"st.form_submit_button can take one (its `on_click` runs when the form is submitted)."
        )


class StreamlitValueBelowMinError(StreamlitAPIException):
    """A widget's value is below its ``min_value``."""

    def __init__(self, value: object, min_value: object) -> None:
        super().__init__(f"The `value` {value} is less than the `min_value` {min_value}.")


class StreamlitValueAboveMaxError(StreamlitAPIException):
    """A widget's value is above its ``max_value``."""

    def __init__(self, value: object, max_value: object) -> None:
        super().__init__(f"The `value` {value} is greater than the `max_value` {max_value}.")


class StreamlitInvalidMinMaxError(StreamlitAPIException):
    """A widget's bounds are reversed, or equal where a range is needed (st.slider)."""

    def __init__(self, min_value: object, max_value: object) -> None:
        if min_value == max_value:
            message = f"`min_value` and `max_value` are both {min_value}: give the slider a range to move in."
        else:
            message = f"`min_value` ({min_value}) is greater than `max_value` ({max_value}): swap them."
        super().__init__(message)


class StreamlitJSNumberBoundsError(StreamlitAPIException):
    """A number is too large for the browser to hold exactly (beyond ±(2**53 - 1) for ints)."""
