"""``at.session_state``: the test's window on the app's session state."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

from slipstream.runtime.state import SessionState


class SessionStateView(MutableMapping[str, Any]):
    """Read and write the session state between runs, by item or by attribute."""

    _state: SessionState

    def __init__(self, state: SessionState) -> None:
        object.__setattr__(self, "_state", state)

    def __getitem__(self, key: str) -> Any:
        if key not in self._state:
            raise KeyError(f"session_state has no key {key!r}")
        return self._state[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._state)

    def __len__(self) -> int:
        return len(self._state)

    def __contains__(self, key: object) -> bool:
        return key in self._state

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f"session_state has no attribute {key!r}") from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(f"session_state has no attribute {key!r}") from None

    def to_dict(self) -> dict[str, Any]:
        return self._state.to_dict()

    def __repr__(self) -> str:
        return repr(self.to_dict())
