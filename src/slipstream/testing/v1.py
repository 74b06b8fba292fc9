"""``streamlit.testing.v1``: what Streamlit's testing API names, from Slipstream."""

from __future__ import annotations

from slipstream.testing.app_test import AppTest

__all__ = ["AppTest"]
