"""The nodes of AppTest's element tree: elements, containers, and lists of them.

A node wraps one element dict from the run (``proto``: the wire form in protocol.py) and knows
its place (``path``) and its app (``root``). Its ``type`` is Streamlit's name for the element, so
tests written for Streamlit's AppTest find it under the same name.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from slipstream.testing.queries import ACCESSORS, query

if TYPE_CHECKING:
    from slipstream.testing.app_test import AppTest

N = TypeVar("N", bound="Node")
NodeClass = type["Node"]

# Element types whose name in Streamlit's AppTest differs from ours (protocol.py).
STREAMLIT_TYPES = {
    "data_editor": "dataframe",
    "datetime_input": "date_time_input",
    "deck_chart": "deck_gl_json_chart",
}


class Node:
    """One place in the tree. ``proto`` is the element dict the browser would get."""

    TYPE: str | None = None  # Streamlit's type name, when the class fixes it
    proto: dict[str, Any]
    path: tuple[int, ...]

    def __init__(self, proto: dict[str, Any], path: tuple[int, ...], root: AppTest) -> None:
        self.proto = proto
        self.path = path
        self.root = root

    @property
    def type(self) -> str:
        if self.TYPE:
            return self.TYPE
        kind = str(self.proto.get("type", "unknown"))
        return STREAMLIT_TYPES.get(kind, kind)

    @classmethod
    def variant(cls, proto: dict[str, Any]) -> NodeClass:
        """The class for this element, when one element type has several (st.feedback)."""
        return cls

    @property
    def key(self) -> str | None:
        key = self.proto.get("key")
        return key if isinstance(key, str) else None

    @property
    def value(self) -> Any:
        return None

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the app's script again (after setting widget values); return the AppTest."""
        return self.root.run(timeout=timeout)

    def __iter__(self) -> Iterator[Node]:
        yield self

    def _repr_fields(self) -> dict[str, Any]:
        return {}

    def _repr_name(self) -> str:
        """Streamlit's type name in CamelCase ("text_input" -> "TextInput"), as its classes read."""
        return "".join(part.capitalize() for part in self.type.split("_"))

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self._repr_fields().items() if not _is_blank(v))
        return f"{self._repr_name()}({fields})"


def _is_blank(value: Any) -> bool:
    """Whether a repr leaves the field out: Streamlit's AppTest shows no empty or false fields."""
    return value is None or value is False or (isinstance(value, (str, list, dict, set, tuple)) and not value)


class Element(Node):
    """A leaf element. Fields of its element dict read as attributes (``.body``, ``.help``...)."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        proto = self.__dict__.get("proto", {})
        if name in proto:
            return proto[name]
        raise AttributeError(f"{type(self).__name__} ({self.type}) has no attribute {name!r}")

    def _repr_fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        if self.key is not None:
            fields["key"] = self.key
        if self.proto.get("label"):
            fields["label"] = self.proto["label"]
        fields["value"] = self.value
        return fields


class UnknownElement(Element):
    """An element AppTest has no class for: its fields are still readable."""

    def _repr_name(self) -> str:
        return "UnknownElement"


class Block(Node):
    """A container: its children by position, and the same queries as the app (``block.button``)."""

    def __init__(self, proto: dict[str, Any], path: tuple[int, ...], root: AppTest) -> None:
        super().__init__(proto, path, root)
        self.children: dict[int, Node] = {}

    def __len__(self) -> int:
        return len(self.children)

    def __getitem__(self, index: int) -> Node:
        return self.children[index]

    def __iter__(self) -> Iterator[Node]:
        """This block, then every node under it, depth first in the order shown."""
        yield self
        for child in self.children.values():
            yield from child

    def __getattr__(self, name: str) -> Any:
        """Typed lists by Streamlit's names (``block.button``), else the container's fields."""
        if name.startswith("_"):
            raise AttributeError(name)
        if name in ACCESSORS:
            return ElementList(query(self, name))
        proto = self.__dict__.get("proto", {})
        if name in proto:
            return proto[name]
        raise AttributeError(f"{type(self).__name__} ({self.type}) has no attribute {name!r}")

    def get(self, element_type: str) -> list[Node]:
        """Every node under this block whose ``type`` is ``element_type`` (Streamlit's names), or
        that the typed list of that name holds (``"datetime_input"``, ``"data_editor"``...)."""
        if element_type in ACCESSORS:
            return query(self, element_type)
        return [node for node in self if node is not self and node.type == element_type]

    def get_by_key(self, key: str) -> Node:
        """The one node under this block with the user key ``key``."""
        found = [node for node in self if node is not self and node.key == key]
        if not found:
            raise KeyError(key)
        if len(found) > 1:
            raise ValueError(f"{len(found)} elements have the key {key!r}; query a container or a typed list instead.")
        return found[0]

    def _repr_fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        if self.key is not None:
            fields["key"] = self.key
        if self.proto.get("label"):
            fields["label"] = self.proto["label"]
        return fields

    def __repr__(self) -> str:
        head = "".join(f"{k}={v!r}, " for k, v in self._repr_fields().items())
        if not self.children:
            return f"{self._repr_name()}({head.rstrip(', ')})"
        lines = [f"{self._repr_name()}({head}children={{"]
        for index, child in self.children.items():
            body = repr(child).replace("\n", "\n    ")
            lines.append(f"    {index}: {body},")
        lines.append("})")
        return "\n".join(lines)


class ElementList(Sequence[N], Generic[N]):
    """The nodes of one kind, in the order shown; call it with ``key=`` to get one by key."""

    def __init__(self, nodes: Sequence[N]) -> None:
        self._list = list(nodes)

    def __len__(self) -> int:
        return len(self._list)

    @property
    def len(self) -> int:
        return len(self._list)

    @overload
    def __getitem__(self, index: int) -> N: ...

    @overload
    def __getitem__(self, index: slice) -> ElementList[N]: ...

    def __getitem__(self, index: int | slice) -> N | ElementList[N]:
        if isinstance(index, slice):
            return ElementList(self._list[index])
        try:
            return self._list[index]
        except IndexError:
            raise IndexError(
                f"index {index} is out of range: the app shows {len(self._list)} of these elements"
            ) from None

    def __iter__(self) -> Iterator[N]:
        return iter(self._list)

    def __call__(self, key: str) -> N:
        """The element with the user key ``key``."""
        for node in self._list:
            if node.key == key:
                return node
        raise KeyError(key)

    @property
    def values(self) -> list[Any]:
        return [node.value for node in self._list]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ElementList):
            return self._list == other._list
        return self._list == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ElementList({self._list!r})"


class Expander(Block):
    """st.expander."""


_STATUS_ICONS = {"running": "spinner", "complete": ":material/check:", "error": ":material/error:"}


class Status(Block):
    """st.status: ``label``, ``state`` ("running", "complete" or "error") and ``icon``, the
    icon Streamlit shows for that state ("spinner", ":material/check:", ":material/error:")."""

    @property
    def label(self) -> str:
        return str(self.proto["label"])

    @property
    def state(self) -> str:
        return str(self.proto["state"])

    @property
    def icon(self) -> str:
        return _STATUS_ICONS.get(self.state, "")


class Tab(Block):
    """One tab of st.tabs."""


class Column(Block):
    """One column of st.columns."""


class Grid(Block):
    """st.grid: its cells are its children."""

    TYPE = "grid_container"


class FlexContainer(Block):
    """st.container, and the row that holds st.columns."""

    TYPE = "flex_container"


class TabContainer(Block):
    """The row that holds st.tabs."""

    TYPE = "tab_container"
