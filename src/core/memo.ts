/**
 * Memoisation of pure functions of a text and one or two objects (a vocabulary, a rule's word
 * lists): rules ask the same questions about the same list items, titles and cells many times,
 * within one lint and from one version of a document to the next. The objects are compared by
 * identity (a configuration's vocabulary is a new object whenever it changes), the text by value.
 * Only for functions whose answer depends on nothing else; the answer is shared, so it must not
 * be changed by callers (strings and booleans are safest).
 */
export function memoizeText<A extends object, B extends object, R>(
  compute: (text: string, a: A, b: B) => R,
  options: { maxTextLength?: number; maxEntries?: number } = {},
): (text: string, a: A, b: B) => R {
  const maxTextLength = options.maxTextLength ?? 4096;
  const maxEntries = options.maxEntries ?? 8192;
  const byA = new WeakMap<A, WeakMap<B, Map<string, R>>>();
  return (text, a, b) => {
    if (text.length > maxTextLength) return compute(text, a, b);
    let byB = byA.get(a);
    if (!byB) {
      byB = new WeakMap();
      byA.set(a, byB);
    }
    let answers = byB.get(b);
    if (!answers) {
      answers = new Map();
      byB.set(b, answers);
    }
    if (answers.has(text)) return answers.get(text)!;
    const answer = compute(text, a, b);
    if (answers.size >= maxEntries) answers.clear();
    answers.set(text, answer);
    return answer;
  };
}

/**
 * Answers kept by a text key, forgotten all at once when there are `maxEntries` of them: for pure
 * functions of a string (a heading, a phase line, an item) that the rules ask about again on
 * every keystroke. Answers are shared, so callers must not change them.
 */
export class TextCache<R> {
  private readonly answers = new Map<string, R>();

  constructor(private readonly maxEntries: number) {}

  get(key: string, compute: () => R): R {
    if (this.answers.has(key)) return this.answers.get(key)!;
    const answer = compute();
    if (this.answers.size >= this.maxEntries) this.answers.clear();
    this.answers.set(key, answer);
    return answer;
  }
}
