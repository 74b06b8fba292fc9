"""st.chat_input: a message box, pinned to the bottom of the page in the main area."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slipstream.delta_generator import BOTTOM, MAIN, current_target, emit_element
from slipstream.elements._args import check_width
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.context import get_run_context
from slipstream.runtime.forms import current_form
from slipstream.runtime.widgets import Key, register


def chat_input(
    placeholder: str = "Your message",
    *,
    key: Key = None,
    max_chars: int | None = None,
    max_upload_size: int | None = None,
    accept_file: bool | str = False,
    file_type: Any = None,
    accept_audio: bool = False,
    audio_sample_rate: int | None = 16000,
    disabled: bool = False,
    submit_mode: str = "submit",
    on_submit: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    width: int | str = "stretch",
    height: int | str = "content",
) -> str | None:
    """A chat message box. Returns the submitted message in the run its submission causes,
    None otherwise. In the main area it is pinned to the bottom of the page.

    Example::

        if prompt := st.chat_input("Ask something"):
            st.write("You asked:", prompt)
    """
    if accept_file or accept_audio:
        raise StreamlitAPIException(
            "st.chat_input: accept_file and accept_audio are not available in Slipstream yet; "
            "use st.file_uploader beside the chat for now."
        )
    if max_chars is not None and (not isinstance(max_chars, int) or max_chars < 1):
        raise StreamlitAPIException(f"st.chat_input: max_chars must be a positive int, not {max_chars!r}.")
    ctx = get_run_context()
    if ctx is not None and current_form(ctx) is not None:
        raise StreamlitAPIException("st.chat_input cannot be used inside a form.")

    def from_browser(raw: Any) -> str:
        if not isinstance(raw, str) or not raw or (max_chars is not None and len(raw) > max_chars):
            raise ValueError(
                "expected a non-empty message" + (f" of at most {max_chars} characters" if max_chars else "")
            )
        return raw

    wid, message = register(
        "chat_input",
        key=key,
        identity={"placeholder": str(placeholder), "max_chars": max_chars},
        default=None,
        deserialize=from_browser,
        on_change=on_submit,
        args=args,
        kwargs=kwargs,
        trigger=True,
    )
    element = {
        "type": "chat_input",
        "id": wid,
        "placeholder": str(placeholder),
        "max_chars": max_chars,
        "disabled": bool(disabled),
        "width": check_width("chat_input", width, allow_content=False),
    }
    if current_target() is MAIN:
        with BOTTOM:
            emit_element(element)
    else:
        emit_element(element)
    return message  # type: ignore[no-any-return]
