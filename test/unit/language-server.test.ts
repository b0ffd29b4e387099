/**
 * partnerlint-ls driven over stdio as an editor drives it (thorough stage: each test spawns
 * dist/server.js). Fixtures: test/fixtures/charter-handshake.md (fixes, a suggestion, related
 * information) and test/fixtures/language-server/, copied into a temporary workspace folder.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { editsFor, fileUri, FULL_CAPABILITIES, messageOf, LspClient, SERVER, type LspClientOptions } from './lsp-client';
import { bigCharter } from './big-charter';

const FIXTURES = join(process.cwd(), 'test/fixtures');
const HANDSHAKE = readFileSync(join(FIXTURES, 'charter-handshake.md'), 'utf8');
const DOCS = 'https://github.com/partnerlint/partnerlint/blob/main/docs/rules/';

const ids = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();
const find = (diagnostics: readonly Diagnostic[], id: string) => {
  const found = diagnostics.find((d) => d.code === id);
  assert.ok(found, `a ${id} diagnostic among ${ids(diagnostics).join(', ')}`);
  return found;
};

describe('partnerlint-ls over stdio', function () {
  this.timeout(120_000);
  let work: string;
  let doc: string;
  let client: LspClient | undefined;

  /** A server on the workspace folder `work`, initialized. */
  async function start(options: LspClientOptions = {}): Promise<LspClient> {
    client = new LspClient({ folders: [work], ...options });
    await client.initialize();
    return client;
  }

  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run npm run build first');
  });
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'partnerlint-ls-'));
    copyFileSync(join(FIXTURES, 'charter-handshake.md'), join(work, 'charter.md'));
    doc = fileUri(join(work, 'charter.md'));
  });
  afterEach(() => {
    client?.kill();
    client = undefined;
    rmSync(work, { recursive: true, force: true });
  });

  it('publishes diagnostics on open with codes, documentation links, severities and related places', async () => {
    const ls = await start();
    await ls.open(doc, HANDSHAKE);
    const diagnostics = await ls.diagnostics(doc);
    assert.deepEqual(ids(diagnostics), ['commitment-unquantified', 'economic-commitment-missing', 'failure-cost-missing', 'leverage-co-marketing-only']);
    for (const d of diagnostics) {
      assert.equal(d.source, 'partnerlint');
      assert.equal(d.codeDescription?.href, `${DOCS}${d.code}.md`);
      assert.equal(d.severity, 2, 'warning');
    }
    const leverage = find(diagnostics, 'leverage-co-marketing-only');
    assert.equal(leverage.relatedInformation?.length, 1);
    assert.equal(leverage.relatedInformation![0]!.location.uri, doc);
    assert.equal(find(diagnostics, 'commitment-unquantified').range.start.line, 21);
    assert.equal(await ls.stop(), 0, 'shutdown then exit ends the process with code 0');
  });

  it('re-publishes after didChange, for the newest version only', async () => {
    const ls = await start({ settings: { debounce: 0 }, trace: true });
    await ls.open(doc, HANDSHAKE);
    const before = await ls.diagnostics(doc);
    const vague = find(before, 'commitment-unquantified');
    // Quantify the vague commitment: the problem goes.
    await ls.edit(doc, [{ range: vague.range, newText: 'Globex commits 2 engineers for 6 months to the joint connector' }]);
    const after = await ls.diagnostics(doc);
    assert.ok(!ids(after).includes('commitment-unquantified'), ids(after).join(', '));
    assert.ok(ids(after).includes('failure-cost-missing'));
    // A burst of edits under a debounce: the newest version is checked and published, and the
    // versions the burst passed through are not even checked (each edit restarts the wait). The
    // debounce is long, so that a loaded machine cannot space the burst's edits out past it.
    await ls.changeConfiguration({ debounce: 1500 });
    const first = ls.version(doc) + 1;
    for (let i = 0; i < 8; i++) await ls.insert(doc, 30, 0, 'x');
    const last = ls.version(doc);
    await ls.diagnostics(doc);
    const versions = ls.publications.filter((p) => p.uri === doc).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published versions in order: ${versions.join(', ')}`);
    assert.equal(versions[versions.length - 1], last);
    assert.deepEqual(versions.filter((v) => v >= first && v < last), [], `none of the versions the burst passed through is published: ${versions.join(', ')}`);
    // The server traces each check it runs: only the burst's last version was checked.
    const checked = ls.traces.map((t) => /^Checked \S+ version (\d+) /.exec(t)?.[1]).filter((v) => v !== undefined).map(Number);
    assert.ok(checked.includes(last), `the last version was checked: ${ls.traces.join(' | ')}`);
    assert.deepEqual(checked.filter((v) => v >= first && v < last), [], `no version the burst passed through was checked: ${checked.join(', ')}`);
    // The server's copy of the text follows incremental changes: its fix, computed on that copy and
    // applied to the editor's text, removes the problem.
    const failure = find(ls.published.get(doc)!.diagnostics, 'failure-cost-missing');
    const [fix] = await ls.codeActions(doc, failure.range, [failure]);
    assert.equal(fix!.isPreferred, true);
    await ls.edit(doc, editsFor(fix!.edit, doc));
    assert.ok(!ids(await ls.diagnostics(doc)).includes('failure-cost-missing'), ls.text(doc));
  });

  it('offers the fix, suggestions, disable comments and the docs, and applying the fix removes the problem', async () => {
    const ls = await start({ settings: { debounce: 0 } });
    await ls.open(doc, HANDSHAKE);
    const diagnostics = await ls.diagnostics(doc);
    const failure = find(diagnostics, 'failure-cost-missing');
    const actions = await ls.codeActions(doc, failure.range, [failure]);
    assert.deepEqual(actions.map((a) => [a.kind, a.title]), [
      ['quickfix', 'Add an "If this fails" line to fill in'],
      ['quickfix', 'Disable failure-cost-missing for this line'],
      ['quickfix', 'Disable failure-cost-missing for this file'],
      ['quickfix', 'Show documentation for failure-cost-missing'],
      ['source.fixAll.partnerlint', 'Fix all PartnerLint problems'],
    ]);
    assert.equal(actions[0]!.isPreferred, true);
    assert.deepEqual(actions[0]!.diagnostics, [failure]);

    const vague = find(diagnostics, 'commitment-unquantified');
    const suggestions = (await ls.codeActions(doc, vague.range, [vague], ['quickfix'])).filter((a) => a.diagnostics?.length);
    assert.deepEqual(suggestions.map((a) => a.title), ['Add placeholders for how much and for how long']);
    assert.notEqual(suggestions[0]!.isPreferred, true, 'a suggestion is never the preferred fix');

    // Show documentation: the server asks the editor to open the rule's page.
    const docsAction = actions[3]!;
    await ls.connection.sendRequest('workspace/executeCommand', { command: docsAction.command!.command, arguments: docsAction.command!.arguments });
    assert.deepEqual(ls.shownDocuments, [`${DOCS}failure-cost-missing.md`]);

    await ls.apply(doc, actions[0]!);
    const fixed = await ls.diagnostics(doc);
    assert.ok(!ids(fixed).includes('failure-cost-missing'), ids(fixed).join(', '));

    // Disable for this line: the comment goes at the end of the problem's line, and the problem goes.
    const leverage = find(fixed, 'leverage-co-marketing-only');
    const disable = (await ls.codeActions(doc, leverage.range, [leverage])).find((a) => a.title === 'Disable leverage-co-marketing-only for this line');
    assert.ok(disable);
    await ls.apply(doc, disable);
    assert.match(ls.text(doc).split('\n')[leverage.range.start.line]!, /<!-- partnerlint-disable-line leverage-co-marketing-only -->$/);
    const disabled = await ls.diagnostics(doc);
    assert.ok(!ids(disabled).includes('leverage-co-marketing-only'), ids(disabled).join(', '));
    assert.equal(await ls.stop(), 0);
  });

  it('gives source.fixAll.partnerlint when asked for source.fixAll, and nothing fixable is left after it', async () => {
    const ls = await start({ settings: { debounce: 0 } });
    await ls.open(doc, HANDSHAKE);
    const diagnostics = await ls.diagnostics(doc);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const only of [['source.fixAll'], ['source.fixAll.partnerlint'], ['source']]) {
      const actions = await ls.codeActions(doc, whole, [], only);
      assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.partnerlint'], `only: ${only.join()}`);
    }
    assert.deepEqual(await ls.codeActions(doc, whole, diagnostics, ['quickfix']).then((a) => a.filter((x) => x.kind !== 'quickfix')), [], 'not among quick fixes');
    const [fixAll] = await ls.codeActions(doc, whole, [], ['source.fixAll']);
    await ls.apply(doc, fixAll!);
    const after = await ls.diagnostics(doc);
    assert.ok(!ids(after).includes('failure-cost-missing') && !ids(after).includes('leverage-co-marketing-only'), ids(after).join(', '));
    assert.deepEqual(await ls.codeActions(doc, whole, [], ['source.fixAll']), [], 'nothing left to fix');
  });

  it('reads .partnerlint.yaml, and reads it again when the editor reports it changed', async () => {
    copyFileSync(join(FIXTURES, 'language-server', 'unquantified-off.yaml'), join(work, '.partnerlint.yaml'));
    const ls = await start();
    await ls.open(doc, HANDSHAKE);
    const first = await ls.diagnostics(doc);
    assert.ok(!ids(first).includes('commitment-unquantified'), `turned off in .partnerlint.yaml: ${ids(first).join(', ')}`);
    assert.ok(ids(first).includes('failure-cost-missing'));
    // An untitled document takes the first workspace folder's settings, as in VS Code.
    await ls.open('untitled:Untitled-1', HANDSHAKE);
    const untitled = await ls.diagnostics('untitled:Untitled-1');
    assert.ok(!ids(untitled).includes('commitment-unquantified') && ids(untitled).includes('failure-cost-missing'), ids(untitled).join(', '));
    // The server asked to be told about settings and tree files.
    const watch = ls.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    const globs = (watch?.registerOptions as { watchers: { globPattern: string }[] } | undefined)?.watchers.map((w) => w.globPattern) ?? [];
    assert.ok(globs.includes('**/.partnerlint.yaml') && globs.some((g) => g.includes('.partnerlint/trees/')), JSON.stringify(globs));

    const published = ls.publications.length;
    writeFileSync(join(work, '.partnerlint.yaml'), 'rules:\n  failure-cost-missing: off\n');
    await ls.filesChanged([{ uri: fileUri(join(work, '.partnerlint.yaml')), type: FileChangeType.Changed }]);
    const second = await ls.diagnostics(doc, (p) => ls.publications.indexOf(p) >= published);
    assert.ok(ids(second).includes('commitment-unquantified') && !ids(second).includes('failure-cost-missing'), ids(second).join(', '));
  });

  it('notices a new .partnerlint.yaml by itself when the editor cannot watch files for it', async () => {
    const capabilities = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, didChangeWatchedFiles: undefined } };
    const ls = await start({ capabilities });
    await ls.open(doc, HANDSHAKE);
    assert.ok(ids(await ls.diagnostics(doc)).includes('commitment-unquantified'));
    assert.ok(!ls.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'nothing asked of the editor');
    const published = ls.publications.length;
    copyFileSync(join(FIXTURES, 'language-server', 'unquantified-off.yaml'), join(work, '.partnerlint.yaml'));
    // No notification from the editor: the server polls its own files.
    const after = await ls.diagnostics(doc, (p) => ls.publications.indexOf(p) >= published);
    assert.ok(!ids(after).includes('commitment-unquantified') && ids(after).includes('failure-cost-missing'), ids(after).join(', '));
    // A settings file added in a subfolder, nearer to a document there than the workspace's.
    mkdirSync(join(work, 'sub'));
    const nested = fileUri(join(work, 'sub', 'nested.md'));
    await ls.open(nested, HANDSHAKE);
    assert.ok(!ids(await ls.diagnostics(nested)).includes('commitment-unquantified'), 'the workspace settings apply first');
    const before = ls.publications.length;
    writeFileSync(join(work, 'sub', '.partnerlint.yaml'), 'rules:\n  failure-cost-missing: off\n');
    const nearer = await ls.diagnostics(nested, (p) => ls.publications.indexOf(p) >= before);
    assert.ok(ids(nearer).includes('commitment-unquantified') && !ids(nearer).includes('failure-cost-missing'), `the subfolder's settings apply: ${ids(nearer).join(', ')}`);
    assert.equal(await ls.stop(), 0);
  });

  it('takes the partnerlint settings from workspace/configuration, and again after didChangeConfiguration', async () => {
    const ls = await start({ settings: { rules: { 'failure-cost-missing': 'off' } } });
    await ls.open(doc, HANDSHAKE);
    const first = await ls.diagnostics(doc);
    assert.ok(!ids(first).includes('failure-cost-missing'), ids(first).join(', '));
    assert.ok(ls.configurationRequests > 0);
    const published = ls.publications.length;
    await ls.changeConfiguration({ rules: { 'failure-cost-missing': 'error' }, kinds: ['partnership-charter'] });
    const second = await ls.diagnostics(doc, (p) => ls.publications.indexOf(p) >= published);
    assert.equal(find(second, 'failure-cost-missing').severity, 1, 'now an error');
    const third = ls.publications.length;
    await ls.changeConfiguration({ kinds: ['decision-record'] });
    assert.deepEqual(await ls.diagnostics(doc, (p) => ls.publications.indexOf(p) >= third), [], 'charters are not checked with kinds: [decision-record]');
    const fourth = ls.publications.length;
    await ls.changeConfiguration({ enable: false });
    assert.deepEqual(await ls.diagnostics(doc, (p) => ls.publications.indexOf(p) >= fourth), [], 'switched off');
  });

  it('survives a hostile settings file and hostile editor settings, and says so once', async () => {
    // A settings file of binary garbage with YAML-looking bits, and editor settings of every wrong type.
    const garbage = Buffer.concat([Buffer.from('rules:\n  commitment-unquantified: [off\n\u0000\u0001'), Buffer.alloc(4096, 0xfe)]);
    writeFileSync(join(work, '.partnerlint.yaml'), garbage);
    const hostile = JSON.parse('{"rules": {"__proto__": {"x": 1}, "failure-cost-missing": 42, "nope": "off"}, "debounce": -1e308, "kinds": "all", "ignore": [null, 3], "maxFileSize": "big", "timeBudget": null, "enable": "yes"}');
    const ls = await start({ settings: hostile });
    await ls.open(doc, HANDSHAKE);
    const diagnostics = await ls.diagnostics(doc);
    assert.deepEqual(ids(diagnostics), ['commitment-unquantified', 'economic-commitment-missing', 'failure-cost-missing', 'leverage-co-marketing-only'], 'the defaults');
    const settingsUri = fileUri(join(work, '.partnerlint.yaml'));
    const onFile = await ls.diagnostics(settingsUri, (p) => p.diagnostics.length > 0);
    assert.equal(onFile[0]!.code, 'config-invalid');
    // Edits and re-reads do not repeat the message.
    for (let i = 0; i < 3; i++) await ls.insert(doc, 30, 0, 'y');
    await ls.diagnostics(doc);
    await ls.changeConfiguration(hostile);
    await ls.diagnostics(doc, (p) => p.version === ls.version(doc) && ls.publications.filter((q) => q.uri === doc && q.version === ls.version(doc)).length >= 2);
    const told = ls.messages.filter((m) => m.message.includes('.partnerlint.yaml'));
    assert.equal(told.length, 1, `told once, not again for an edit or a change of the editor's settings: ${JSON.stringify(ls.messages)}`);
    // And a settings file that is too large to read is refused, not read.
    writeFileSync(join(work, '.partnerlint.yaml'), `# ${'x'.repeat(600 * 1024)}\n`);
    const published = ls.publications.length;
    await ls.filesChanged([{ uri: settingsUri, type: FileChangeType.Changed }]);
    const refused = await ls.diagnostics(settingsUri, (p) => ls.publications.indexOf(p) >= published && p.diagnostics.length > 0);
    assert.match(messageOf(refused[0]!), /KB/);
    assert.equal(await ls.stop(), 0);
    assert.doesNotMatch(ls.stderr, /Error|Unhandled/, ls.stderr);
  });

  it('checks documents of unknown URI schemes, binary text and huge text without failing', async () => {
    const ls = await start({ settings: { maxFileSize: 200_000 } });
    const odd = 'zzfs://remote/share/charter.md';
    await ls.open(odd, HANDSHAKE);
    assert.ok(ids(await ls.diagnostics(odd)).includes('failure-cost-missing'), 'checked with the defaults');
    const notes = ls.messages.filter((m) => m.message.includes('zzfs:'));
    assert.equal(notes.length, 1, JSON.stringify(ls.messages));
    await ls.open('zzfs://remote/share/other.md', HANDSHAKE);
    await ls.diagnostics('zzfs://remote/share/other.md');
    assert.equal(ls.messages.filter((m) => m.message.includes('zzfs:')).length, 1, 'said once, not per document');

    const binary = fileUri(join(work, 'image.md'));
    await ls.open(binary, '\u0000PNG\r\n\u001a\n' + String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536)));
    assert.deepEqual(await ls.diagnostics(binary), []);

    const huge = fileUri(join(work, 'huge.md'));
    await ls.open(huge, HANDSHAKE + '\n- more\n'.repeat(40_000));
    const tooLarge = await ls.diagnostics(huge);
    assert.equal(tooLarge.length, 1);
    assert.match(messageOf(tooLarge[0]!), /larger than the partnerlint.maxFileSize setting \(200,000 characters\)/);
    assert.equal(await ls.stop(), 0);
  });

  it('abandons a check that runs past partnerlint.timeBudget and goes on serving', async () => {
    // A budget of 1 ms: no check of a 1,000-line charter (or of anything, with a worker to start) fits in it.
    const ls = await start({ settings: { timeBudget: 1, debounce: 0 } });
    const big = fileUri(join(work, 'big.md'));
    await ls.open(big, bigCharter(1000));
    const stopped = await ls.diagnostics(big);
    assert.equal(stopped.length, 1);
    assert.match(messageOf(stopped[0]!), /stopped analysing this document: checking it took longer than 1 ms/);
    // Edits do not retry it (each would cost a worker restart); a roomy budget does.
    await ls.insert(big, 40, 0, 'z');
    assert.match(messageOf((await ls.diagnostics(big))[0]!), /stopped analysing/);
    const published = ls.publications.length;
    await ls.changeConfiguration({ timeBudget: 60_000 });
    const checked = await ls.diagnostics(big, (p) => ls.publications.indexOf(p) >= published);
    assert.ok(checked.every((d) => !/stopped analysing/.test(messageOf(d))), JSON.stringify(checked));
    await ls.open(doc, HANDSHAKE);
    assert.ok(ids(await ls.diagnostics(doc)).includes('failure-cost-missing'));
  });

  it('uses the settings sent at start when the editor cannot answer workspace/configuration', async () => {
    const ls = await start({ capabilities: {}, initializationOptions: { partnerlint: { rules: { 'economic-commitment-missing': 'off' } } } });
    await ls.open(doc, HANDSHAKE);
    const diagnostics = await ls.diagnostics(doc);
    assert.equal(ls.configurationRequests, 0);
    assert.ok(!ids(diagnostics).includes('economic-commitment-missing') && ids(diagnostics).includes('failure-cost-missing'), ids(diagnostics).join(', '));
    // No documentation action without window/showDocument; edits as `changes`.
    const failure = find(diagnostics, 'failure-cost-missing');
    const actions = await ls.codeActions(doc, failure.range, [failure]);
    assert.ok(!actions.some((a) => a.command), JSON.stringify(actions.map((a) => a.title)));
    assert.ok(actions[0]!.edit?.changes?.[doc]?.length);
  });

  it('clears a closed document, and exits 0 after shutdown and exit', async () => {
    const ls = await start();
    await ls.open(doc, HANDSHAKE);
    assert.ok((await ls.diagnostics(doc)).length > 0);
    await ls.close(doc);
    assert.deepEqual(await ls.diagnostics(doc, (p) => p.version === undefined), []);
    assert.equal(await ls.stop(), 0);
  });

  it('explains itself when started without a transport', () => {
    const run = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--stdio/);
    const help = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /partnerlint-ls --stdio/);
  });
});

