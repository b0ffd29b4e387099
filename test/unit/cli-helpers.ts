import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { cpuNow } from './cpu-time';

/** Collects what the CLI writes, in place of process.stdout / stderr. */
class Capture {
  text = '';
  isTTY = false;
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** Runs the CLI in-process in `cwd`: exit code, both outputs, and the CPU time it took (test/unit/cpu-time.ts). */
export async function cli(args: string[], cwd: string) {
  const out = new Capture();
  const err = new Capture();
  const started = cpuNow();
  const code = await main(args, cwd, out, err);
  return { code, out: out.text, err: err.text, ms: Math.round(cpuNow() - started) };
}

/**
 * A folder with the built `cli.js` and `lint-worker.js`: `dist/` when `npm run build` made it from
 * the sources as they are now (it does before every `npm test`), so that tests do not bundle the
 * CLI a second time; otherwise a fresh build in a temporary folder, which `own` says to remove.
 */
export function builtCli(root = process.cwd()): { dist: string; own: boolean } {
  const dist = join(root, 'dist');
  const built = ['cli.js', 'lint-worker.js'].map((f) => join(dist, f));
  if (built.every((f) => existsSync(f))) {
    const builtAt = Math.min(...built.map((f) => statSync(f).mtimeMs));
    const sources = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    if (sources.every((e) => statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs <= builtAt)) return { dist, own: false };
  }
  const fresh = mkdtempSync(join(tmpdir(), 'partnerlint-dist-'));
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--dist-out', fresh], { cwd: root });
  return { dist: fresh, own: true };
}
