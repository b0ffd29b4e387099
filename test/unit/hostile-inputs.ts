/**
 * Hostile inputs shared by test/unit/hostile.test.ts (the core) and test/unit/cli-hostile.test.ts
 * (the CLI): documents, configuration files and decision tree files shaped to crash a parser,
 * overflow a stack or take quadratic time. Each is built on demand (some are tens of megabytes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const AS_CHARTER = '---\ntype: partnership-charter\n---\n';

/** How much CPU time one hostile input may take to lint (test/unit/cpu-time.ts says why CPU time). */
export const BOUND_MS = Number(process.env['PARTNERLINT_HOSTILE_BOUND_MS'] ?? 5000);

export interface HostileDocument {
  name: string;
  /** The text as an ordinary Markdown file: no front matter type, no strategy title. */
  ordinary: () => string;
  /** The same text marked as a partnership charter, so that every rule runs on it. */
  charter: () => string;
  /** A larger time bound for the charter, where the Markdown parser alone takes seconds. */
  boundMs?: number;
}

const ROOT = process.cwd();
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The flawed sample charter without its front matter and title: realistic prose with problems. */
export function charterBody(): string {
  return read('examples/initech-charter-draft.md').replace(/^---[\s\S]*?\n---\n/, '').replace(/^#\s.*\n/m, '');
}

/** A real binary file (a PNG screenshot), decoded as UTF-8 the way a careless reader would. */
export function pngBytes(): Buffer {
  return readFileSync(join(ROOT, 'docs/images/wizard.png'));
}

const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

const PROSE = 'We will commit engineering resources and a $5M credit pool by 2026-01-01 for 4 weeks; the partner provides budget, TBD [amount]. ';

/** Ordinary Markdown: notes with headings and lists, and no partnership vocabulary. */
const NOTES = '## Weekly notes\n\n- Shipped the importer; 3 bugs left.\n- Next: docs for the API, and a release on Friday.\n\n';

const lineEndings = (text: string, eol: 'crlf' | 'cr' | 'mixed') => {
  const lines = text.split('\n');
  if (eol === 'crlf') return lines.join('\r\n');
  if (eol === 'cr') return lines.join('\r');
  return lines.map((l, i) => l + (i === lines.length - 1 ? '' : ['\r\n', '\r', '\n'][i % 3])).join('');
};

/** A YAML "billion laughs": nine levels of nine aliases each, about 387 million leaves if expanded. */
export function aliasBomb(prefix = ''): string {
  const lines = [`${prefix}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) lines.push(`${prefix}${names[i]}: &${names[i]} [${Array(9).fill('*' + names[i - 1]).join(',')}]`);
  return lines.join('\n');
}

/** Front matter blocks with a defect, each with and without `type: partnership-charter`. */
export const FRONT_MATTER_DEFECTS: Array<{ name: string; block: (type: boolean) => string }> = [
  {
    name: 'malformed front matter',
    block: (type) => `---\n${type ? 'type: partnership-charter\n' : ''}partner: [Globex\n  owner: "unclosed\n\tbad: tab\nkey: value: value\n---\n`,
  },
  {
    name: '1 MB of front matter',
    block: (type) => `---\n${type ? 'type: partnership-charter\n' : ''}${'note: a long line of notes that someone pasted into the front matter\n'.repeat(15_000)}---\n`,
  },
  {
    name: 'a YAML alias bomb in front matter',
    block: (type) => `---\n${type ? 'type: partnership-charter\n' : ''}${aliasBomb()}\nsignatures: *i\n---\n`,
  },
  {
    name: 'front matter that is never closed',
    block: (type) => `---\n${type ? 'type: partnership-charter\n' : ''}${'owner: someone\n'.repeat(10_000)}`,
  },
];

export const HOSTILE_DOCUMENTS: HostileDocument[] = [
  ...([
    ['a 200,000-character line of prose', () => repeatTo(PROSE, 200_000)],
    ['a 200,000-character line of "["', () => repeatTo('[', 200_000)],
    ['a 200,000-character line of "<!--"', () => repeatTo('<!--', 200_000)],
    ['a 200,000-character line of "|"', () => repeatTo('| a ', 200_000)],
    ['5,000 nested list items, one per line', () => Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')],
    ['5,000 nested list items on one line', () => `${'- '.repeat(5000)}item`],
    ['5,000 nested block quotes on one line', () => `${'>'.repeat(5000)} a quote`],
    ['5,000 nested block quotes, one per line', () => Array.from({ length: 5000 }, (_, i) => `${'>'.repeat(i + 1)} quote ${i}`).join('\n')],
    ['20,000 headings', () => Array.from({ length: 20_000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} ${i}. Heading ${i}\n`).join('')],
    ['20,000 headings, each with a line of text', () => Array.from({ length: 20_000 }, (_, i) => `## ${i}. Governance\nOwner: TBD\n`).join('')],
    ['a 5 MB file', () => repeatTo(`${charterBody()}\n`, 5_000_000), () => repeatTo(NOTES, 5_000_000)],
    ['NUL bytes and control characters', () => `${charterBody()}\n${repeatTo('\u0000\u0001\u0002\u001b[31m\u007f\uFFFD\uFFFF ', 20_000)}\n## Governance\u0000\n\n- Owner:\u0000 TBD\n`],
    ['a PNG file read as text', () => pngBytes().toString('utf8')],
    ['lone UTF-16 surrogates', () => `## Mutual Goals \uD800\n\n- \uDC00 We will commit $5M \uD83D by 2026-01-01 [amount\uDFFF] TBD\n\n| Phase \uD800 | Dates |\n|---|---|\n| Crawl \uDC00 | \uD800 |\n\n**\uDBFF Governance:**\n- Owner: \uD800\n${charterBody()}\uD800`],
    ['CRLF line endings', () => lineEndings(charterBody(), 'crlf')],
    ['CR-only line endings', () => lineEndings(charterBody(), 'cr')],
    ['mixed line endings', () => lineEndings(charterBody(), 'mixed')],
    ['tabs, emoji, combining marks and right-to-left text', () => `## 🤝 Mutual\u0301 Goals\n\n\t- שותפות: We will commit $5M\u200F to ✅ \u202Eevil\u202C\n\t\t- 👩🏽‍💻 engineers\u0301 TBD\n${charterBody()}`],
  ] as Array<[string, () => string, (() => string)?]>).map(([name, body, ordinary]): HostileDocument => ({
    name,
    // A charter body repeated to 5 MB is a charter by its headings even without a title (evidence.ts):
    // the ordinary 5 MB file is meeting notes instead.
    ordinary: ordinary ?? body,
    charter: () => AS_CHARTER + body(),
    // 440 K characters of headings and paragraphs: parsing alone takes 2–4 s here.
    ...(name.startsWith('20,000 headings, each') ? { boundMs: BOUND_MS * 3 } : {}),
  })),
  {
    name: 'a byte order mark',
    ordinary: () => `\uFEFF${charterBody()}`,
    charter: () => `\uFEFF${AS_CHARTER}${charterBody()}`,
  },
  ...FRONT_MATTER_DEFECTS.map(({ name, block }): HostileDocument => ({
    name,
    ordinary: () => block(false) + charterBody(),
    charter: () => block(true) + charterBody(),
  })),
];

/** Text shapes the Markdown parser itself takes quadratic time on (see docs/robustness.md). */
export const PARSER_BOUND_DOCUMENTS: HostileDocument[] = ([
  ['a 200,000-character line of "- [ ] "', () => repeatTo('- [ ] ', 200_000)],
  ['a 200,000-character line of "[a]("', () => repeatTo('[a](', 200_000)],
  ['a 200,000-character line of "**a"', () => repeatTo('**a', 200_000)],
  ['5,000 nested emphasis marks', () => `${Array.from({ length: 5000 }, (_, i) => (i % 2 ? '*' : '_') + 'x ').join('')}a${Array.from({ length: 5000 }, (_, i) => ` y${(4999 - i) % 2 ? '*' : '_'}`).join('')}`],
  ['a 200,000-character line of "[^1]"', () => repeatTo('[^1]', 200_000)],
] as Array<[string, () => string]>).map(([name, body]) => ({ name, ordinary: body, charter: () => AS_CHARTER + body() }));

/** `.partnerlint.yaml` texts with a defect each. */
/**
 * Settings files with a defect each. `document`, when given, is Markdown added to the charter
 * linted with the settings (what a defect in a vocabulary list needs to show itself).
 */
export const HOSTILE_CONFIGS: Array<{ name: string; text: () => string; document?: string }> = [
  { name: 'a 200,000-character line', text: () => `rules:\n  placeholder-left: ${'x'.repeat(200_000)}\n` },
  { name: 'NUL bytes', text: () => `rules:\n\u0000  placeholder-left: off\u0000\n${'\u0000'.repeat(1000)}` },
  { name: 'a PNG file', text: () => pngBytes().toString('utf8') },
  { name: 'lone surrogates', text: () => 'rules:\n  placeholder-left: "\uD800"\nvocabulary:\n  placeholders: ["\uDC00", "/\uD800/"]\n' },
  { name: 'CRLF, CR-only and mixed line endings', text: () => 'rules:\r\n  placeholder-left: off\r  charter-missing-section: error\nvocabulary:\r\n  placeholders:\r    - TBA\n' },
  { name: 'a byte order mark', text: () => '\uFEFFrules:\n  placeholder-left: off\n' },
  { name: 'malformed YAML', text: () => 'rules: [\n  placeholder-left: {off\n"unterminated\n\tvocabulary:\n' },
  { name: '1 MB', text: () => `vocabulary:\n  placeholders:\n${'    - a placeholder word\n'.repeat(40_000)}` },
  { name: '5 MB', text: () => `vocabulary:\n  placeholders:\n${'    - a placeholder word\n'.repeat(200_000)}` },
  { name: 'a YAML alias bomb', text: () => `${aliasBomb('x-')}\nrules:\n  placeholder-left:\n    options:\n      bomb: *i\nvocabulary:\n  placeholders: *i\n` },
  { name: 'deeply nested YAML', text: () => `rules: ${'['.repeat(5000)}${']'.repeat(5000)}\nvocabulary:\n${Array.from({ length: 900 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')}\n` },
  { name: 'an invalid regular expression in a vocabulary list', text: () => 'vocabulary:\n  placeholders:\n    - "/[unclosed/"\n    - "/(?<n>a)/"\n    - "/ok/"\n' },
  {
    // As a JavaScript RegExp this ran past 100 s on one list item; patterns from settings run on a linear-time engine.
    name: 'a pattern that backtracks exponentially, and a list item it chokes on',
    text: () => 'vocabulary:\n  placeholders:\n    - "/(a|aa)+$/"\n  economicTerms:\n    - "/(a|aa)+$/"\n  coMarketingTerms:\n    - "/(?:a+)+b/"\n',
    document: `\n## Value Exchange\n\n- ${'a'.repeat(46)}!\n- We will commit ${'a'.repeat(46)}!\n`,
  },
];

/** A valid decision tree in the given line breaks ('mixed': CRLF, CR and LF in turn), with `text` in its title and question. */
export function validTree(eol = '\n', text = 'T'): string {
  const lines = [
    'id: x', `title: "${text}"`, 'description: D', 'start: q', 'questions:', '  q:', `    text: "${text}?"`, '    answers:',
    '      yes:', '        label: "Yes"', '        hint: H', '        outcome: o', '      no:', '        label: "No"', '        hint: H', '        outcome: o',
    'outcomes:', '  o:', '    title: O', '    rationale: R',
  ];
  return lines.map((line, i) => line + (eol === 'mixed' ? ['\r\n', '\r', '\n'][i % 3] : eol)).join('');
}

/** Decision tree files (`.partnerlint/trees/x.yaml`) with a defect each. */
export const HOSTILE_TREES: Array<{ name: string; text: () => string }> = [
  { name: 'a 200,000-character line', text: () => validTree('\n', 'x'.repeat(200_000)) },
  { name: 'NUL bytes', text: () => `id: x\u0000\nstart: q\u0000\n${'\u0000'.repeat(1000)}` },
  { name: 'a PNG file', text: () => pngBytes().toString('utf8') },
  { name: 'lone surrogates', text: () => validTree('\n', 'T \uD800 \uDC00') },
  { name: 'CRLF line endings', text: () => validTree('\r\n') },
  { name: 'CR-only line endings', text: () => validTree('\r') },
  { name: 'mixed line endings', text: () => validTree('mixed') },
  { name: 'a byte order mark', text: () => `\uFEFF${validTree()}` },
  { name: 'malformed YAML', text: () => 'id: [x\nquestions:\n  q: {text: "unclosed\n\t answers:\n' },
  { name: '1 MB', text: () => `id: x\ntitle: T\nstart: q\nquestions:\n${Array.from({ length: 20_000 }, (_, i) => `  q${i}:\n    text: Question ${i}?\n    answers:\n      yes: { next: q${i + 1} }\n`).join('')}` },
  { name: 'a YAML alias bomb', text: () => `${aliasBomb('x')}\nid: bomb\ntitle: T\nstart: q\nquestions: *i\noutcomes: *i\n` },
  { name: 'deeply nested YAML', text: () => `id: x\nquestions: ${'['.repeat(5000)}${']'.repeat(5000)}\n` },
  {
    name: 'a loop through 3,000 questions',
    text: () => `id: loop\ntitle: T\ndescription: D\nstart: q0\nquestions:\n${Array.from({ length: 3000 }, (_, i) => `  q${i}:\n    text: Q${i}?\n    answers:\n      yes: { label: "Yes", hint: H, next: q${(i + 1) % 3000} }\n      no: { label: "No", hint: H, outcome: o }\n`).join('')}outcomes:\n  o: { title: O, rationale: R }\n`,
  },
  {
    name: 'a thousand answers leading back',
    text: () => `id: loops\ntitle: T\ndescription: D\nstart: q0\nquestions:\n${Array.from({ length: 1000 }, (_, i) => `  q${i}:\n    text: Q${i}?\n    answers:\n      yes: { label: "Yes", hint: H, next: q${(i + 1) % 1000} }\n      no: { label: "No", hint: H, next: q0 }\n      maybe: { label: "Maybe", hint: H, outcome: o }\n`).join('')}outcomes:\n  o: { title: O, rationale: R }\n`,
  },
];
