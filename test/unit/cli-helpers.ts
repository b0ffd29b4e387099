import { main } from '../../src/cli/main';

/** Collects what the CLI writes, in place of process.stdout / stderr. */
class Capture {
  text = '';
  isTTY = false;
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** Runs the CLI in-process in `cwd`: exit code, both outputs, and how long it took. */
export async function cli(args: string[], cwd: string) {
  const out = new Capture();
  const err = new Capture();
  const started = performance.now();
  const code = await main(args, cwd, out, err);
  return { code, out: out.text, err: err.text, ms: Math.round(performance.now() - started) };
}
