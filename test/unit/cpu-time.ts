/**
 * Time bounds in the unit tests are on CPU time, not wall time. The bounds exist to catch work
 * that grows out of all proportion (a quadratic rule, a parser trap), not to measure speed (that
 * is `npm run bench`). Wall time grows with whatever else shares the two cores (the other mocha
 * worker, a browser, `yes > /dev/null`), so a wall-time bound fails at random on a loaded machine;
 * the CPU time this process spends does not.
 *
 * It counts every thread of the process (the garbage collector's helpers too), so it is an upper
 * bound on the work done for the call.
 */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** `run`'s result and the CPU milliseconds the process spent on it. */
export function cpuTimed<T>(run: () => T): { value: T; ms: number } {
  const started = cpuNow();
  const value = run();
  return { value, ms: Math.round(cpuNow() - started) };
}
