"""Exceptions an app can see, named as Streamlit names them so `except` clauses keep working."""

from __future__ import annotations


class StreamlitAPIException(Exception):
    """An `st.*` function was called wrongly. Shown in the app where it happened."""


class StreamlitAuthError(StreamlitAPIException):
    """Logging in cannot work: the [auth] secrets are missing or wrong, or the provider failed."""


class StreamlitMissingAuthlibError(StreamlitAuthError):
    """st.login was called without the ``auth`` extra (Authlib) installed."""

    def __init__(self) -> None:
        super().__init__("Authentication requires Authlib>=1.6. Install it via `pip install slipstream[auth]`.")


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


class StreamlitValueError(StreamlitAPIException):
    """A parameter got a value outside the set it takes."""

    def __init__(self, parameter: str, valid_values: list[str], *, detail: str | None = None) -> None:
        message = f"Invalid `{parameter}` value. Supported values: {', '.join(valid_values)}."
        super().__init__(f"{message} {detail}" if detail else message)


class StreamlitInvalidParameterTypeError(StreamlitAPIException):
    """A parameter got a value of a type it does not take."""

    def __init__(self, parameter: str, provided_type: str, expected_types: list[str]) -> None:
        super().__init__(
            f"Invalid `{parameter}` type. Expected one of: {', '.join(expected_types)}. Provided type: {provided_type}."
        )


class StreamlitValueOutOfRangeError(StreamlitAPIException):
    """A parameter is outside a closed ``[min, max]`` interval."""

    def __init__(self, parameter: str, value: object, min_value: object, max_value: object) -> None:
        super().__init__(
            f"The `{parameter}` parameter, set to {value}, is outside the required range [{min_value}, {max_value}]."
        )


class StreamlitIncompatibleParametersError(StreamlitAPIException):
    """Two parameter uses that cannot be combined."""

    def __init__(self, first_use: str, second_use: str, *, explanation: str | None = None) -> None:
        message = f"`{first_use}` and `{second_use}` cannot be used together."
        super().__init__(f"{message} {explanation}" if explanation else message)


class StreamlitDefaultNotInOptionsError(StreamlitAPIException):
    """A default value is not among the options."""

    def __init__(self, value: object) -> None:
        super().__init__(
            f"The default value '{value}' is not part of the options. "
            "Please make sure that every default value also exists in the options."
        )


class StreamlitSelectionCountExceedsMaxError(StreamlitAPIException):
    """More options are chosen than ``max_selections`` allows."""

    def __init__(self, current_selections_count: int, max_selections_count: int) -> None:
        chosen = "option" if current_selections_count == 1 else "options"
        allowed = "option" if max_selections_count == 1 else "options"
        super().__init__(
            f"Multiselect has {current_selections_count} {chosen} selected but `max_selections` is set to "
            f"{max_selections_count}. This happened because you either gave too many options to `default` "
            "or you manipulated the widget's state through `st.session_state`. Note that the latter can happen "
            f"before the line indicated in the traceback. Please select at most {max_selections_count} {allowed}."
        )
