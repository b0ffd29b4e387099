/** Seeded random edits for the tests that check incremental work against work from scratch. */

/** A small deterministic random generator, so a failure can be replayed. */
export function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/**
 * One random edit of `text`: a piece typed or pasted, a few characters (sometimes a line's worth)
 * deleted, or a piece typed over a few characters; often at a line start, where block structure
 * is decided.
 */
export function randomEdit(text: string, random: () => number, pieces: readonly string[]): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  let at = Math.floor(random() * (text.length + 1));
  if (random() < 0.3) at = text.lastIndexOf('\n', at - 1) + 1;
  const kind = random();
  if (kind < 0.4) return text.slice(0, at) + pick(pieces) + text.slice(at);
  if (kind < 0.7) return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * (random() < 0.7 ? 2 : 60)));
  return text.slice(0, at) + pick(pieces) + text.slice(at + 1 + Math.floor(random() * 4));
}
