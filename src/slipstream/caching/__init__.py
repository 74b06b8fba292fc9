"""st.cache_data and st.cache_resource: skip repeated work across reruns and sessions."""

from __future__ import annotations

from slipstream.caching.api import cache_data, cache_resource

__all__ = ["cache_data", "cache_resource"]
