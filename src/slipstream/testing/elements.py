"""AppTest nodes for the elements that only show something (text, alerts, exceptions...)."""

from __future__ import annotations

from typing import Any

from slipstream.testing.nodes import Element, NodeClass

_HEADING_TAGS = {"title": "h1", "header": "h2", "subheader": "h3"}


class Markdown(Element):
    """Markdown, captions, plain text, LaTeX and code: ``value`` is the text shown."""

    @classmethod
    def variant(cls, proto: dict[str, Any]) -> NodeClass:
        return _MARKDOWN_KINDS.get(str(proto.get("type")), cls)

    @property
    def value(self) -> Any:
        return self.proto.get("body")

    @property
    def is_caption(self) -> bool:
        return self.proto.get("type") == "caption"


class Heading(Element):
    """st.title, st.header and st.subheader: ``type`` is which of the three."""

    @classmethod
    def variant(cls, proto: dict[str, Any]) -> NodeClass:
        return _HEADING_LEVELS.get(str(proto.get("level")), cls)

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

    @classmethod
    def variant(cls, proto: dict[str, Any]) -> NodeClass:
        return _ALERT_KINDS.get(str(proto.get("kind")), cls)

    @property
    def type(self) -> str:
        return str(self.proto["kind"])

    @property
    def value(self) -> str:
        return str(self.proto["body"])


# One class per Streamlit name, so that ``type(node).__name__`` reads as in Streamlit's AppTest.
class Caption(Markdown):
    pass


class Text(Markdown):
    pass


class Code(Markdown):
    pass


class Latex(Markdown):
    pass


class Title(Heading):
    pass


class Header(Heading):
    pass


class Subheader(Heading):
    pass


class Error(Alert):
    pass


class Warning(Alert):
    pass


class Info(Alert):
    pass


class Success(Alert):
    pass


_MARKDOWN_KINDS: dict[str, NodeClass] = {"caption": Caption, "text": Text, "code": Code, "latex": Latex}
_HEADING_LEVELS: dict[str, NodeClass] = {"title": Title, "header": Header, "subheader": Subheader}
_ALERT_KINDS: dict[str, NodeClass] = {"error": Error, "warning": Warning, "info": Info, "success": Success}


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


class Progress(Element):
    """st.progress: ``value`` from 0 to 100 (a float 0.25 reads 25), ``text`` ("" when none)."""

    @property
    def value(self) -> int:
        return int(self.proto["value"])

    @property
    def text(self) -> str:
        return str(self.proto.get("text") or "")

    def _repr_fields(self) -> dict[str, Any]:
        return {"value": self.value, "text": self.text}


class Toast(Element):
    """st.toast: ``value`` is its message, ``icon`` its icon ("" when none)."""

    @property
    def value(self) -> str:
        return str(self.proto["body"])

    @property
    def icon(self) -> str:
        return str(self.proto.get("icon") or "")

    def _repr_fields(self) -> dict[str, Any]:
        return {"value": self.value, "icon": self.icon}


class Space(Element):
    """st.space: ``size`` is the size it was given."""

    def _repr_fields(self) -> dict[str, Any]:
        return {"size": self.proto["size"]}


class MermaidChart(Markdown):
    """st.mermaid_chart, which Streamlit's AppTest shows as Markdown holding a mermaid fence (with
    the alt text as a ``%% stAlt:`` comment), so tests written for it read the same here."""

    TYPE = "markdown"

    @classmethod
    def variant(cls, proto: dict[str, Any]) -> NodeClass:
        return cls

    @property
    def value(self) -> str:
        alt = self.proto.get("alt")
        comment = f"%% stAlt: {alt}\n" if alt else ""
        return f"````mermaid\n{comment}{self.proto['body']}\n````"

    def _repr_name(self) -> str:
        return "Markdown"
