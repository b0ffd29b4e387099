import type { DocumentKind, LintDiagnostic, Severity } from '../core';
import { RULES, ENGINE_IDS, kindName } from '../core';
import { DOCS_BASE } from '../core/actions';

/**
 * Id of the one information message the CLI gives a strategy document too large to check
 * (--max-file-size), as the editor does for partnerlint.maxFileSize. See docs/robustness.md.
 */
export const FILE_TOO_LARGE_ID = 'file-too-large';

export type NoteLevel = 'error' | 'warning' | 'note';

/** One file's outcome, as every formatter sees it. Lines and columns here are 1-based. */
export interface FileReport {
  file: string;
  kind: DocumentKind | 'none';
  /**
   * Why the file was not checked (binary, not a regular file, too large, unreadable) or not fixed.
   * Every format carries it: stylish after the problems, json as the entry's `note` field (only
   * present when there is one), SARIF as a tool execution notification of the run's invocation.
   */
  note?: string;
  /**
   * How much the note matters, as SARIF levels: `error` when the file could not be read (the run
   * is incomplete and exits with 2), `note` for a binary file (nothing anyone could check),
   * `warning` otherwise. `warning` when absent.
   */
  noteLevel?: NoteLevel;
  diagnostics: Array<{
    ruleId: string;
    severity: Severity;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    /** Other places in the file the problem involves; only present when there are some. */
    relatedInformation?: Array<{ message: string; line: number; column: number; endLine: number; endColumn: number }>;
  }>;
}

export function toReportDiagnostics(diagnostics: readonly LintDiagnostic[]): FileReport['diagnostics'] {
  return diagnostics.map((d) => ({
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    ...oneBased(d.range),
    ...(d.relatedInformation?.length ? { relatedInformation: d.relatedInformation.map((r) => ({ message: r.message, ...oneBased(r.range) })) } : {}),
  }));
}

function oneBased(range: LintDiagnostic['range']): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/**
 * The json format is a contract: an array with one object per file, with `file`, `kind` and
 * `diagnostics`, and `note` (a sentence saying why the file was not checked, or not fixed) only
 * when there is one; a diagnostic has `relatedInformation` only when it involves other places of
 * the file.
 */
export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(reports.map((r) => ({ file: r.file, kind: r.kind, ...(r.note ? { note: r.note } : {}), diagnostics: r.diagnostics })), null, 2) + '\n';
}


/** For people at a terminal: problems grouped by file, aligned, with a summary line. */
export function formatStylish(reports: readonly FileReport[], color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36 };
  const lines: string[] = [];
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const report of reports) {
    if (report.diagnostics.length === 0) continue;
    const kind = report.kind === 'none' ? '' : paint(2, `  (${kindName(report.kind).toLowerCase()})`);
    lines.push('', paint(4, report.file) + kind + (report.note ? paint(2, `  ${report.note}`) : ''));
    const positions = report.diagnostics.map((d) => `${d.line}:${d.column}`);
    const width = Math.max(...positions.map((p) => p.length));
    report.diagnostics.forEach((d, i) => {
      totals[d.severity]++;
      const severity = paint(SEVERITY_COLOR[d.severity], d.severity.padEnd(7));
      lines.push(`  ${paint(2, positions[i]!.padEnd(width))}  ${severity}  ${d.message}  ${paint(2, d.ruleId)}`);
      for (const r of d.relatedInformation ?? []) {
        lines.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${paint(2, `↳ ${r.line}:${r.column}`)} ${r.message}`);
      }
    });
  }
  // Files not checked (binary, too large, unreadable) or not fixed, without problems of their own.
  const notes = reports.filter((r) => r.note && r.diagnostics.length === 0);
  if (notes.length > 0) {
    lines.push('');
    for (const r of notes) lines.push(`${paint(4, r.file)}  ${paint(2, r.note!)}`);
  }
  const count = totals.error + totals.warning + totals.info;
  if (count === 0) {
    const noteLines = notes.length > 0 ? lines.slice(1).join('\n') + '\n' : '';
    const checked = reports.filter((r) => r.kind !== 'none').length;
    // Decision tree files (.partnerlint/trees/*.yaml) are counted apart from the Markdown read.
    const trees = reports.filter((r) => /\.ya?ml$/i.test(r.file)).length;
    const markdown = reports.length - trees;
    const treeNote = trees === 0 ? '' : `, ${trees} decision tree file${trees === 1 ? '' : 's'}`;
    return `${noteLines}${paint(32, '✔')} No problems in ${checked} strategy document${checked === 1 ? '' : 's'} (${markdown} Markdown file${markdown === 1 ? '' : 's'} read${treeNote}).\n`;
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `${plural(count, 'problem')} (${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${totals.info} info)`;
  lines.push('', paint(totals.error > 0 ? 31 : 33, `✖ ${summary}`), '');
  return lines.join('\n');
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };
const DOCS = DOCS_BASE;

/** SARIF 2.1.0, for code scanning dashboards. */
export function formatSarif(reports: readonly FileReport[], version: string): string {
  const ruleMeta = [
    ...RULES.map((r) => ({ id: r.meta.id, description: r.meta.description, level: r.meta.defaultSeverity })),
    ...ENGINE_IDS.map((id) => ({ id, description: `Reported by PartnerLint itself (${id}).`, level: 'warning' as Severity })),
    { id: FILE_TOO_LARGE_ID, description: 'Reported by the PartnerLint CLI: a strategy document longer than --max-file-size was not checked.', level: 'info' as Severity },
  ];
  const index = new Map(ruleMeta.map((r, i) => [r.id, i]));
  const uri = (file: string) => file.split('/').map(encodeURIComponent).join('/');
  // Files not checked, or not fixed, are not results (there is no problem in them to show at a
  // line) but must not look clean: each is a notification of the run's one invocation.
  const notifications = reports.filter((r) => r.note).map((r) => ({
    level: r.noteLevel ?? 'warning',
    message: { text: `${r.file}: ${r.note}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: uri(r.file) } } }],
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'PartnerLint',
          version,
          informationUri: 'https://github.com/partnerlint/partnerlint',
          rules: ruleMeta.map((r) => ({
            id: r.id,
            shortDescription: { text: r.description },
            helpUri: r.id === FILE_TOO_LARGE_ID ? `${DOCS.replace(/rules\/$/, '')}robustness.md` : `${DOCS}${r.id}.md`,
            defaultConfiguration: { level: SARIF_LEVEL[r.level] },
          })),
        },
      },
      invocations: [{
        // False when a file could not be read: the run is incomplete (exit code 2).
        executionSuccessful: !notifications.some((n) => n.level === 'error'),
        ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
      }],
      columnKind: 'utf16CodeUnits',
      results: reports.flatMap((report) => report.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: uri(report.file) },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        }],
        ...(d.relatedInformation?.length ? {
          relatedLocations: d.relatedInformation.map((r, id) => ({
            id,
            message: { text: r.message },
            physicalLocation: {
              artifactLocation: { uri: uri(report.file) },
              region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
            },
          })),
        } : {}),
      }))),
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
