/**
 * How two versions of a text differ, as the lengths of their common start and common end.
 * Comparing character by character in JavaScript costs about 0.5 ms for two 50 KB texts, and
 * the incremental linter asks several times per keystroke; comparing growing slices lets the
 * engine's string equality (a memory comparison) do the work, and only the last stretch before
 * the first difference is read one character at a time.
 */

/** The length of the longest common start of `a` and `b`. */
export function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let at = 0;
  let chunk = 64;
  while (at < n) {
    const end = Math.min(n, at + chunk);
    if (a.slice(at, end) === b.slice(at, end)) {
      at = end;
      chunk *= 2;
    } else if (end - at > 32) {
      // The difference is in this chunk: narrow down with smaller ones.
      chunk = Math.max(16, (end - at) >> 2);
    } else {
      while (at < end && a.charCodeAt(at) === b.charCodeAt(at)) at++;
      return at;
    }
  }
  return at;
}

/** The length of the longest common end of `a` and `b` that does not reach into their first `skip` characters. */
export function commonSuffixLength(a: string, b: string, skip = 0): number {
  const n = Math.min(a.length, b.length) - skip;
  let at = 0;
  let chunk = 64;
  while (at < n) {
    const len = Math.min(n - at, chunk);
    if (a.slice(a.length - at - len, a.length - at) === b.slice(b.length - at - len, b.length - at)) {
      at += len;
      chunk *= 2;
    } else if (len > 32) {
      chunk = Math.max(16, len >> 2);
    } else {
      let k = 0;
      while (k < len && a.charCodeAt(a.length - 1 - at - k) === b.charCodeAt(b.length - 1 - at - k)) k++;
      return at + k;
    }
  }
  return at;
}
