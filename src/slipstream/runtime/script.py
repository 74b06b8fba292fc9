"""The app's script: read, transformed for magic, compiled once per change on disk."""

from __future__ import annotations

import ast
import linecache
import os
import threading
from pathlib import Path
from types import CodeType

MAGIC_NAME = "__slipstream_magic__"

_NOT_SHOWN = (ast.Call, ast.Await, ast.Yield, ast.YieldFrom, ast.NamedExpr)
_SCOPES = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)


def _is_docstring(node: ast.stmt, index: int, parent: ast.AST) -> bool:
    return (
        index == 0
        and isinstance(parent, _SCOPES)
        and isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


class _Magic(ast.NodeTransformer):
    """Turn bare expressions into calls that write their value, as Streamlit's magic does.

    Calls are left alone (``st.write(x)`` must not write its return value), and so are
    docstrings; class bodies are not touched.
    """

    def _body(self, parent: ast.AST, body: list[ast.stmt]) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for index, node in enumerate(body):
            if (
                isinstance(node, ast.Expr)
                and not isinstance(node.value, _NOT_SHOWN)
                and not _is_docstring(node, index, parent)
            ):
                call = ast.Call(func=ast.Name(id=MAGIC_NAME, ctx=ast.Load()), args=[node.value], keywords=[])
                out.append(ast.copy_location(ast.Expr(value=call), node))
            else:
                out.append(self.visit(node))
        return out

    def generic_visit(self, node: ast.AST) -> ast.AST:
        if isinstance(node, ast.ClassDef):
            return node
        for name in ("body", "orelse", "finalbody"):
            body = getattr(node, name, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                setattr(node, name, self._body(node, body))
        for handler in getattr(node, "handlers", []):
            handler.body = self._body(handler, handler.body)
        for case in getattr(node, "cases", []):
            case.body = self._body(case, case.body)
        return node


def compile_script(source: str, filename: str, *, magic: bool = True) -> CodeType:
    tree = ast.parse(source, filename, "exec")
    if magic:
        tree = _Magic().visit(tree)
        ast.fix_missing_locations(tree)
    return compile(tree, filename, "exec", dont_inherit=True)


class AppScript:
    """One app's script file, shared by all its sessions."""

    def __init__(self, path: str | os.PathLike[str], *, magic: bool = True) -> None:
        self.path = Path(path).resolve()
        self.magic = magic
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._code: CodeType | None = None
        self.watched = False  # a file watcher invalidates the code when the file changes

    @property
    def folder(self) -> Path:
        return self.path.parent

    def code(self) -> CodeType:
        """The compiled script; recompiled only when the file changed. Raises SyntaxError."""
        code = self._code
        if self.watched and code is not None:
            return code  # a watcher calls invalidate(): no look at the file on every run
        st = os.stat(self.path)
        stamp = (st.st_mtime_ns, st.st_size)
        with self._lock:
            if self._code is None or stamp != self._stamp:
                source = self.path.read_text(encoding="utf-8")
                self._code = compile_script(source, str(self.path), magic=self.magic)
                self._stamp = stamp
            return self._code

    def invalidate(self) -> None:
        with self._lock:
            self._code = None


class SourceScript(AppScript):
    """A script given as text (tests, AppTest.from_string)."""

    def __init__(self, source: str, filename: str = "<app>", *, magic: bool = True) -> None:
        self.path = Path(filename)
        self.magic = magic
        self._lock = threading.Lock()
        self._stamp = None
        self._code = None
        self.source = source

    @property
    def folder(self) -> Path:
        return Path.cwd()

    def code(self) -> CodeType:
        with self._lock:
            if self._code is None:
                # Tracebacks show source lines only for files linecache can read.
                lines = self.source.splitlines(keepends=True)
                linecache.cache[str(self.path)] = (len(self.source), None, lines, str(self.path))
                self._code = compile_script(self.source, str(self.path), magic=self.magic)
            return self._code
