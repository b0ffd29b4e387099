// Helpers for running this extension inside a real VS Code: code-server, the
// server build of VS Code published on npm, opened by a headless Chromium.
//
//   ensureCodeServer()          install code-server once into .vscode-test/, return its entry.js
//   ensureBrowser()             the Chromium to use: the machine's, or one from the npm registry
//   createRunDir()              a fresh scratch folder under .vscode-test/run-*/ (removed on exit)
//   startCodeServer(options)    start a private code-server; resolves { url, port, ... , stop() }
//   openWorkbench(options)      open a URL in headless Chromium via playwright-core
//   serveFolders(folders)       a read-only HTTP server for the web extension under test
//   webExtensionRoute(...)      the workbench configuration that runs it in the web worker host
//
// Nothing here writes to the home directory: every code-server run gets its own
// user-data, extensions, XDG_*, TMPDIR and HOME folders inside its run folder.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3; the newest that runs on Node 20
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');

const INSTALL_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
const INSTALL_MARKER = path.join(INSTALL_DIR, '.install-complete');
const PACKAGE_DIR = path.join(INSTALL_DIR, 'node_modules', 'code-server');
const VSCODE_DIR = path.join(PACKAGE_DIR, 'lib', 'vscode');
const ENTRY = path.join(PACKAGE_DIR, 'out', 'node', 'entry.js');

// ripgrep, for VS Code's file and text search. VS Code 1.100's @vscode/ripgrep 1.15 downloads
// its binary from GitHub in a postinstall script; @vscode/ripgrep 1.18 moved the binary into
// per-platform packages on the npm registry, so the binary is taken from one of those instead.
const RIPGREP_VERSION = '1.18.0';

// The packages of VS Code's server whose install scripts run here: the native modules it
// loads on Linux (the file watcher's script only checks for its prebuilt binary; the others
// compile with node-gyp). Left out on purpose:
//   - kerberos: it needs the Kerberos development headers (libkrb5-dev), and VS Code loads it
//     only to answer a proxy that asks for Kerberos authentication, which never happens on
//     the loopback address these runs use;
//   - @vscode/ripgrep: its script downloads from GitHub; the binary comes from npm instead;
//   - @vscode/deviceid, @vscode/windows-process-tree, @vscode/windows-registry: their native
//     parts are loaded on Windows only.
const NATIVE_MODULES = ['@parcel/watcher', '@vscode/spdlog', 'native-watchdog', 'node-pty'];

const log = (msg) => console.log(`[vscode] ${msg}`);

// The installs below are scripted for these platforms: code-server's native modules, the
// ripgrep package (@vscode/ripgrep-<platform>) and the npm Chromium exist for both.
const SCRIPTED_PLATFORMS = ['linux-x64', 'linux-arm64'];
const platform = `${process.platform}-${process.arch}`;
const scripted = SCRIPTED_PLATFORMS.includes(platform);

// ---------------------------------------------------------------------------
// Installation

/**
 * Returns the absolute path of code-server's out/node/entry.js, installing
 * code-server on first use into .vscode-test/code-server-<version>/. Everything comes
 * from the npm registry: no Debian package, no download from anywhere else. A marker file
 * is written only after a successful install, so an interrupted install is redone from
 * scratch next time.
 */
export function ensureCodeServer() {
  installOnce(INSTALL_DIR, () => fs.existsSync(INSTALL_MARKER) && fs.existsSync(ENTRY), install);
  return ENTRY;
}

/**
 * Runs install() unless ready() already holds, under a lock on `dir`, so that concurrent
 * first runs install once (the second waits, then finds it ready).
 */
function installOnce(dir, ready, install) {
  if (!ready()) withInstallLock(dir, () => ready() || install());
}

const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs fn while holding a lock file, so concurrent first runs do not install twice. */
function withInstallLock(dir, fn) {
  const lock = `${dir}.lock`;
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  for (let waited = 0; ; waited++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const holder = Number(fs.readFileSync(lock, 'utf8'));
    let alive = !holder; // an empty file is a lock being written right now
    try {
      if (holder) alive = process.kill(holder, 0);
    } catch {
      alive = false;
    }
    if (!alive) {
      fs.rmSync(lock, { force: true }); // left by an interrupted install
      continue;
    }
    if (waited === 0) log(`Waiting for process ${holder}, which is installing into ${path.basename(dir)}…`);
    sleepSync(1000);
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** Starts the log file of an install in .vscode-test/, named after what is installed. */
function installLog(name) {
  const logFile = path.join(CACHE_DIR, `${name}-install.log`);
  fs.writeFileSync(logFile, `${name} install, ${new Date().toISOString()}\n`);
  return logFile;
}

/**
 * Runs npm with its output appended to logFile; throws with the log's tail when it fails.
 * An install script's `npx node-gyp` must not stop to ask whether it may fetch node-gyp.
 */
function npm(args, { cwd, logFile, env = {} }) {
  const out = fs.openSync(logFile, 'a');
  fs.writeSync(out, `\n$ (cd ${cwd} && npm ${args.join(' ')})\n`);
  const result = spawnSync('npm', args, {
    cwd,
    stdio: ['ignore', out, out],
    env: { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false', ...env },
  });
  fs.closeSync(out);
  if (result.status !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(
      `npm ${args[0]} failed in ${cwd} (exit ${result.status ?? result.signal ?? result.error}).\n` +
        `Last lines of ${path.relative(process.cwd(), logFile)}:\n${tail}`,
    );
  }
}

/**
 * Installs code-server the way its own postinstall script does (lib/vscode's dependencies,
 * then the built-in extensions' shared dependencies, then a few links), except that install
 * scripts run only for the native modules VS Code needs here (see NATIVE_MODULES), and
 * ripgrep comes from the npm registry. Native modules are compiled with node-gyp against
 * Node's headers, which needs python3, make and a C++ compiler.
 */
function install() {
  if (!scripted) {
    throw new Error(
      `Installing code-server is scripted for ${SCRIPTED_PLATFORMS.join(' and ')}, not ${platform}. ` +
        'On other systems use `npm run test:electron`, which downloads VS Code itself.',
    );
  }
  const ripgrepPackage = `@vscode/ripgrep-${platform}`;

  log(`Installing code-server ${CODE_SERVER_VERSION} into .vscode-test/ from the npm registry (first run only, about 2 min)…`);
  const started = Date.now();
  fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  const logFile = installLog(`code-server-${CODE_SERVER_VERSION}`);

  // 1. code-server itself and ripgrep's binary, with no install scripts (code-server's own
  //    postinstall would build kerberos and download ripgrep).
  npm(['install', '--prefix', INSTALL_DIR, '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`, `${ripgrepPackage}@${RIPGREP_VERSION}`], { cwd: INSTALL_DIR, logFile });
  //    code-server loads argon2 (password hashing) at start, even with --auth none. Its
  //    install script would first try to download a prebuilt binary from GitHub.
  npm(['rebuild', 'argon2'], { cwd: INSTALL_DIR, logFile, env: { npm_config_build_from_source: 'true' } });
  // 2. VS Code's own dependencies, from its shrinkwrap, then the native modules it needs.
  npm(['install', '--omit=dev', '--ignore-scripts'], { cwd: VSCODE_DIR, logFile });
  npm(['rebuild', ...NATIVE_MODULES], { cwd: VSCODE_DIR, logFile });
  const rgTarget = path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  fs.mkdirSync(path.dirname(rgTarget), { recursive: true });
  fs.copyFileSync(path.join(INSTALL_DIR, 'node_modules', ripgrepPackage, 'bin', 'rg'), rgTarget);
  fs.chmodSync(rgTarget, 0o755);
  // 3. What the rest of code-server's postinstall does: VS Code looks for unpacked modules
  //    under node_modules.asar, and for its CLI and browser helpers under bin/.
  relink(path.join(VSCODE_DIR, 'node_modules.asar'), 'node_modules');
  relink(path.join(VSCODE_DIR, 'bin', 'remote-cli', 'code-server'), 'code-linux.sh');
  relink(path.join(VSCODE_DIR, 'bin', 'helpers', 'browser.sh'), 'browser-linux.sh');
  // 4. The built-in extensions' shared dependencies (TypeScript, trimmed by their postinstall).
  npm(['install', '--omit=dev'], { cwd: path.join(VSCODE_DIR, 'extensions'), logFile });

  if (!fs.existsSync(ENTRY)) throw new Error(`code-server installed, but ${ENTRY} is missing; see ${logFile}`);
  fs.writeFileSync(INSTALL_MARKER, `code-server ${CODE_SERVER_VERSION} installed ${new Date().toISOString()}\n`);
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s.`);
  return ENTRY;
}

/** Makes `link` a symbolic link to `target` (relative to the link's folder), replacing what is there. */
function relink(link, target) {
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(target, link);
}

// ---------------------------------------------------------------------------
// A browser to open the workbench in

// Chromium builds a machine may already have, tried in this order.
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];
// Otherwise a headless Chromium that ships inside an npm package. 143.0.4 is the newest
// release of @sparticuz/chromium whose `engines` accepts Node 20 (from 147 on it asks for
// Node 22); Linux x64 and arm64 only.
const NPM_BROWSER = '@sparticuz/chromium';
const NPM_BROWSER_VERSION = '143.0.4';
const NPM_BROWSER_DIR = path.join(CACHE_DIR, `chromium-${NPM_BROWSER_VERSION}`);

/**
 * The Chromium that opens the workbench: { executablePath, source }.
 *
 *   1. PARTNERLINT_BROWSER, when set, names the executable;
 *   2. else a Chromium or Chrome the machine has (SYSTEM_BROWSERS);
 *   3. else @sparticuz/chromium, installed on first use into .vscode-test/chromium-<version>/
 *      and unpacked there once (its browser is kept brotli-compressed in the package).
 * PARTNERLINT_BROWSER=npm skips the machine's browsers and uses the npm one.
 */
export function ensureBrowser() {
  const wanted = process.env.PARTNERLINT_BROWSER;
  if (wanted && wanted !== 'npm') {
    if (!fs.existsSync(wanted)) throw new Error(`PARTNERLINT_BROWSER names ${wanted}, which does not exist.`);
    return { executablePath: wanted, source: 'PARTNERLINT_BROWSER' };
  }
  if (!wanted) {
    const found = SYSTEM_BROWSERS.find((file) => fs.existsSync(file));
    if (found) return { executablePath: found, source: 'this machine' };
  }
  if (!scripted) {
    throw new Error(
      `No Chromium found (looked for ${SYSTEM_BROWSERS.join(', ')}), and the one from the npm registry ` +
        `is built for ${SCRIPTED_PLATFORMS.join(' and ')} only, not ${platform}. Set PARTNERLINT_BROWSER to a ` +
        'Chromium or Chrome executable, or use `npm run test:electron`.',
    );
  }
  const unpacked = path.join(NPM_BROWSER_DIR, 'unpacked');
  const executablePath = path.join(unpacked, 'chromium');
  const marker = path.join(NPM_BROWSER_DIR, '.install-complete');
  installOnce(NPM_BROWSER_DIR, () => fs.existsSync(marker) && fs.existsSync(executablePath), () => installNpmBrowser(unpacked, marker));
  return { executablePath, source: `${NPM_BROWSER}@${NPM_BROWSER_VERSION}` };
}

function installNpmBrowser(unpacked, marker) {
  log(`No Chromium on this machine: installing ${NPM_BROWSER}@${NPM_BROWSER_VERSION} into .vscode-test/ (first run only, about 70 MB)…`);
  const started = Date.now();
  fs.rmSync(NPM_BROWSER_DIR, { recursive: true, force: true });
  fs.mkdirSync(unpacked, { recursive: true });
  const logFile = installLog(`chromium-${NPM_BROWSER_VERSION}`);
  npm(['install', '--prefix', NPM_BROWSER_DIR, '--no-save', `${NPM_BROWSER}@${NPM_BROWSER_VERSION}`], { cwd: NPM_BROWSER_DIR, logFile });
  // The package unpacks its browser into os.tmpdir(); pointing TMPDIR at our folder for that
  // one call keeps the unpacked copy with the package, so it is unpacked once, not per run.
  const script = `import(${JSON.stringify(pathToFileURL(path.join(NPM_BROWSER_DIR, 'node_modules', NPM_BROWSER, 'build', 'esm', 'index.js')).href)})` +
    '.then((m) => m.default.executablePath()).then((p) => console.log(p))';
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, TMPDIR: unpacked },
    encoding: 'utf8',
  });
  if (result.status !== 0 || !fs.existsSync(path.join(unpacked, 'chromium'))) {
    throw new Error(`Unpacking ${NPM_BROWSER} failed:\n${result.stdout}${result.stderr}`);
  }
  fs.writeFileSync(marker, `${NPM_BROWSER}@${NPM_BROWSER_VERSION} unpacked ${new Date().toISOString()}\n`);
  log(`Chromium unpacked in ${Math.round((Date.now() - started) / 1000)} s.`);
}

// ---------------------------------------------------------------------------
// Cleanup of everything started here, also on Ctrl-C and on crashes

const cleanups = new Set(); // synchronous, idempotent functions
let exitHooksInstalled = false;

function onExitCleanup(fn) {
  if (!exitHooksInstalled) {
    exitHooksInstalled = true;
    process.on('exit', () => {
      for (const f of [...cleanups].reverse()) {
        try {
          f();
        } catch {
          /* best effort while exiting */
        }
      }
    });
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
      process.on(signal, () => process.exit(code)); // runs the 'exit' hook above
    }
  }
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/**
 * A fresh folder (default .vscode-test/run-XXXXXX/), deleted when this process
 * exits. fs.rmSync removes symlinks inside it without following them.
 */
export function createRunDir({ parent = CACHE_DIR, prefix = 'run-' } = {}) {
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, prefix));
  onExitCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// ---------------------------------------------------------------------------
// Starting code-server

async function portIsFree(port, host) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

async function freePort(host) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a private code-server and resolves once it listens.
 *
 * options:
 *   workspace      folder to open (absolute path)                        required
 *   extensionsDir  extensions folder (default: <runDir>/extensions, empty)
 *   env            extra environment for code-server and its extension host
 *   settings       extra user settings (merged over the defaults below)
 *   port           preferred port; if taken (or absent) a free one is used
 *   runDir         scratch folder to use (default: a new createRunDir())
 *   args           extra command line arguments for code-server
 *   verbose        echo code-server's output (default: env PARTNERLINT_VERBOSE)
 *
 * resolves: { url, port, runDir, userDataDir, extensionsDir, output(), stop() }
 *   url is http://127.0.0.1:<port>/; output() returns what code-server printed;
 *   stop() kills code-server's whole process group and deletes runDir.
 */
export async function startCodeServer(options) {
  const { workspace, env = {}, settings = {}, args = [] } = options;
  const verbose = options.verbose ?? Boolean(process.env.PARTNERLINT_VERBOSE);
  if (!workspace || !fs.existsSync(workspace)) throw new Error(`Workspace folder not found: ${workspace}`);
  const entry = ensureCodeServer();

  const host = '127.0.0.1';
  const port = options.port && (await portIsFree(options.port, host)) ? options.port : await freePort(host);
  if (options.port && port !== options.port) log(`Port ${options.port} is taken; using ${port}.`);

  const runDir = options.runDir ?? createRunDir();
  const dirs = {
    userData: path.join(runDir, 'user-data'),
    extensions: options.extensionsDir ?? path.join(runDir, 'extensions'),
    home: path.join(runDir, 'home'),
    config: path.join(runDir, 'xdg-config'),
    data: path.join(runDir, 'xdg-data'),
    cache: path.join(runDir, 'xdg-cache'),
    tmp: path.join(runDir, 'tmp'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  // Without startupEditor "none" the welcome page opens and takes keyboard focus; the
  // git setting stops a prompt about the repository above .vscode-test/ and examples/.
  const userSettings = {
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'git.openRepositoryInParentFolders': 'never',
    ...settings,
  };
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  const configFile = path.join(runDir, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: ${host}:${port}\nauth: none\ncert: false\n`);

  // Inherit the caller's environment (PATH, PARTNERLINT_* …) but drop variables
  // that would make code-server talk to an enclosing VS Code instance.
  const childEnv = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE'),
  );
  Object.assign(childEnv, env, {
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
  });

  const child = spawn(
    process.execPath,
    [
      entry,
      '--bind-addr', `${host}:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--config', configFile,
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      ...args,
      workspace,
    ],
    { cwd: runDir, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );

  let output = '';
  let exited = false;
  const exitPromise = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );
  const onData = (chunk) => {
    output = (output + chunk).slice(-200_000); // keep the recent part of a long session
    if (verbose) process.stderr.write(`[code-server] ${chunk}`);
  };
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);

  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  const removeExitHook = onExitCleanup(() => {
    killGroup('SIGKILL');
    fs.rmSync(runDir, { recursive: true, force: true });
  });

  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      killGroup('SIGTERM');
      const timer = new Promise((r) => setTimeout(r, 5000, 'timeout'));
      if (!exited && (await Promise.race([exitPromise, timer])) === 'timeout') killGroup('SIGKILL');
      // The extension host and watchers share the group; make sure none survive.
      await new Promise((r) => setTimeout(r, 200));
      killGroup('SIGKILL');
      fs.rmSync(runDir, { recursive: true, force: true });
      removeExitHook();
    })());

  // Wait for "HTTP server listening", or fail with what code-server printed.
  const ready = await new Promise((resolve) => {
    const timeout = setTimeout(() => resolve('timed out after 60 s'), 60_000);
    const check = () => {
      if (output.includes('HTTP server listening')) {
        clearTimeout(timeout);
        resolve(true);
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    exitPromise.then(({ code, signal }) => {
      clearTimeout(timeout);
      resolve(`exited early (code ${code}, signal ${signal})`);
    });
  });
  if (ready !== true) {
    await stop();
    throw new Error(`code-server did not start: ${ready}\n${output}`);
  }

  return {
    url: `http://${host}:${port}/`,
    host,
    port,
    runDir,
    userDataDir: dirs.userData,
    extensionsDir: dirs.extensions,
    exited: exitPromise,
    output: () => output,
    stop,
  };
}

/**
 * URL that opens `folder` in the workbench, optionally with a launch payload
 * (a list of [key, value] pairs such as extensionDevelopmentPath).
 */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.url}?folder=${pathToFileURL(folder).pathname}`; // keeps "/" readable
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** A path on the code-server machine as a URI the browser-side workbench accepts. */
export function remoteUri(server, absPath) {
  return `vscode-remote://${server.host}:${server.port}${pathToFileURL(absPath).pathname}`;
}

// ---------------------------------------------------------------------------
// Headless Chromium

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function loadPlaywright() {
  // Resolved from the repo (devDependency) first, then from wherever this file lives.
  for (const base of [path.join(REPO_ROOT, 'package.json'), fileURLToPath(import.meta.url)]) {
    try {
      const resolved = createRequire(base).resolve('playwright-core');
      const mod = await import(pathToFileURL(resolved).href);
      return mod.chromium ? mod : mod.default; // CommonJS package: named exports may sit on default
    } catch {
      /* try the next */
    }
  }
  throw new Error('playwright-core is not installed; run `npm install` (it is a devDependency).');
}

/**
 * Opens `url` in a fresh headless Chromium.
 *
 * options:
 *   url                  page to open                                      required
 *   exposed              { name: function } exposed on the page before it loads
 *                        (e.g. codeAutomationExit, codeAutomationLog)
 *   viewport             default { width: 1400, height: 900 }
 *   waitForWorkbench     wait until the workbench UI is rendered (default true)
 *   route                [url, handler] for page.route (see webExtensionRoute)
 *   timeout              ms for loading (default 60 000)
 *
 * resolves: { browser, page, close() }
 */
export async function openWorkbench(options) {
  const { url, exposed = {}, viewport = { width: 1400, height: 900 }, waitForWorkbench = true } = options;
  const timeout = options.timeout ?? 60_000;
  const { executablePath } = ensureBrowser();
  const { chromium } = await loadPlaywright();
  // Chromium writes crash-report settings and dconf state under HOME/XDG dirs: keep them private.
  const scratch = createRunDir();
  const browserEnv = { ...process.env };
  for (const [name, sub] of [['HOME', 'home'], ['XDG_CONFIG_HOME', 'config'], ['XDG_CACHE_HOME', 'cache'], ['XDG_DATA_HOME', 'data'], ['TMPDIR', 'tmp']]) {
    browserEnv[name] = path.join(scratch, sub);
    fs.mkdirSync(browserEnv[name]);
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, env: browserEnv });
  const removeExitHook = onExitCleanup(() => {
    // Playwright's own exit handler kills the browser process too; this is a backstop.
    try {
      browser.process?.()?.kill('SIGKILL');
    } catch {
      /* gone */
    }
  });
  let closing;
  const close = () =>
    (closing ??= (async () => {
      await browser.close().catch(() => {});
      removeExitHook();
      fs.rmSync(scratch, { recursive: true, force: true });
    })());
  try {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    for (const [name, fn] of Object.entries(exposed)) await page.exposeFunction(name, fn);
    // [url, handler]: rewrites what the page loads from url (see webExtensionRoute).
    if (options.route) await page.route(...options.route);
    await page.goto(url, { timeout });
    if (waitForWorkbench) await page.waitForSelector('.monaco-workbench', { timeout });
    return { browser, page, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Opens `relativePath` (relative to the workspace folder) in a loaded workbench
 * with Quick Open (Ctrl+P) and waits for its editor tab.
 */
export async function openFileInWorkbench(page, relativePath, { timeout = 30_000 } = {}) {
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout }); // folder is loaded
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout });
  await page.keyboard.type(relativePath);
  const name = path.basename(relativePath);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`, { timeout });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tabs-container .tab[aria-label*="${name}"]`, { timeout });
}

// ---------------------------------------------------------------------------
// A web extension under test, in the web worker extension host
//
// code-server runs an extension under development that the payload names
// (extensionDevelopmentPath) from the server's file system, as a vscode-remote:// location. With
// only a `browser` entry it then runs in the web worker extension host, but that host refuses to
// start Web Workers for extensions at vscode-remote:// locations ("Creating workers from remote
// extensions is currently not supported", VS Code 1.100's extensionHostWorker). vscode.dev loads
// extensions from https:// locations, and @vscode/test-web from http:// ones: their workers start.
// So the web runs do what @vscode/test-web does: the extension is served over HTTP and named in
// the workbench configuration's developmentOptions (extensions, extensionTestsPath), which the
// web extension scanner reads. code-server's page holds that configuration in a <meta> element;
// webExtensionRoute adds the two entries to it as the page loads. The files are served on
// 127.0.0.1 and reached through code-server's own /proxy/<port>/ route, so they are same-origin
// for the workbench (its Content Security Policy refuses other origins).

/**
 * Serves the files of `folders` ({ '/prefix': absolute folder }) read-only on 127.0.0.1, on a
 * free port; resolves to { port, close() }. Only GET and HEAD; nothing outside the folders.
 */
export async function serveFolders(folders) {
  const types = { '.js': 'text/javascript', '.json': 'application/json', '.md': 'text/markdown', '.map': 'application/json', '.yaml': 'text/yaml', '.svg': 'image/svg+xml', '.png': 'image/png' };
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const [prefix, root] = Object.entries(folders).find(([p]) => pathname.startsWith(`${p}/`)) ?? [];
    const file = root && path.resolve(root, `.${pathname.slice(prefix.length)}`);
    const inside = file && (file === root || file.startsWith(`${root}${path.sep}`));
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !inside || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const close = () => new Promise((resolve) => server.close(() => resolve()));
  onExitCleanup(() => server.close());
  return { port: server.address().port, close };
}

/**
 * A page.route entry for openWorkbench that makes `workbenchPageUrl` run the extension at
 * `extensionUrl` (a folder URL, through code-server's /proxy/<port>/) in the web worker
 * extension host, with the suite at `testsUrl`.
 */
export function webExtensionRoute(workbenchPageUrl, { extensionUrl, testsUrl }) {
  const uri = (url) => {
    const u = new URL(url);
    return { scheme: u.protocol.slice(0, -1), authority: u.host, path: u.pathname };
  };
  const unescape = (t) => t.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const escape = (t) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const handler = async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    let patched = false;
    const body = html.replace(/(id="vscode-workbench-web-configuration" data-settings=")([^"]*)"/, (_, start, settings) => {
      const config = JSON.parse(unescape(settings));
      config.developmentOptions = { ...config.developmentOptions, extensions: [uri(extensionUrl)], extensionTestsPath: uri(testsUrl) };
      patched = true;
      return `${start}${escape(JSON.stringify(config))}"`;
    });
    if (!patched) throw new Error('The workbench page has no vscode-workbench-web-configuration element to add the web extension to.');
    await route.fulfill({ response, body });
  };
  return [workbenchPageUrl, handler];
}
