"""Build AppTest's element tree from what a run left in the session's view."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slipstream.protocol import ROOT_BOTTOM, ROOT_DIALOG, ROOT_EVENT, ROOT_MAIN, ROOT_SIDEBAR
from slipstream.testing.nodes import Block, Node
from slipstream.testing.registry import node_for

if TYPE_CHECKING:
    from slipstream.testing.app_test import AppTest

ROOT_NAMES = {
    ROOT_MAIN: "main",
    ROOT_SIDEBAR: "sidebar",
    ROOT_BOTTOM: "bottom",
    ROOT_EVENT: "event",
    ROOT_DIALOG: "dialog",
}


class ElementTree(Block):
    """The whole app: the main area, the sidebar and the bottom (where st.chat_input sits)."""

    TYPE = "root"

    @property
    def main(self) -> Block:
        return self.children[ROOT_MAIN]  # type: ignore[return-value]

    @property
    def sidebar(self) -> Block:
        return self.children[ROOT_SIDEBAR]  # type: ignore[return-value]


def build_tree(elements: dict[tuple[int, ...], dict[str, Any]], app: AppTest) -> ElementTree:
    tree = ElementTree({"type": "root"}, (), app)
    nodes: dict[tuple[int, ...], Node] = {}
    for index, name in ROOT_NAMES.items():
        root = Block({"type": name}, (index,), app)
        tree.children[index] = root
        nodes[(index,)] = root
    for path, proto in elements.items():  # sorted: a parent comes before its children
        parent = nodes.get(path[:-1])
        if not isinstance(parent, Block):
            continue
        node = node_for(proto, path, app)
        parent.children[path[-1]] = node
        nodes[path] = node
    return tree
