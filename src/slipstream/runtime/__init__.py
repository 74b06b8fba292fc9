"""The script runtime: sessions, runs, session state, widget state and what the browser holds."""
