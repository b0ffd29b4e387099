import * as assert from 'node:assert/strict';
import { SettingsReader, SettingsFileRefused, MAX_SETTINGS_FILE_BYTES, type SettingsFileSystem, type SettingsFileInfo } from '../../src/core/settings-reader';
import { findConfigFile, loadConfigFile, MAX_CONFIG_FILES, MAX_EXTENDS_DEPTH } from '../../src/core/config-file';
import { findCustomTrees } from '../../src/trees/custom';
import { KNOWN_IDS } from '../../src/core/lint-file';

type Entry = string | { info: SettingsFileInfo; text?: string };

/** A file system in memory that counts what was opened; `other` entries hang if ever read. */
function memoryFs(entries: Record<string, Entry>): SettingsFileSystem & { opened: string[] } {
  const opened: string[] = [];
  const infoOf = (entry: Entry): SettingsFileInfo => (typeof entry === 'string' ? { type: 'file', size: Buffer.byteLength(entry) } : entry.info);
  return {
    opened,
    async stat(path) {
      const entry = entries[path];
      if (entry !== undefined) return infoOf(entry);
      return Object.keys(entries).some((p) => p.startsWith(path + '/')) ? { type: 'directory', size: 0 } : undefined;
    },
    readFile(path) {
      opened.push(path);
      const entry = entries[path];
      if (entry === undefined) return Promise.reject(new Error('ENOENT'));
      if (typeof entry !== 'string' && entry.info.type !== 'file') return new Promise<string>(() => undefined); // a pipe: never answers
      return Promise.resolve(typeof entry === 'string' ? entry : entry.text ?? '');
    },
    async listDir(path) {
      const names = Object.keys(entries).filter((p) => p.startsWith(path + '/')).map((p) => p.slice(path.length + 1).split('/')[0]!);
      return names.length ? [...new Set(names)] : undefined;
    },
  };
}

async function refusal(promise: Promise<unknown>): Promise<SettingsFileRefused> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SettingsFileRefused, String(error));
    return error;
  }
  assert.fail('expected the read to be refused');
}

const FIFO: Entry = { info: { type: 'other', size: 0 } };

describe('the guarded settings reader', () => {
  it('never opens a pipe or a device, and says why', async () => {
    const fs = memoryFs({ '/w/.partnerlint.yaml': FIFO });
    const error = await refusal(new SettingsReader(fs).readFile('/w/.partnerlint.yaml'));
    assert.equal(error.reason, 'not-a-file');
    assert.match(error.message, /not a regular file/);
    assert.deepEqual(fs.opened, []);
  });

  it('checks the size before reading', async () => {
    const fs = memoryFs({ '/w/big.yaml': { info: { type: 'file', size: MAX_SETTINGS_FILE_BYTES + 1 }, text: 'x' } });
    const error = await refusal(new SettingsReader(fs).readFile('/w/big.yaml'));
    assert.equal(error.reason, 'too-large');
    assert.match(error.message, /KB/);
    assert.deepEqual(fs.opened, []);
  });

  it('takes a folder for no file', async () => {
    const fs = memoryFs({ '/w/.partnerlint.yaml/inner': 'x' });
    assert.equal(await new SettingsReader(fs).readFile('/w/.partnerlint.yaml'), undefined);
    assert.deepEqual(fs.opened, []);
  });

  it('reads each file once', async () => {
    const fs = memoryFs({ '/w/a.yaml': 'rules: {}' });
    const reader = new SettingsReader(fs);
    await Promise.all([reader.readFile('/w/a.yaml'), reader.readFile('/w/a.yaml'), reader.readFile('/w/./x/../a.yaml')]);
    assert.deepEqual(fs.opened, ['/w/a.yaml']);
    assert.equal(reader.reads, 1);
  });

  it('with a root (an untrusted workspace), reads nothing outside it and follows no link', async () => {
    const fs = memoryFs({ '/home/u/.ssh/config.yaml': 'x', '/w/in.yaml': 'x', '/w/link.yaml': { info: { type: 'file', size: 1, symbolicLink: true }, text: 'x' } });
    const reader = new SettingsReader(fs, { root: '/w' });
    assert.equal((await refusal(reader.readFile('/home/u/.ssh/config.yaml'))).reason, 'outside');
    assert.equal((await refusal(reader.readFile('/w/../home/u/.ssh/config.yaml'))).reason, 'outside');
    assert.equal((await refusal(reader.readFile('/w/link.yaml'))).reason, 'link');
    assert.equal(await reader.listDir('/home/u'), undefined);
    assert.equal(await reader.readFile('/w/in.yaml'), 'x');
    assert.deepEqual(fs.opened, ['/w/in.yaml']);
    // Trusted: the same paths are read.
    assert.equal(await new SettingsReader(fs).readFile('/home/u/.ssh/config.yaml'), 'x');
  });

  it('with a root, follows no folder on the way that is a symbolic link (it may lead outside)', async () => {
    const fs = memoryFs({
      '/w/docs': { info: { type: 'directory', size: 0, symbolicLink: true } },
      '/w/docs/.partnerlint.yaml': 'rules: {}',
      '/w/plain/.partnerlint.yaml': 'rules: {}',
    });
    const reader = new SettingsReader(fs, { root: '/w' });
    const refused = await refusal(reader.readFile('/w/docs/.partnerlint.yaml'));
    assert.equal(refused.reason, 'link');
    assert.match(refused.message, /inside docs\/, a symbolic link/);
    assert.equal(await reader.readFile('/w/plain/.partnerlint.yaml'), 'rules: {}');
    assert.deepEqual(fs.opened, ['/w/plain/.partnerlint.yaml']);
    // Trusted, the linked folder is followed.
    assert.equal(await new SettingsReader(fs).readFile('/w/docs/.partnerlint.yaml'), 'rules: {}');
  });
});

describe('extends, read through the guarded reader', () => {
  const load = (fs: SettingsFileSystem, file = '/w/.partnerlint.yaml', root?: string) => loadConfigFile(file, new SettingsReader(fs, root === undefined ? {} : { root }), KNOWN_IDS);

  it('reads and applies each file once when files extend the next one many times over', async () => {
    // Each level names the next eight times: without memory this is 8^depth loads.
    const entries: Record<string, Entry> = {};
    for (let i = 0; i < 6; i++) entries[`/w/c${i}.yaml`] = `extends: [${Array(8).fill(`c${i + 1}.yaml`).join(', ')}]\n`;
    entries['/w/c6.yaml'] = 'rules:\n  placeholder-left: error\n';
    entries['/w/.partnerlint.yaml'] = 'extends: c0.yaml\n';
    const fs = memoryFs(entries);
    const started = Date.now();
    const { config, problems } = await load(fs);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.deepEqual(problems, []);
    assert.equal(config.rules['placeholder-left']?.severity, 'error');
    assert.equal(fs.opened.length, new Set(fs.opened).size, `opened twice: ${fs.opened.join(', ')}`);
    assert.equal(fs.opened.length, 8);
  });

  it('reports a chain deeper than the cap at the extends that goes too far', async () => {
    const entries: Record<string, Entry> = { '/w/.partnerlint.yaml': 'extends: d1.yaml\n' };
    for (let i = 1; i < MAX_EXTENDS_DEPTH + 5; i++) entries[`/w/d${i}.yaml`] = `extends: d${i + 1}.yaml\n`;
    const fs = memoryFs(entries);
    const { problems } = await load(fs);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.match(problems[0]!.message, new RegExp(`more than ${MAX_EXTENDS_DEPTH} files deep`));
    assert.equal(problems[0]!.file, `/w/d${MAX_EXTENDS_DEPTH - 1}.yaml`);
    assert.equal(fs.opened.length, MAX_EXTENDS_DEPTH);
  });

  it('reports too many files in all', async () => {
    const names = Array.from({ length: MAX_CONFIG_FILES + 10 }, (_, i) => `f${i}.yaml`);
    const entries: Record<string, Entry> = { '/w/.partnerlint.yaml': `extends: [${names.join(', ')}]\n` };
    for (const name of names) entries[`/w/${name}`] = 'rules: {}\n';
    const fs = memoryFs(entries);
    const { problems } = await load(fs);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.match(problems[0]!.message, new RegExp(`More than ${MAX_CONFIG_FILES} configuration files`));
    assert.equal(fs.opened.length, MAX_CONFIG_FILES);
  });

  it('reports a cycle once, on the file that closes it', async () => {
    const fs = memoryFs({ '/w/.partnerlint.yaml': 'extends: a.yaml\n', '/w/a.yaml': 'extends: b.yaml\n', '/w/b.yaml': 'extends: a.yaml\n' });
    const { problems } = await load(fs);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(problems[0]!.file, '/w/b.yaml');
    assert.match(problems[0]!.message, /circle/);
  });

  it('reports extends to a pipe or a device as a problem on the extends, without opening it', async () => {
    const fs = memoryFs({ '/w/.partnerlint.yaml': 'extends: /dev/zero\n', '/dev/zero': { info: { type: 'other', size: 0 } } });
    const { problems } = await load(fs);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /could not read: it is not a regular file/);
    assert.equal(problems[0]!.start, 'extends: '.length);
    assert.deepEqual(fs.opened, ['/w/.partnerlint.yaml']);
  });

  it('in an untrusted workspace, reports extends outside the folder and does not read it', async () => {
    const fs = memoryFs({ '/w/.partnerlint.yaml': 'extends: ../home/secret.yaml\n', '/home/secret.yaml': 'rules: {}\n' });
    const { problems } = await load(fs, '/w/.partnerlint.yaml', '/w');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /outside the workspace folder.*Restricted Mode/);
    assert.deepEqual(fs.opened, ['/w/.partnerlint.yaml']);
  });

  it('takes a settings file that is a pipe for the one that applies, and reports it', async () => {
    const fs = memoryFs({ '/w/.partnerlint.yaml': FIFO, '/.partnerlint.yaml': 'rules: {}\n' });
    const reader = new SettingsReader(fs);
    assert.equal(await findConfigFile('/w/docs', reader), '/w/.partnerlint.yaml');
    const { problems } = await loadConfigFile('/w/.partnerlint.yaml', reader, KNOWN_IDS);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /^This settings file is not used: it is not a regular file/);
    assert.deepEqual(fs.opened, []);
  });

  it('reports a decision tree file that is a pipe, without opening it', async () => {
    const fs = memoryFs({ '/w/.partnerlint/trees/a.yaml': FIFO });
    const found = await findCustomTrees('/w', new SettingsReader(fs));
    assert.equal(found.files.length, 1);
    assert.match(found.files[0]!.problems[0]!.message, /not a regular file/);
    assert.deepEqual(fs.opened, []);
  });
});
