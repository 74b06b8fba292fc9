"""The demo app `slipstream hello` runs."""

from pathlib import Path

APP_PATH = Path(__file__).resolve().parent / "app.py"
