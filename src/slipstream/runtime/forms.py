"""Forms of the current run: which container is which form, and what happened to it."""

from __future__ import annotations

from dataclasses import dataclass

from slipstream.runtime.context import RunContext
from slipstream.runtime.outbox import Path


@dataclass(slots=True)
class FormRun:
    form_id: str
    path: Path
    clear_on_submit: bool
    has_submit: bool = False
    submitted: bool = False


def form_at(ctx: RunContext, path: Path) -> FormRun | None:
    """The form that holds the place ``path``, if any."""
    forms = ctx.forms
    if not forms:
        return None
    for end in range(len(path), 0, -1):
        form = forms.get(path[:end])
        if form is not None:
            return form
    return None


def current_form(ctx: RunContext) -> FormRun | None:
    """The form the running script is writing into, if any."""
    if not ctx.stack:
        return None
    from slipstream.runtime.placement import place_of

    return form_at(ctx, place_of(ctx.stack[-1]))
