/**
 * One vocabulary entry (`/…/`) matching any of `alternatives` as whole words. Each entry of a
 * list that starts with a boundary check costs a scan of the whole document with that check at
 * every character; one entry with one check for all the alternatives costs one.
 */
export function wordsPattern(alternatives: readonly string[]): string {
  return `/(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])/`;
}
