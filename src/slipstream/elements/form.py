"""Forms: st.form batches its widgets' changes until st.form_submit_button is clicked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit_container
from slipstream.elements._args import check_block_height, check_width
from slipstream.elements._shortcut import button_extras
from slipstream.elements.button import button_element, check_button_type, trigger_from_browser
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.context import get_run_context
from slipstream.runtime.forms import FormRun, current_form
from slipstream.runtime.widgets import Key, register


def form(
    key: str,
    clear_on_submit: bool = False,
    *,
    enter_to_submit: bool = True,
    border: bool = True,
    width: int | str = "stretch",
    height: int | str = "content",
) -> DeltaGenerator:
    """A form: the widgets inside it send their values together, when its submit button is
    clicked, so changing them does not rerun the app. ``height`` in pixels gives the form a fixed
    height, its content scrolling inside ("content": as tall as its content).

    Example::

        with st.form("signup"):
            name = st.text_input("Name")
            if st.form_submit_button("Sign up"):
                st.write("Welcome,", name)
    """
    if not isinstance(key, str) or not key:
        raise StreamlitAPIException("st.form needs a non-empty string key, for example st.form('my_form').")
    ctx = get_run_context()
    if ctx is not None:
        if current_form(ctx) is not None:
            raise StreamlitAPIException("Forms cannot be nested: st.form was called inside another form.")
        if any(f.form_id == key for f in ctx.forms.values()):
            raise StreamlitAPIException(
                f"There are several forms with key='{key}' in this run; give each form its own key."
            )
    container = emit_container(
        {
            "type": "form",
            "form_id": key,
            "border": bool(border),
            "enter_to_submit": bool(enter_to_submit),
            "width": check_width("form", width),
            "height": check_block_height(height),
        }
    )
    if ctx is not None:
        ctx.forms[container._path] = FormRun(form_id=key, path=container._path, clear_on_submit=bool(clear_on_submit))
    return container


def form_submit_button(
    label: str = "Submit",
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    key: Key = None,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: int | str = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """The button that submits its form: True in the run its click causes, when the form's
    widgets have their new values. ``on_click`` runs first.

    Example::

        with st.form("f"):
            x = st.slider("x")
            submitted = st.form_submit_button("Apply", type="primary")
    """
    ctx = get_run_context()
    owner = current_form(ctx) if ctx is not None else None
    if ctx is not None and owner is None:
        raise StreamlitAPIException(
            "st.form_submit_button must be used inside a form: create the form with `with st.form(key):` first."
        )
    check_button_type("form_submit_button", type)
    element = button_element("form_submit_button", "", label, help, type, icon, disabled, use_container_width, width)
    element.update(button_extras(icon_position, shortcut, wrap))
    wid, clicked = register(
        "form_submit_button",
        key=key,
        identity={"label": element["label"], "help": help, "type": type, "icon": element["icon"]},
        default=False,
        deserialize=trigger_from_browser,
        on_change=on_click,
        args=args,
        kwargs=kwargs,
        trigger=True,
    )
    if owner is not None:
        owner.has_submit = True
        owner.submitted = owner.submitted or bool(clicked)
    from slipstream.delta_generator import emit_element

    emit_element({**element, "id": wid, "submit": True})
    return bool(clicked)
