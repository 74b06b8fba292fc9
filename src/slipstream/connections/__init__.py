"""``st.connection`` and the connection classes (``from streamlit.connections import SQLConnection``)."""

from __future__ import annotations

from slipstream.connections.base import BaseConnection
from slipstream.connections.factory import connection
from slipstream.connections.sql import SQLConnection

# ExperimentalBaseConnection: the name older apps import.
ExperimentalBaseConnection = BaseConnection

__all__ = ["BaseConnection", "ExperimentalBaseConnection", "SQLConnection", "connection"]
