// The folder `npm start` opens: a scratch copy of examples/ in .vscode-test/sample-workspace/
// (ignored by git), so that what a person does in the browser — apply a fix, Fix All, update
// a decision record, with VS Code saving on its own — never changes a tracked file.
//
//   syncSampleWorkspace(source, target)   bring the copy up to date with the source folder
//   watchSampleWorkspace(source, target)  keep doing so while the source changes
//
// The copy remembers, in a file beside it (<target>.json, outside the folder VS Code shows),
// the content each file had when it
// was copied. A file whose example changed since then is copied again; a file whose example
// is unchanged keeps whatever the person wrote in it; a file whose example was deleted is
// removed only when nobody edited the copy. `reset` starts the copy over.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const manifestFile = (target) => `${target}.json`;

const digest = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Files under dir, as paths relative to it with '/' separators; hidden entries are skipped. */
function listFiles(dir, rel = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, child));
    else if (entry.isFile()) out.push(child);
  }
  return out;
}

function readManifest(target) {
  try {
    const parsed = JSON.parse(fs.readFileSync(manifestFile(target), 'utf8'));
    return parsed && typeof parsed.files === 'object' && parsed.files ? parsed.files : {};
  } catch {
    return {};
  }
}

/**
 * Brings `target` up to date with `source`; returns { copied, kept, removed } (relative paths).
 * options.reset: delete the copy first, so every file is copied afresh.
 */
export function syncSampleWorkspace(source, target, { reset = false } = {}) {
  if (reset) {
    fs.rmSync(target, { recursive: true, force: true });
    fs.rmSync(manifestFile(target), { force: true });
  }
  fs.mkdirSync(target, { recursive: true });
  const before = readManifest(target);
  const after = {};
  const result = { copied: [], kept: [], removed: [] };

  for (const rel of listFiles(source)) {
    const from = path.join(source, rel);
    const to = path.join(target, rel);
    const hash = digest(from);
    if (before[rel] === hash && fs.existsSync(to)) {
      result.kept.push(rel);
    } else {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
      result.copied.push(rel);
    }
    after[rel] = hash;
  }
  for (const [rel, hash] of Object.entries(before)) {
    if (rel in after) continue;
    const file = path.join(target, rel);
    if (fs.existsSync(file) && digest(file) === hash) {
      fs.rmSync(file);
      result.removed.push(rel);
    }
  }
  fs.writeFileSync(manifestFile(target), `${JSON.stringify({ files: after }, null, 2)}\n`);
  return result;
}

/**
 * Re-syncs the copy a moment after anything in `source` changes, until the returned
 * function is called. `onSync` receives each sync's result.
 */
export function watchSampleWorkspace(source, target, onSync = () => {}) {
  let timer;
  const watcher = fs.watch(source, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        onSync(syncSampleWorkspace(source, target));
      } catch (err) {
        console.error(`[start] Could not refresh the sample workspace: ${err.message}`);
      }
    }, 200);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
