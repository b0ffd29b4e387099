// Types for score.mjs (plain JavaScript so that `node scripts/judge.mjs` runs it without a build).

export interface Flaw { rule: string | string[]; lines?: [number, number] | [number, number][]; where?: 'document'; why?: string }
export interface Label { file: string; kind: string; also?: string[]; flaws?: Flaw[]; notes?: string }
export interface Diagnostic { ruleId: string; severity: string; message: string; line: number; column?: number; endLine?: number; endColumn?: number }
export interface Report { file: string; kind: string; diagnostics: Diagnostic[] }
export interface FlawResult { flaw: Flaw; rules: string[]; ranges: [number, number][] | null; matched: number; found: boolean }
export interface DocumentScore {
  file: string; labelKind: string; predictedKind: string; kindOk: boolean;
  diagnostics: Diagnostic[]; truePositives: Diagnostic[]; falsePositives: Diagnostic[];
  flaws: FlawResult[]; misses: Omit<FlawResult, 'found'>[];
}
export interface Figures {
  labelledDocuments: number;
  kinds: { correct: number; total: number; accuracy: number | null };
  kindsByLabel: Record<string, { correct: number; total: number; accuracy: number | null }>;
  precision: { matched: number; diagnostics: number; value: number | null };
  flawLevelPrecision: { matched: number; distinct: number; value: number | null };
  recall: { found: number; flaws: number; value: number | null };
  byKind: Record<string, { documents: number; diagnostics: number; truePositives: number; falsePositives: number; flaws: number; found: number; precision: number | null; recall: number | null }>;
  byRule: Record<string, { flaws: number; found: number; truePositives: number; falsePositives: number }>;
  unlabelled: { files: number; givenAKind: number; diagnostics: number; filesWithDiagnostics: number };
  guardDiagnostics: number;
}
export interface BenchmarkScore {
  documents: DocumentScore[];
  figures: Figures;
  unlabelledKinded: { file: string; kind: string }[];
  unlabelledNoisy: Report[];
  guard: (Diagnostic & { file: string })[];
}

export const GUARD_RULE_IDS: string[];
export function flawRules(flaw: Flaw): string[];
export function flawRanges(flaw: Flaw): [number, number][] | null;
export function matches(diagnostic: Diagnostic, flaw: Flaw): boolean;
export function kindCorrect(label: Label, predicted: string): boolean;
export function validateLabel(label: Label): void;
export function scoreDocument(label: Label, report: Report | undefined): DocumentScore;
export function scoreBenchmark(labels: Label[], reports: Map<string, Report>, unlabelled: Report[]): BenchmarkScore;
export function missedTargets(figures: Figures, targets?: { kinds: number; precision: number; recall: number }): string[];
export function pct(value: number | null | undefined): string;
