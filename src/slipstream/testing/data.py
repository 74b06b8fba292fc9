"""AppTest nodes for data elements: metrics, tables, data frames, images and media."""

from __future__ import annotations

from typing import Any

from slipstream.testing.nodes import Element


def _blob(node: Element, url: str) -> bytes | None:
    blob = node.root._app.blobs.get(url.rsplit("/", 1)[-1])
    return bytes(blob.data) if blob is not None else None


class Metric(Element):
    """st.metric: ``value`` is the value as shown; ``delta`` and ``label`` read from the element."""

    @property
    def value(self) -> str:
        return str(self.proto["body"])


class Dataframe(Element):
    """st.dataframe and st.data_editor: ``value`` is the data shown, as a pandas DataFrame."""

    @property
    def value(self) -> Any:
        import pyarrow as pa

        lazy = self.proto.get("lazy")
        if lazy:  # every row, as the server holds them for the browser
            table = self.root._session.lazy_rows.table(lazy["source"])
            if table is None:
                return None
            frame = table.to_pandas()
        else:
            data = _blob(self, str(self.proto["url"]))
            if data is None:
                return None
            frame = pa.ipc.open_stream(data).read_all().to_pandas()
        columns = self.proto.get("columns") or []
        if len(columns) != len(frame.columns):
            return frame
        frame.columns = [c["name"] for c in columns]
        index = [position for position, c in enumerate(columns) if c["index"]]
        if index:
            frame = frame.set_index([frame.columns[p] for p in index])
            if all(not c["name"] for c in columns if c["index"]):
                frame.index.names = [None] * len(index)
        return frame


class Table(Element):
    """st.table: ``value`` is the table's cells as shown (text), as a pandas DataFrame."""

    @property
    def value(self) -> Any:
        import pandas as pd

        header = self.proto.get("header") or [[]]
        cells = self.proto.get("cells") or []
        index = [" ".join(labels) for labels in self.proto.get("index") or []]
        columns = header[-1] if header else None
        return pd.DataFrame(cells, columns=columns or None, index=index or None)


class Image(Element):
    """st.image and st.pyplot: ``value`` lists the images' URLs."""

    @property
    def value(self) -> list[str]:
        return [str(item.get("url", "")) for item in self.proto.get("images", [])]

    @property
    def captions(self) -> list[str | None]:
        return [item.get("caption") for item in self.proto.get("images", [])]


class Media(Element):
    """st.audio, st.video and st.pdf: ``value`` is the media's URL."""

    @property
    def value(self) -> str:
        return str(self.proto.get("url", ""))
