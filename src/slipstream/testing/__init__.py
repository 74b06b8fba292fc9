"""Test apps without a browser: ``from slipstream.testing import AppTest`` (also
``streamlit.testing.v1`` under the streamlit alias)."""

from __future__ import annotations

from slipstream.testing.app_test import AppTest, AppTestTimeoutError

__all__ = ["AppTest", "AppTestTimeoutError"]
