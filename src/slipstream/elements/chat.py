"""st.chat_input: a message box, pinned to the bottom of the page in the main area; it can take
files and a voice recording with the message. st.chat_message: a container for one message of
the conversation, with its author's avatar."""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping, Sequence
from typing import Any

from slipstream import config
from slipstream.delta_generator import BOTTOM, MAIN, DeltaGenerator, current_target, emit_container, emit_element
from slipstream.elements._args import check_width
from slipstream.elements._icons import SHORTCODE, check_material, is_emoji
from slipstream.elements.file_uploader import file_types, type_allowed
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.context import get_run_context
from slipstream.runtime.forms import current_form
from slipstream.runtime.uploads import UploadedFile
from slipstream.runtime.widgets import Key, register

# Names with an avatar of their own: "human" is drawn as the user, "ai" as the assistant.
_ROLES = {"user": "user", "human": "user", "assistant": "assistant", "ai": "assistant"}
_ACCEPT_FILE = {False: "none", True: "single", "multiple": "multiple", "directory": "directory"}
_SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000, None)
_SUBMIT_MODES = ("submit", "disable", "stop")


class ChatInputValue(MutableMapping[str, Any]):
    """A chat submission with attachments: ``text`` (str, "" when only attachments were sent),
    ``files`` (a list of UploadedFile; only when the chat accepts files) and ``audio`` (an
    UploadedFile or None; only when it accepts audio). Read it as a dict or by attribute."""

    __slots__ = ("_data",)

    def __init__(
        self,
        text: str,
        *,
        files: list[UploadedFile] | None = None,
        audio: UploadedFile | None = None,
        include_files: bool = False,
        include_audio: bool = False,
    ) -> None:
        data: dict[str, Any] = {"text": text}
        if include_files:
            data["files"] = list(files or [])
        if include_audio:
            data["audio"] = audio
        object.__setattr__(self, "_data", data)

    def __getitem__(self, key: str) -> Any:
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(f"{key!r}: a chat submission holds {', '.join(map(repr, self._data))}") from None

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in self._data:
            raise KeyError(f"{key!r}: a chat submission holds {', '.join(map(repr, self._data))}")
        self._data[key] = value

    def __delitem__(self, key: str) -> None:
        raise TypeError("The parts of a chat submission cannot be removed; set them instead.")

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __getattr__(self, name: str) -> Any:
        data = object.__getattribute__(self, "_data")
        if name in data:
            return data[name]
        why = {"files": " (the chat input has accept_file=False)", "audio": " (the chat input has accept_audio=False)"}
        raise AttributeError(f"'ChatInputValue' object has no attribute {name!r}{why.get(name, '')}")

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ChatInputValue):
            other = other._data
        return isinstance(other, dict) and bool(self._data == other)

    def to_dict(self) -> dict[str, Any]:
        return dict(self._data)

    def __repr__(self) -> str:
        return "ChatInputValue(" + ", ".join(f"{k}={v!r}" for k, v in self._data.items()) + ")"


def _check_args(accept_file: Any, submit_mode: Any, max_upload_size: Any, audio_sample_rate: Any) -> None:
    if not any(accept_file is v for v in (True, False)) and accept_file not in ("multiple", "directory"):
        raise StreamlitAPIException(
            f"st.chat_input: accept_file is {accept_file!r}; use True, False, 'multiple' or 'directory'."
        )
    if submit_mode not in _SUBMIT_MODES:
        raise StreamlitAPIException(
            f"st.chat_input: submit_mode is {submit_mode!r}; use 'submit', 'disable' or 'stop'."
        )
    if max_upload_size is not None and (
        not isinstance(max_upload_size, int) or isinstance(max_upload_size, bool) or max_upload_size <= 0
    ):
        raise StreamlitAPIException(
            f"st.chat_input: max_upload_size is {max_upload_size!r}; give a positive whole number of megabytes, "
            "or None to use the server.maxUploadSize option."
        )
    if audio_sample_rate not in _SAMPLE_RATES or isinstance(audio_sample_rate, bool):
        raise StreamlitAPIException(
            f"st.chat_input: audio_sample_rate is {audio_sample_rate!r}; use one of 8000, 11025, 16000, 22050, "
            "24000, 32000, 44100, 48000 (Hz), or None for the browser's own rate."
        )


def chat_input(
    placeholder: str = "Your message",
    *,
    key: Key = None,
    max_chars: int | None = None,
    max_upload_size: int | None = None,
    accept_file: bool | str = False,
    file_type: str | Sequence[str] | None = None,
    accept_audio: bool = False,
    audio_sample_rate: int | None = 16000,
    disabled: bool = False,
    submit_mode: str = "submit",
    on_submit: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    width: int | str = "stretch",
    height: int | str = "content",
) -> str | ChatInputValue | None:
    """A chat message box. In the main area it is pinned to the bottom of the page.

    ``accept_file`` (True: one file, "multiple", "directory") lets the user attach files, limited
    to ``file_type`` (extensions, MIME types, "image/*" or "image") and to ``max_upload_size`` MB
    each; ``accept_audio`` adds a microphone button that attaches a WAV recording at
    ``audio_sample_rate`` Hz. ``submit_mode``: "disable" disables the box while the run a
    submission causes goes on; "stop" offers a Stop button instead.

    Returns, in the run a submission causes, the text; or, when files or audio are accepted, a
    ChatInputValue with ``text``, ``files`` and/or ``audio``. None in other runs.

    Example::

        if prompt := st.chat_input("Ask something", accept_file=True):
            st.write("You asked:", prompt.text, [f.name for f in prompt.files])
    """
    _check_args(accept_file, submit_mode, max_upload_size, audio_sample_rate)
    if max_chars is not None and (not isinstance(max_chars, int) or max_chars < 1):
        raise StreamlitAPIException(f"st.chat_input: max_chars must be a positive int, not {max_chars!r}.")
    ctx = get_run_context()
    if ctx is not None and current_form(ctx) is not None:
        raise StreamlitAPIException("st.chat_input cannot be used inside a form.")
    files_mode = _ACCEPT_FILE[accept_file]
    audio = bool(accept_audio)
    accept = file_types(file_type) if files_mode != "none" else []
    megabytes = max_upload_size if max_upload_size is not None else config.get_option("server.maxUploadSize")
    limit = int(megabytes * 1024 * 1024)
    uploads = ctx.session.uploads if ctx is not None else None
    plain = files_mode == "none" and not audio

    def text_of(raw: Any) -> str:
        if not isinstance(raw, str) or (max_chars is not None and len(raw) > max_chars):
            raise ValueError("expected a message" + (f" of at most {max_chars} characters" if max_chars else ""))
        return raw

    def from_browser(raw: Any) -> str | ChatInputValue:
        if plain:
            text = text_of(raw)
            if not text:
                raise ValueError("expected a non-empty message")
            return text
        if isinstance(raw, str):  # the text alone (as AppTest and older pages send it)
            raw = [raw, ""]
        if not isinstance(raw, list) or len(raw) < 2 or not all(isinstance(part, str) for part in raw):
            raise ValueError("expected [text, audio file id or '', *file ids]")
        text, audio_id, file_ids = text_of(raw[0]), raw[1], raw[2:]
        if audio_id and not audio:
            raise ValueError("this chat input takes no audio")
        if file_ids and files_mode == "none":
            raise ValueError("this chat input takes no files")
        if len(file_ids) > 1 and files_mode == "single":
            raise ValueError("this chat input takes one file per message")
        if len(set(file_ids)) != len(file_ids) or audio_id in file_ids:
            raise ValueError("a file id appears twice")
        if not text and not audio_id and not file_ids:
            raise ValueError("expected a message, a file or a recording")
        if uploads is None:  # no session: nothing could have been uploaded
            raise ValueError("unknown file id")
        found = [uploads.get(file_id, wid) for file_id in file_ids]
        recording = uploads.get(audio_id, wid) if audio_id else None
        if any(f is None for f in found) or (audio_id and recording is None):
            raise ValueError("unknown file id")
        files = [f for f in found if f is not None]
        refused = [f.name for f in files if not type_allowed(f.name, accept)]
        if refused:
            raise ValueError(f"{refused[0]!r} is not one of the accepted types ({', '.join(accept)})")
        uploads.hold(wid, [*file_ids, audio_id] if audio_id else list(file_ids))
        return ChatInputValue(
            text, files=files, audio=recording, include_files=files_mode != "none", include_audio=audio
        )

    wid, message = register(
        "chat_input",
        key=key,
        identity={
            "placeholder": str(placeholder),
            "max_chars": max_chars,
            "accept_file": files_mode,
            "file_type": accept,
            "accept_audio": audio,
            "limit": limit,
        },
        default=None,
        deserialize=from_browser,
        on_change=on_submit,
        args=args,
        kwargs=kwargs,
        trigger=True,
    )
    if uploads is not None and not plain:
        uploads.limits[wid] = limit
    if isinstance(message, ChatInputValue):
        for f in message.get("files", []):
            f.seek(0)
        if message.get("audio") is not None:
            message["audio"].seek(0)
    element = {
        "type": "chat_input",
        "id": wid,
        "placeholder": str(placeholder),
        "max_chars": max_chars,
        "accept_file": files_mode,
        "accept": accept,
        "max_size": limit,
        "accept_audio": audio,
        "audio_sample_rate": audio_sample_rate,
        "submit_mode": submit_mode,
        "disabled": bool(disabled),
        "width": check_width("chat_input", width, allow_content=False),
        "height": _check_height(height),
    }
    if current_target() is MAIN:
        with BOTTOM:
            emit_element(element)
    else:
        emit_element(element)
    return message  # type: ignore[no-any-return]


def _check_height(height: Any) -> int | str:
    """The chat input's least height: "content" (one line, growing with the text), "stretch"
    (its container's height) or pixels."""
    if height in ("content", "stretch") or (isinstance(height, int) and not isinstance(height, bool) and height > 0):
        return height  # type: ignore[no-any-return]
    raise StreamlitAPIException(
        f"st.chat_input: height is {height!r}; give a positive number of pixels, 'stretch' or 'content'."
    )


def _avatar(avatar: Any) -> tuple[str, str]:
    """(kind, value) of an avatar: ("icon", "user" / "assistant" / ":material/x:" / "" for the
    name's first letter), ("emoji", "🦖") or ("image", its URL)."""
    if avatar is None:
        return "icon", ""
    if isinstance(avatar, str):
        if avatar in _ROLES:
            return "icon", _ROLES[avatar]
        if is_emoji(avatar):
            return "emoji", avatar
        if avatar.startswith(":material"):
            return "icon", check_material("chat_message", avatar)
        if SHORTCODE.fullmatch(avatar):
            raise StreamlitAPIException(
                f"st.chat_message: avatar {avatar!r} is an emoji shortcode, which an avatar does not take "
                "(Streamlit refuses it too). Put the emoji itself, like '😄' for ':smile:'."
            )
    from slipstream.elements.image import image_url

    try:
        return "image", image_url("chat_message", avatar, arg="avatar")
    except Exception as exc:
        raise StreamlitAPIException(
            f"st.chat_message: avatar {avatar!r} is neither 'user' nor 'assistant', an emoji, a Material icon "
            "(':material/smart_toy:') nor an image that can be loaded (a URL, a file path, bytes, a NumPy array "
            f"or a PIL image): {exc}"
        ) from exc


def chat_message(name: str, *, avatar: Any = None, width: int | str = "stretch") -> DeltaGenerator:
    """A container for one chat message, shown with its author's avatar.

    ``name``: "user" or "assistant" (also "human" and "ai") get their own avatar and styling; any
    other name is shown by its first letter unless ``avatar`` says otherwise. ``avatar``: "user",
    "assistant", an emoji, a Material icon (":material/name:") or an image (URL, path, bytes,
    NumPy array, PIL image). ``width``: "stretch", "content" or pixels.

    Returns the container: write into it with ``with`` or by calling its methods.

    Example::

        with st.chat_message("assistant"):
            st.write("Hello 👋")
    """
    if name is None:
        raise StreamlitAPIException("st.chat_message: the name parameter is required ('user', 'assistant' or a name).")
    if not isinstance(name, str):
        raise StreamlitAPIException(f"st.chat_message: name must be a str, not {type(name).__name__} ({name!r}).")
    if avatar is None and (name.lower() in _ROLES or is_emoji(name)):
        avatar = name.lower()
    kind, value = _avatar(avatar)
    return emit_container(
        {
            "type": "chat_message",
            "name": name,
            "avatar": value,
            "avatar_type": kind,
            "width": check_width("chat_message", width),
        }
    )
