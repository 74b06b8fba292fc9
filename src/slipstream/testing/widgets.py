"""AppTest nodes for widgets: their values and the actions a user can take on them.

An action (``click``, ``set_value``, ``select``...) turns the Python value into what the browser
would send for it and checks it with the widget's own decoder, so a wrong value fails at once
with the widget's name. The next ``run()`` sends it, and the runtime applies it as it applies a
browser's: callbacks fire, forms hold their values until submitted.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from slipstream.elements.button_group import FEEDBACK_OPTIONS
from slipstream.elements.selection import index_of
from slipstream.testing.nodes import Element, NodeClass

if TYPE_CHECKING:
    from slipstream.runtime.state import WidgetMeta

W = TypeVar("W", bound="Widget")


class Widget(Element):
    """A widget. ``value`` is what the script gets from it (or the value set and not yet run)."""

    @property
    def id(self) -> str:
        return str(self.proto["id"])

    @property
    def meta(self) -> WidgetMeta | None:
        return self.root._session.state.widgets.get(self.id)

    @property
    def key(self) -> str | None:
        meta = self.meta
        return meta.user_key if meta is not None else None

    @property
    def label(self) -> str:
        return str(self.proto.get("label", ""))

    @property
    def form_id(self) -> str | None:
        meta = self.meta
        return meta.form_id if meta is not None else None

    @property
    def value(self) -> Any:
        return self._present(self.root._widget_value(self))

    def _present(self, state_value: Any) -> Any:
        """The script's value, from the value session_state keeps for the widget."""
        return state_value

    def _to_wire(self, value: Any) -> Any:
        """What the browser sends for ``value``."""
        return value

    def _name(self) -> str:
        return f"{self.type} {self.label!r}" if self.label else self.type

    def set_value(self: W, value: Any) -> W:
        """Give the widget ``value``, as a user would; ``run()`` sends it to the script."""
        self._send(self._to_wire(value), value)
        return self

    def _send(self, wire: Any, given: Any) -> None:
        meta = self.meta
        if meta is None:
            raise ValueError(f"AppTest: the {self._name()} is not in the app's last run; run the app first.")
        try:
            state_value = meta.deserialize(wire)
        except (ValueError, TypeError, IndexError) as exc:
            raise ValueError(f"AppTest: cannot set the {self._name()} to {given!r}: {exc}") from None
        self.root._set_widget(self.id, meta, state_value, wire)

    def _repr_fields(self) -> dict[str, Any]:
        fields = super()._repr_fields()
        if self.form_id is not None:
            fields["form_id"] = self.form_id
        return fields


class Button(Widget):
    """st.button, st.form_submit_button and st.download_button: ``value`` is True in the run
    a click caused."""

    @classmethod
    def variant(cls, proto: dict[str, Any]) -> NodeClass:
        return DownloadButton if proto.get("type") == "download_button" else cls

    def click(self) -> Button:
        return self.set_value(True)


class DownloadButton(Button):
    pass


class Checkbox(Widget):
    """st.checkbox and st.toggle."""

    @classmethod
    def variant(cls, proto: dict[str, Any]) -> NodeClass:
        return Toggle if proto.get("toggle") else cls

    @property
    def type(self) -> str:
        return "toggle" if self.proto.get("toggle") else "checkbox"

    def check(self) -> Checkbox:
        return self.set_value(True)

    def uncheck(self) -> Checkbox:
        return self.set_value(False)


class Toggle(Checkbox):
    pass


class TextInput(Widget):
    """st.text_input and st.text_area."""

    @classmethod
    def variant(cls, proto: dict[str, Any]) -> NodeClass:
        return TextArea if proto.get("type") == "text_area" else cls

    def input(self, value: str) -> TextInput:
        return self.set_value(value)


class TextArea(TextInput):
    pass


class Pagination(Widget):
    """st.pagination: ``value`` is the selected page, from 1."""

    @property
    def num_pages(self) -> int:
        return int(self.proto["num_pages"])

    @property
    def default(self) -> int:
        return int(self.proto["default"])

    def select(self, page: int) -> Pagination:
        """Choose ``page``, as a click on its button does."""
        return self.set_value(page)


class ColorPicker(Widget):
    def pick(self, value: str) -> ColorPicker:
        return self.set_value(value)


class NumberInput(Widget):
    def _step(self, direction: int) -> NumberInput:
        step = self.proto["step"]
        current = self.value
        low, high = self.proto.get("min"), self.proto.get("max")
        if current is None:
            new = low if low is not None else 0
        else:
            new = current + direction * step
        if low is not None:
            new = max(low, new)
        if high is not None:
            new = min(high, new)
        return self.set_value(new)

    def increment(self) -> NumberInput:
        return self._step(1)

    def decrement(self) -> NumberInput:
        return self._step(-1)


class Slider(Widget):
    def _to_wire(self, value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return list(value)
        return [value]

    def set_range(self, lower: Any, upper: Any) -> Slider:
        return self.set_value((lower, upper))


class _Options(Widget):
    """Widgets that choose among options: values are looked up among the script's options."""

    @property
    def options(self) -> list[str]:
        return list(self.proto["options"])

    def _probe(self, meta: WidgetMeta, index: int) -> Any:
        """The script's option at ``index``, through the widget's own decoder."""
        return meta.deserialize(index)

    def _index(self, value: Any) -> int:
        meta = self.meta
        if meta is not None:
            options = [self._probe(meta, i) for i in range(len(self.options))]
            found = index_of(options, value)
            if found is not None:
                return found
        if isinstance(value, str) and value in self.options:
            return self.options.index(value)
        raise ValueError(f"AppTest: {value!r} is not one of the options of the {self._name()}: {self.options}")


class Selectbox(_Options):
    """st.selectbox and st.radio."""

    @classmethod
    def variant(cls, proto: dict[str, Any]) -> NodeClass:
        return Radio if proto.get("type") == "radio" else cls

    @property
    def index(self) -> int | None:
        """The chosen option's index (None when nothing, or a new value, is chosen)."""
        value = self.value
        if value is None or self._is_new(value):
            return None
        return self._index(value)

    def _is_new(self, value: Any) -> bool:
        """A typed value that is not an option, which a selectbox with accept_new_options takes."""
        if not (isinstance(value, str) and self.proto.get("accept_new_options")):
            return False
        try:
            self._index(value)
        except ValueError:
            return True
        return False

    def _to_wire(self, value: Any) -> Any:
        if value is None or self._is_new(value):
            return value
        return self._index(value)

    def select(self, value: Any) -> Selectbox:
        return self.set_value(value)

    def select_index(self, index: int | None) -> Selectbox:
        if index is not None and not 0 <= index < len(self.options):
            raise IndexError(
                f"AppTest: the {self._name()} has {len(self.options)} options; index {index} is out of range"
            )
        self._send(index, index)
        return self


class Radio(Selectbox):
    pass


class MenuButton(_Options):
    """st.menu_button: ``value`` is the option picked, in the run the pick caused; else None."""

    def _to_wire(self, value: Any) -> Any:
        return self._index(value)

    def click(self, value: Any) -> MenuButton:
        """Pick ``value`` from the menu."""
        return self.set_value(value)

    def click_index(self, index: int) -> MenuButton:
        """Pick the menu's item at ``index``."""
        self._send(index, index)
        return self

    def _repr_fields(self) -> dict[str, Any]:
        return {**super()._repr_fields(), "options": self.options}


class Multiselect(_Options):
    def _probe(self, meta: WidgetMeta, index: int) -> Any:
        return meta.deserialize([index])[0]

    @property
    def indices(self) -> list[int]:
        return [self._index(v) for v in self.value]

    def _to_wire(self, value: Any) -> Any:
        wire: list[Any] = []
        for item in value:
            if isinstance(item, str) and self.proto.get("accept_new_options") and item not in self.options:
                wire.append(item)
            else:
                wire.append(self._index(item))
        return wire

    def select(self, value: Any) -> Multiselect:
        current = list(self.value)
        if value not in current:
            current.append(value)
        return self.set_value(current)

    def unselect(self, value: Any) -> Multiselect:
        return self.set_value([v for v in self.value if v != value])


class SelectSlider(_Options):
    def _probe(self, meta: WidgetMeta, index: int) -> Any:
        thumbs = len(self.proto["value"])
        decoded = meta.deserialize([index] * thumbs)
        return decoded[0] if thumbs > 1 else decoded

    def _to_wire(self, value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return [self._index(v) for v in value]
        return [self._index(value)]

    def set_range(self, lower: Any, upper: Any) -> SelectSlider:
        return self.set_value((lower, upper))


class ButtonGroup(_Options):
    """st.pills and st.segmented_control: ``value`` is the chosen option's text (a list of them
    with ``selection_mode="multi"``). Read from the chosen indices the browser holds."""

    @classmethod
    def variant(cls, proto: dict[str, Any]) -> NodeClass:
        return Feedback if proto.get("style") in FEEDBACK_OPTIONS else cls

    def _probe(self, meta: WidgetMeta, index: int) -> Any:
        return self.options[index]

    @property
    def indices(self) -> list[int]:
        pending = self.root._pending_wire(self.id)
        return list(pending if pending is not None else self.proto["value"])

    @property
    def value(self) -> Any:
        chosen = [self.options[i] for i in self.indices]
        if self.proto.get("multi"):
            return chosen
        return chosen[0] if chosen else None

    def _to_wire(self, value: Any) -> Any:
        if value is None:
            return []
        if self.proto.get("multi") and isinstance(value, (list, tuple, set)):
            return sorted(self._index(v) for v in value)
        return [self._index(value)]

    def select(self, value: Any) -> ButtonGroup:
        if not self.proto.get("multi"):
            return self.set_value(value)
        return self.set_value([*self.value, value])

    def unselect(self, value: Any) -> ButtonGroup:
        if not self.proto.get("multi"):
            return self.set_value(None)
        return self.set_value([v for v in self.value if v != value])


class Feedback(ButtonGroup):
    """st.feedback: ``value`` is the chosen index (0 = lowest), or None."""

    TYPE = "feedback"

    @property
    def value(self) -> Any:
        chosen = self.indices
        return chosen[0] if chosen else None

    def _to_wire(self, value: Any) -> Any:
        return [] if value is None else [value]


class DateInput(Widget):
    def _to_wire(self, value: Any) -> Any:
        items = list(value) if isinstance(value, (list, tuple)) else ([] if value is None else [value])
        return [(d.date() if isinstance(d, datetime) else d).isoformat() if isinstance(d, date) else d for d in items]


class TimeInput(Widget):
    def _to_wire(self, value: Any) -> Any:
        if isinstance(value, datetime):
            value = value.time()
        if isinstance(value, time):
            return value.replace(microsecond=0).isoformat()
        return value

    def _step(self, direction: int) -> TimeInput:
        current = self.value
        if current is None:
            return self
        moment = datetime.combine(date(2000, 1, 1), current) + direction * timedelta(seconds=self.proto["step"])
        if moment.date() != date(2000, 1, 1):
            return self
        return self.set_value(moment.time())

    def increment(self) -> TimeInput:
        return self._step(1)

    def decrement(self) -> TimeInput:
        return self._step(-1)


class DateTimeInput(Widget):
    def _to_wire(self, value: Any) -> Any:
        if isinstance(value, datetime):
            return value.replace(microsecond=0, tzinfo=None).isoformat()
        return value


class ChatInput(Widget):
    """st.chat_input: ``value`` is the message in the run its submission caused, else None."""

    @property
    def placeholder(self) -> str:
        return str(self.proto["placeholder"])

    def submit(self, message: str) -> ChatInput:
        return self.set_value(message)

    def _repr_fields(self) -> dict[str, Any]:
        return {"placeholder": self.placeholder, "value": self.value}


class FileUploader(Widget):
    """st.file_uploader, st.camera_input and st.audio_input: files are given as
    ``(name, content, mimetype)``; ``value`` is what the script gets (UploadedFile objects)."""

    _MIMETYPE = "application/octet-stream"

    def _present(self, state_value: Any) -> Any:
        files = list(state_value or [])
        if self.proto.get("multiple"):
            return files
        return files[0] if files else None

    def _file_ids(self, files: Sequence[tuple[str, bytes, str]]) -> list[str]:
        store = self.root._session.uploads
        return [store.add(self.id, name, mimetype, bytes(content)) for name, content, mimetype in files]

    def set_value(self, value: Any) -> FileUploader:
        if value is None:
            files: list[tuple[str, bytes, str]] = []
        elif isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], str):
            files = [value]
        else:
            files = list(value)
        self._send(self._file_ids(files), value)
        return self

    def upload(self, filename: str, content: bytes, mime_type: str | None = None) -> FileUploader:
        """Add a file (replacing the file of a single-file widget)."""
        added = self._file_ids([(filename, content, mime_type or self._MIMETYPE)])
        kept = [f.file_id for f in self.value] if self.proto.get("multiple") else []
        self._send(kept + added, filename)
        return self

    def clear(self) -> FileUploader:
        return self.set_value(None)


class CameraInput(FileUploader):
    _MIMETYPE = "image/jpeg"


class AudioInput(FileUploader):
    _MIMETYPE = "audio/wav"
