"""Slipstream: Streamlit's app model and `st.*` API, faster and lighter.

``import slipstream as st`` (or ``import streamlit as st`` under ``slipstream run``) gives the
names below. Each lives in a small module imported the first time it is used, so importing
the package costs almost nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> module defining it. Element functions can also be called on containers (col.button).
_ELEMENTS: dict[str, str] = {
    "markdown": "slipstream.elements.text",
    "caption": "slipstream.elements.text",
    "title": "slipstream.elements.text",
    "header": "slipstream.elements.text",
    "subheader": "slipstream.elements.text",
    "text": "slipstream.elements.text",
    "code": "slipstream.elements.text",
    "divider": "slipstream.elements.text",
    "json": "slipstream.elements.text",
    "latex": "slipstream.elements.text",
    "success": "slipstream.elements.alerts",
    "info": "slipstream.elements.alerts",
    "warning": "slipstream.elements.alerts",
    "error": "slipstream.elements.alerts",
    "exception": "slipstream.elements.exceptions",
    "write": "slipstream.elements.write",
    "button": "slipstream.elements.button",
    "link_button": "slipstream.elements.button",
    "page_link": "slipstream.elements.page_link",
    "menu_button": "slipstream.elements.menu_button",
    "mermaid_chart": "slipstream.elements.mermaid_chart",
    "download_button": "slipstream.elements.button",
    "form": "slipstream.elements.form",
    "chat_input": "slipstream.elements.chat",
    "chat_message": "slipstream.elements.chat",
    "write_stream": "slipstream.elements.write_stream",
    "help": "slipstream.elements.help",
    "popover": "slipstream.elements.popover",
    "file_uploader": "slipstream.elements.file_uploader",
    "camera_input": "slipstream.elements.media_inputs",
    "audio_input": "slipstream.elements.media_inputs",
    "form_submit_button": "slipstream.elements.form",
    "text_area": "slipstream.elements.text_input",
    "multiselect": "slipstream.elements.multiselect",
    "select_slider": "slipstream.elements.select_slider",
    "pills": "slipstream.elements.button_group",
    "segmented_control": "slipstream.elements.button_group",
    "feedback": "slipstream.elements.button_group",
    "color_picker": "slipstream.elements.color_picker",
    "date_input": "slipstream.elements.dates",
    "time_input": "slipstream.elements.dates",
    "datetime_input": "slipstream.elements.dates",
    "checkbox": "slipstream.elements.checkbox",
    "toggle": "slipstream.elements.checkbox",
    "text_input": "slipstream.elements.text_input",
    "number_input": "slipstream.elements.number_input",
    "pagination": "slipstream.elements.pagination",
    "slider": "slipstream.elements.slider",
    "selectbox": "slipstream.elements.selection",
    "radio": "slipstream.elements.selection",
    "columns": "slipstream.elements.layout",
    "container": "slipstream.elements.layout",
    "empty": "slipstream.elements.layout",
    "grid": "slipstream.elements.grid",
    "space": "slipstream.elements.space",
    "expander": "slipstream.elements.expander",
    "tabs": "slipstream.elements.tabs",
    "image": "slipstream.elements.image",
    "audio": "slipstream.elements.media",
    "video": "slipstream.elements.media",
    "pdf": "slipstream.elements.pdf",
    "pyplot": "slipstream.elements.pyplot",
    "logo": "slipstream.elements.logo",
    "metric": "slipstream.elements.metric",
    "table": "slipstream.elements.table",
    "dataframe": "slipstream.elements.dataframe",
    "data_editor": "slipstream.elements.data_editor",
    "plotly_chart": "slipstream.elements.plotly_chart",
    "echarts_chart": "slipstream.elements.echarts_chart",
    "pydeck_chart": "slipstream.elements.deck",
    "map": "slipstream.elements.deck",
    "graphviz_chart": "slipstream.elements.graphviz_chart",
    "vega_lite_chart": "slipstream.elements.vega_charts",
    "altair_chart": "slipstream.elements.vega_charts",
    "line_chart": "slipstream.elements.basic_charts",
    "area_chart": "slipstream.elements.basic_charts",
    "bar_chart": "slipstream.elements.basic_charts",
    "scatter_chart": "slipstream.elements.basic_charts",
    "spinner": "slipstream.elements.spinner",
    "progress": "slipstream.elements.progress",
    "status": "slipstream.elements.status",
    "toast": "slipstream.elements.toast",
    "balloons": "slipstream.elements.effects",
    "snow": "slipstream.elements.effects",
    "badge": "slipstream.elements.badge",
    "skeleton": "slipstream.elements.skeleton",
    "html": "slipstream.elements.html",
    "iframe": "slipstream.elements.html",
}

_OTHERS: dict[str, tuple[str, str]] = {
    "App": ("slipstream.app", "App"),
    "session_state": ("slipstream.commands", "session_state"),
    "rerun": ("slipstream.commands", "rerun"),
    "stop": ("slipstream.commands", "stop"),
    "fragment": ("slipstream.elements.fragment", "fragment"),
    "dialog": ("slipstream.elements.dialog", "dialog"),
    "set_page_config": ("slipstream.page", "set_page_config"),
    "navigation": ("slipstream.elements.navigation", "navigation"),
    "Page": ("slipstream.elements.navigation", "Page"),
    "switch_page": ("slipstream.elements.navigation", "switch_page"),
    "query_params": ("slipstream.url_query", "query_params"),
    "context": ("slipstream.context_info", "context"),
    "sidebar": ("slipstream.delta_generator", "SIDEBAR"),
    "bottom": ("slipstream.delta_generator", "BOTTOM"),  # pinned to the bottom, beside st.chat_input
    "errors": ("slipstream.errors", ""),
    "cache_data": ("slipstream.caching.api", "cache_data"),
    "cache_resource": ("slipstream.caching.api", "cache_resource"),
    "column_config": ("slipstream.column_config", ""),
    "echo": ("slipstream.elements.echo", "echo"),
    "components": ("slipstream.components", ""),
    "get_option": ("slipstream.options_api", "get_option"),
    "set_option": ("slipstream.options_api", "set_option"),
    "secrets": ("slipstream.runtime.secrets", "secrets"),
    "connection": ("slipstream.connections.factory", "connection"),
    "connections": ("slipstream.connections", ""),
    "login": ("slipstream.auth.user", "login"),
    "logout": ("slipstream.auth.user", "logout"),
    "user": ("slipstream.auth.user", "user"),
}

__all__ = sorted([*_ELEMENTS, *_OTHERS, "__version__"])

if TYPE_CHECKING:
    from slipstream import column_config, components, connections
    from slipstream.app import App
    from slipstream.auth.user import login, logout, user
    from slipstream.caching.api import cache_data, cache_resource
    from slipstream.commands import rerun, session_state, stop
    from slipstream.connections.factory import connection
    from slipstream.context_info import context
    from slipstream.delta_generator import BOTTOM as bottom
    from slipstream.delta_generator import SIDEBAR as sidebar
    from slipstream.elements.alerts import error, info, success, warning
    from slipstream.elements.badge import badge
    from slipstream.elements.basic_charts import area_chart, bar_chart, line_chart, scatter_chart
    from slipstream.elements.button import button, download_button, link_button
    from slipstream.elements.button_group import feedback, pills, segmented_control
    from slipstream.elements.chat import chat_input, chat_message
    from slipstream.elements.checkbox import checkbox, toggle
    from slipstream.elements.color_picker import color_picker
    from slipstream.elements.data_editor import data_editor
    from slipstream.elements.dataframe import dataframe
    from slipstream.elements.dates import date_input, datetime_input, time_input
    from slipstream.elements.deck import map, pydeck_chart
    from slipstream.elements.dialog import dialog
    from slipstream.elements.echarts_chart import echarts_chart
    from slipstream.elements.echo import echo
    from slipstream.elements.effects import balloons, snow
    from slipstream.elements.exceptions import exception
    from slipstream.elements.expander import expander
    from slipstream.elements.file_uploader import file_uploader
    from slipstream.elements.form import form, form_submit_button
    from slipstream.elements.fragment import fragment
    from slipstream.elements.graphviz_chart import graphviz_chart
    from slipstream.elements.grid import grid
    from slipstream.elements.help import help
    from slipstream.elements.html import html, iframe
    from slipstream.elements.image import image
    from slipstream.elements.layout import columns, container, empty
    from slipstream.elements.logo import logo
    from slipstream.elements.media import audio, video
    from slipstream.elements.media_inputs import audio_input, camera_input
    from slipstream.elements.menu_button import menu_button
    from slipstream.elements.mermaid_chart import mermaid_chart
    from slipstream.elements.metric import metric
    from slipstream.elements.multiselect import multiselect
    from slipstream.elements.navigation import Page, navigation, switch_page
    from slipstream.elements.number_input import number_input
    from slipstream.elements.page_link import page_link
    from slipstream.elements.pagination import pagination
    from slipstream.elements.pdf import pdf
    from slipstream.elements.plotly_chart import plotly_chart
    from slipstream.elements.popover import popover
    from slipstream.elements.progress import progress
    from slipstream.elements.pyplot import pyplot
    from slipstream.elements.select_slider import select_slider
    from slipstream.elements.selection import radio, selectbox
    from slipstream.elements.skeleton import skeleton
    from slipstream.elements.slider import slider
    from slipstream.elements.space import space
    from slipstream.elements.spinner import spinner
    from slipstream.elements.status import status
    from slipstream.elements.table import table
    from slipstream.elements.tabs import tabs
    from slipstream.elements.text import caption, code, divider, header, json, latex, markdown, subheader, text, title
    from slipstream.elements.text_input import text_area, text_input
    from slipstream.elements.toast import toast
    from slipstream.elements.vega_charts import altair_chart, vega_lite_chart
    from slipstream.elements.write import write
    from slipstream.elements.write_stream import write_stream
    from slipstream.options_api import get_option, set_option
    from slipstream.page import set_page_config
    from slipstream.runtime.secrets import secrets
    from slipstream.url_query import query_params


def _element_function(name: str) -> Any:
    """The st.* element function called ``name``, or None."""
    module = _ELEMENTS.get(name)
    if module is None:
        return None
    return getattr(importlib.import_module(module), name)


def __getattr__(name: str) -> Any:
    if name in _ELEMENTS:
        value = _element_function(name)
    elif name in _OTHERS:
        module, attr = _OTHERS[name]
        imported = importlib.import_module(module)
        value = getattr(imported, attr) if attr else imported
    else:
        raise AttributeError(
            f"module 'slipstream' has no attribute '{name}': st.{name} is not available in Slipstream yet"
        )
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
