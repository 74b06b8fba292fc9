// Components render at once in tests: the markdown renderer and the lazily loaded elements are
// fetched before any test runs.
import { loadAllElements } from "./elements/lazyElement";
import "./elements/registry";
import { loadRenderer } from "./markdown/lazy";

await Promise.all([loadRenderer(), loadAllElements()]);
