/**
 * How typing filters and ranks a select widget's options, as Streamlit 1.67 does it:
 * - "fuzzy": the typed letters appear in the option in order (any case); options rank by fzy's
 *   score (consecutive letters, and letters at word starts, after `/ - _ .` or at a capital, count
 *   more), best first, equal scores in their original order;
 * - "contains" / "prefix": the option holds / starts with the typed text (any case), in order;
 * - null: no filtering (typing is off).
 *
 * The scorer is fzy's (https://github.com/jhawthorn/fzy), as Streamlit's browser code has it,
 * written over two reused rows of typed arrays so that scoring 100,000 options allocates nothing
 * per option.
 */

export type FilterMode = "fuzzy" | "contains" | "prefix" | null;

const SCORE_MIN = -Infinity;
const SCORE_MAX = Infinity;
const SCORE_GAP_LEADING = -0.005;
const SCORE_GAP_TRAILING = -0.005;
const SCORE_GAP_INNER = -0.01;
const SCORE_MATCH_CONSECUTIVE = 1.0;
const SCORE_MATCH_SLASH = 0.9;
const SCORE_MATCH_WORD = 0.8;
const SCORE_MATCH_CAPITAL = 0.7;
const SCORE_MATCH_DOT = 0.6;
/** fzy does not score longer options (they match, ranked last). */
const MAX_SCORED_LENGTH = 1024;

// fzy's tests: a character is "lower" when lower-casing leaves it as it is (so digits, spaces
// and punctuation are both "lower" and "upper"). ASCII is answered from its code.
const isLower = (c: string, code: number) => (code < 128 ? code < 65 || code > 90 : c.toLowerCase() === c);
const isUpper = (c: string, code: number) => (code < 128 ? code < 97 || code > 122 : c.toUpperCase() === c);

const SLASH = 47;
const DASH = 45;
const UNDERSCORE = 95;
const SPACE = 32;
const DOT = 46;

/** fzy's bonus for a match at `j`: after a slash, a word break, a dot, or at a capital. */
function bonusAt(haystack: string, j: number): number {
  if (j === 0) return SCORE_MATCH_SLASH;
  const last = haystack.charCodeAt(j - 1);
  if (last === SLASH) return SCORE_MATCH_SLASH;
  if (last === DASH || last === UNDERSCORE || last === SPACE) return SCORE_MATCH_WORD;
  if (last === DOT) return SCORE_MATCH_DOT;
  const code = haystack.charCodeAt(j);
  if (isLower(haystack[j - 1] as string, last) && isUpper(haystack[j] as string, code)) return SCORE_MATCH_CAPITAL;
  return 0;
}

/** Rows reused across calls: the scores of the previous and the current needle letter. */
let rows = new Float64Array(0);
let needleCodes = new Uint16Array(0);

/** fzy's score of `haystack` for `needle` (which must match it). `needleLower` and
 * `haystackLower` are the two strings lower-cased; lengths are the originals', as in fzy.
 * The same additions in the same order as fzy, so that equal scores stay equal. */
export function fuzzyScore(needle: string, haystack: string, needleLower: string, haystackLower: string): number {
  const n = needle.length;
  const m = haystack.length;
  if (!n || !m) return SCORE_MIN;
  if (needle === haystack || n === m) return SCORE_MAX;
  if (m > MAX_SCORED_LENGTH) return SCORE_MIN;
  if (rows.length < 4 * m) rows = new Float64Array(Math.max(4 * m, 2 * rows.length, 256));
  if (needleCodes.length < n) needleCodes = new Uint16Array(Math.max(n, 64));
  for (let i = 0; i < n; i++) needleCodes[i] = needleLower.charCodeAt(i);
  const r = rows;
  // D: the best score ending with a match at j; M: the best score up to j. Two rows of each.
  let dPrev = 0;
  let mPrev = m;
  let dCur = 2 * m;
  let mCur = 3 * m;
  for (let i = 0; i < n; i++) {
    let prevScore = SCORE_MIN;
    const gap = i === n - 1 ? SCORE_GAP_TRAILING : SCORE_GAP_INNER;
    const c = needleCodes[i];
    for (let j = 0; j < m; j++) {
      if (c === haystackLower.charCodeAt(j)) {
        let score = SCORE_MIN;
        if (i === 0) score = j * SCORE_GAP_LEADING + bonusAt(haystack, j);
        else if (j > 0) {
          const viaGap = (r[mPrev + j - 1] as number) + bonusAt(haystack, j);
          const viaRun = (r[dPrev + j - 1] as number) + SCORE_MATCH_CONSECUTIVE;
          score = viaGap > viaRun ? viaGap : viaRun;
        }
        r[dCur + j] = score;
        const carried = prevScore + gap;
        r[mCur + j] = prevScore = score > carried ? score : carried;
      } else {
        r[dCur + j] = SCORE_MIN;
        r[mCur + j] = prevScore = prevScore + gap;
      }
    }
    const d = dPrev;
    dPrev = dCur;
    dCur = d;
    const mm = mPrev;
    mPrev = mCur;
    mCur = mm;
  }
  return r[mPrev + m - 1] as number;
}

/** Whether the letters of `needleLower` appear in `haystackLower` in order. */
export function fuzzyMatch(needleLower: string, haystackLower: string): boolean {
  let at = 0;
  for (let i = 0; i < needleLower.length; i++) {
    at = haystackLower.indexOf(needleLower[i] as string, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** The options' labels lower-cased once, for all the keystrokes that filter them. */
export function lowerLabels(labels: readonly string[]): string[] {
  return labels.map((l) => l.toLowerCase());
}

/**
 * The options (indices into `labels`) that `query` keeps, in the order to show them.
 * `candidates` limits the search to some options (the unchosen ones of a multiselect), in
 * ascending order; all options when omitted.
 */
export function filterOptions(
  labels: readonly string[],
  lower: readonly string[],
  query: string,
  mode: FilterMode,
  candidates?: ArrayLike<number>,
): number[] {
  const count = candidates ? candidates.length : labels.length;
  const at = candidates ? (k: number) => candidates[k] as number : (k: number) => k;
  const kept: number[] = [];
  if (!query || mode === null) {
    for (let k = 0; k < count; k++) kept.push(at(k));
    return kept;
  }
  const q = query.toLowerCase();
  if (mode === "contains" || mode === "prefix") {
    for (let k = 0; k < count; k++) {
      const i = at(k);
      const text = lower[i] as string;
      if (mode === "contains" ? text.includes(q) : text.startsWith(q)) kept.push(i);
    }
    return kept;
  }
  for (let k = 0; k < count; k++) {
    const i = at(k);
    if (fuzzyMatch(q, lower[i] as string)) kept.push(i);
  }
  const scores = new Float64Array(kept.length);
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k] as number;
    scores[k] = fuzzyScore(query, labels[i] as string, q, lower[i] as string);
  }
  return byScore(kept, scores);
}

/**
 * `items` by `scores`, best first, equal scores in their given order (a stable sort, as lodash's
 * sortBy in Streamlit). Scores take few distinct values, so this is a counting sort over them:
 * linear in the items, where a comparison sort of 100,000 items takes tens of milliseconds.
 */
function byScore(items: readonly number[], scores: Float64Array): number[] {
  // Each distinct score's slot, in order of first sight (neighbours often score the same).
  const slotOf = new Map<number, number>();
  const distinct: number[] = [];
  const slots = new Uint32Array(items.length);
  let last = NaN;
  let lastSlot = 0;
  for (let k = 0; k < items.length; k++) {
    const score = scores[k] as number;
    if (score !== last) {
      let slot = slotOf.get(score);
      if (slot === undefined) {
        slot = distinct.length;
        slotOf.set(score, slot);
        distinct.push(score);
      }
      last = score;
      lastSlot = slot;
    }
    slots[k] = lastSlot;
  }
  // Slots best first, then where each slot's items start in the output.
  const order = distinct.map((_, slot) => slot).sort((a, b) => (distinct[b] as number) - (distinct[a] as number) || 0);
  const start = new Uint32Array(distinct.length);
  const count = new Uint32Array(distinct.length);
  for (let k = 0; k < items.length; k++) count[slots[k] as number] = (count[slots[k] as number] as number) + 1;
  let at = 0;
  for (const slot of order) {
    start[slot] = at;
    at += count[slot] as number;
  }
  const out = new Array<number>(items.length);
  for (let k = 0; k < items.length; k++) {
    const slot = slots[k] as number;
    out[start[slot] as number] = items[k] as number;
    start[slot] = (start[slot] as number) + 1;
  }
  return out;
}
