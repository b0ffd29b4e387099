import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A long charter for performance tests and benchmarks: examples/acme-globex-charter.md with each
 * of its five sections followed by per-region subsections that repeat the section's content with
 * other names, numbers and dates, until it has at least `lines` lines. It lints clean.
 */
export function bigCharter(lines = 1000, root = process.cwd()): string {
  const source = readFileSync(join(root, 'examples/acme-globex-charter.md'), 'utf8');
  const parts = source.split(/^(?=## )/m);
  const head = parts[0]!;
  const sections = parts.slice(1, -1);
  const signatures = parts[parts.length - 1]!;
  const regions = [
    'EMEA', 'North America', 'APAC', 'LATAM', 'Nordics', 'DACH', 'Benelux', 'Iberia', 'Japan', 'India', 'ANZ', 'UK',
    'France', 'Italy', 'Brazil', 'Mexico', 'Canada', 'Korea', 'Gulf', 'Africa', 'Poland', 'Turkey', 'Chile', 'Peru',
  ];
  const vary = (body: string, i: number, region: string) => {
    const n = i + 2;
    return body
      .replace(/40 paying/g, `${40 + n} paying`)
      .replace(/\$1\.2M/g, `$${n}.${i % 10}M`)
      .replace(/Dana Reyes/g, `Dana Reyes-${region.split(' ')[0]}`)
      .replace(/30%/g, `${20 + (n % 30)}%`)
      .replace(/3 engineers/g, `${n} engineers`)
      .replace(/\$200K/g, `$${100 + n * 10}K`)
      .replace(/2027-(\d\d)-(\d\d)/g, (_m, mm: string, dd: string) => `2027-${mm}-${String(((Number(dd) + i) % 28) + 1).padStart(2, '0')}`)
      .replace(/Globex(?! Cloud)/g, `Globex ${region}`);
  };
  const build = (count: number) => {
    let out = head;
    for (const section of sections) {
      const [heading, ...rest] = section.split('\n');
      const body = rest.join('\n');
      out += section;
      for (let i = 0; i < count; i++) {
        const region = regions[i % regions.length]! + (i >= regions.length ? ` ${i}` : '');
        out += `### ${heading!.replace(/^## /, '')} — ${region}\n` + vary(body, i, region);
      }
    }
    return out + signatures;
  };
  for (let count = 0; ; count++) {
    const out = build(count);
    if (out.split('\n').length >= lines) return out;
  }
}
