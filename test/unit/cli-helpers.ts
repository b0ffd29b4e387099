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
