"""AppTest nodes for the elements that only show something (text, alerts, exceptions...)."""

from __future__ import annotations

from typing import Any

from slipstream.testing.nodes import Element

_HEADING_TAGS = {"title": "h1", "header": "h2", "subheader": "h3"}


class Markdown(Element):
    """Markdown, captions, plain text, LaTeX and code: ``value`` is the text shown."""

    @property
    def value(self) -> Any:
        return self.proto.get("body")

    @property
    def is_caption(self) -> bool:
        return self.proto.get("type") == "caption"


class Heading(Element):
    """st.title, st.header and st.subheader: ``type`` is which of the three."""

    @property
    def type(self) -> str:
        return str(self.proto["level"])

    @property
    def tag(self) -> str:
        return _HEADING_TAGS.get(self.type, "h1")

    @property
    def value(self) -> str:
        return str(self.proto["body"])


class Alert(Element):
    """st.error, st.warning, st.info and st.success: ``type`` is which of the four."""

    @property
    def type(self) -> str:
        return str(self.proto["kind"])

    @property
    def value(self) -> str:
        return str(self.proto["body"])


class Divider(Element):
    @property
    def value(self) -> str:
        return "---"


class Json(Element):
    """st.json: ``value`` is the JSON text shown."""

    @property
    def value(self) -> str:
        return str(self.proto["body"])


class ExceptionNode(Element):
    """An exception shown by st.exception or by a script error."""

    TYPE = "exception"

    @property
    def value(self) -> str:
        return str(self.proto["message"])

    @property
    def message(self) -> str:
        return str(self.proto["message"])

    @property
    def stack_trace(self) -> list[str]:
        return list(self.proto["traceback"])

    @property
    def is_markdown(self) -> bool:
        return False

    def _repr_fields(self) -> dict[str, Any]:
        return {"exc_type": self.proto["exc_type"], "message": self.message}


class LinkButton(Element):
    @property
    def value(self) -> str:
        return str(self.proto["label"])


class Spinner(Element):
    @property
    def value(self) -> str:
        return str(self.proto["text"])
