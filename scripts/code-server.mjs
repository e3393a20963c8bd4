// A real VS Code on this machine: code-server 4.100.3 (VS Code 1.100.3) from npm, installed on first
// use into .cache/code-server/ and started on 127.0.0.1 for the extension-host tests (test/vscode/),
// the UI end-to-end tests (test/e2e/) and `npm start`. See shared/REAL-VSCODE-TESTING.md for why
// each install step is there: the plain `npm install code-server` needs the network for ripgrep
// and a build of kerberos.
//
//   node scripts/code-server.mjs              install (or check) and print where it is
//   node scripts/code-server.mjs --reinstall  remove the cache first
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync, openSync, closeSync,
} from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumSkipReason } from './chromium.mjs';
import { ensureSystemDeps } from './system-deps.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// 4.102 and later need Node 22.
export const CODE_SERVER_VERSION = '4.100.3';
export const CACHE_DIR = join(ROOT, '.cache', 'code-server');
const PKG_DIR = join(CACHE_DIR, 'node_modules', 'code-server');
const VSCODE_DIR = join(PKG_DIR, 'lib', 'vscode');
export const ENTRY = join(PKG_DIR, 'out', 'node', 'entry.js');
// The native modules are built for this Node, so the stamp names its ABI.
const STAMP = join(CACHE_DIR, `installed-${CODE_SERVER_VERSION}-node-abi${process.versions.modules}.stamp`);
const LOG = join(CACHE_DIR, 'install.log');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Thrown when code-server cannot be installed on this machine (callers skip their tests). */
export class CodeServerUnavailable extends Error {
  constructor(message) {
    super(message);
    this.name = 'CodeServerUnavailable';
  }
}

function run(cmd, args, cwd, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const line = `$ (cd ${cwd} && ${[cmd, ...args].join(' ')})\n`;
    writeFileSync(LOG, line, { flag: 'a' });
    const fd = openSync(LOG, 'a');
    const child = spawn(cmd, args, {
      cwd,
      stdio: ['ignore', fd, fd],
      env: {
        ...process.env,
        // node-gyp builds against the headers of the Node that runs it (Debian's nodejs ships them
        // in /usr/include/node), never downloading them.
        npm_config_nodedir: process.env.npm_config_nodedir || dirname(dirname(process.execPath)),
        npm_config_yes: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
        npm_config_loglevel: 'warn',
        ...extraEnv,
      },
    });
    closeSync(fd);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${line.trim()} failed (exit ${code ?? signal}); see ${LOG}`));
    });
  });
}

function link(target, path) {
  try {
    lstatSync(path);
    rmSync(path, { force: true, recursive: false });
  } catch {
    // absent
  }
  symlinkSync(target, path);
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** A lock directory, so that test processes running side by side install once. */
async function withLock(fn) {
  mkdirSync(CACHE_DIR, { recursive: true });
  const lock = join(CACHE_DIR, '.lock');
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // A lock older than ten minutes belongs to an install that died.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error(`code-server: timed out waiting for ${lock}`, { cause: e });
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Installs code-server 4.100.3 into .cache/code-server/ unless the stamp says it is there.
 * The second call costs one stat. Throws CodeServerUnavailable when the Debian packages it needs
 * are missing and cannot be installed; other errors (npm, the build) are failures.
 * @param {{ quiet?: boolean }} [options]
 * @returns {Promise<{ entry: string, version: string, installed: boolean }>}
 */
export async function ensureCodeServer({ quiet = false } = {}) {
  if (existsSync(STAMP) && existsSync(ENTRY)) return { entry: ENTRY, version: CODE_SERVER_VERSION, installed: false };
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) throw new CodeServerUnavailable(`code-server ${CODE_SERVER_VERSION} needs Node 20 (this is ${process.version})`);
  const deps = ensureSystemDeps(['code-server']);
  if (!deps.ok) throw new CodeServerUnavailable(`code-server cannot be built here: ${deps.message}`);
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new CodeServerUnavailable('code-server: ripgrep (rg) is not on the PATH');

  return withLock(async () => {
    if (existsSync(STAMP) && existsSync(ENTRY)) return { entry: ENTRY, version: CODE_SERVER_VERSION, installed: false };
    const started = Date.now();
    const say = (m) => quiet || console.log(`code-server: ${m}`);
    say(`installing ${CODE_SERVER_VERSION} into ${CACHE_DIR} (about a minute, once; log in ${LOG})`);
    rmSync(join(CACHE_DIR, 'node_modules'), { recursive: true, force: true });
    for (const f of ['package.json', 'package-lock.json']) rmSync(join(CACHE_DIR, f), { force: true });
    writeFileSync(LOG, `install of code-server ${CODE_SERVER_VERSION} with Node ${process.version}, ${new Date().toISOString()}\n`);
    // A package.json of its own, so that npm does not climb up to the repository's.
    writeFileSync(join(CACHE_DIR, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2) + '\n');
    try {
      // 1. The package, without its postinstall (kerberos, ripgrep's download).
      await run(npm, ['install', '--ignore-scripts', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], CACHE_DIR);
      // 2. VS Code's own dependencies.
      await run(npm, ['install', '--omit=dev', '--ignore-scripts', '--no-package-lock'], VSCODE_DIR);
      // 3. Debian's ripgrep instead of the download.
      const rgDir = join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin');
      mkdirSync(rgDir, { recursive: true });
      copyFileSync(rg, join(rgDir, 'rg'));
      chmodSync(join(rgDir, 'rg'), 0o755);
      // 4. The native modules, against the local Node headers.
      await run(npm, ['rebuild', '@parcel/watcher', '@vscode/spdlog', 'kerberos', 'native-watchdog', 'node-pty', '@vscode/deviceid'], VSCODE_DIR);
      // 5. What the postinstall would have linked.
      link('node_modules', join(VSCODE_DIR, 'node_modules.asar'));
      link('code-linux.sh', join(VSCODE_DIR, 'bin', 'remote-cli', 'code-server'));
      link('browser-linux.sh', join(VSCODE_DIR, 'bin', 'helpers', 'browser.sh'));
      // 6. The built-in extensions' dependencies.
      await run(npm, ['install', '--omit=dev', '--ignore-scripts', '--no-package-lock'], join(VSCODE_DIR, 'extensions'));
      // 7. code-server's own native module (hoisted to the cache's node_modules).
      await run(npm, ['rebuild', 'argon2'], CACHE_DIR);
      // It starts: --version loads the CLI and its native modules.
      await run(process.execPath, [ENTRY, '--version'], CACHE_DIR, { XDG_CONFIG_HOME: join(CACHE_DIR, 'xdg-config'), XDG_DATA_HOME: join(CACHE_DIR, 'xdg-data') });
    } catch (e) {
      const tail = readFileSync(LOG, 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(`${e.message}\n--- last lines of ${LOG} ---\n${tail}`, { cause: e });
    }
    if (!existsSync(ENTRY)) throw new Error(`code-server: ${ENTRY} missing after install`);
    writeFileSync(STAMP, `${new Date().toISOString()} ${process.version}\n`);
    say(`installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { entry: ENTRY, version: CODE_SERVER_VERSION, installed: true };
  });
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function healthz(port) {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** User settings for a quiet workbench: no welcome page, no telemetry, no update checks. */
export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
};

/**
 * The environment and folders of one code-server: XDG dirs in a temp folder, the marketplace off.
 * @param {{ extensionsDir?: string, userDataDir?: string, settings?: object }} options
 */
function profile({ extensionsDir, userDataDir, settings } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'bl-code-server-'));
  const dirs = {
    tmp,
    extensionsDir: extensionsDir ?? join(tmp, 'extensions'),
    userDataDir: userDataDir ?? join(tmp, 'user-data'),
  };
  mkdirSync(dirs.extensionsDir, { recursive: true });
  mkdirSync(join(dirs.userDataDir, 'User'), { recursive: true });
  const settingsFile = join(dirs.userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile) || settings) writeFileSync(settingsFile, JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
    XDG_DATA_HOME: join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: join(tmp, 'xdg-cache'),
  };
  // Not inherited from a surrounding VS Code's terminal.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_')) delete env[k];
  return { dirs, env };
}

/**
 * Installs a packaged extension into an extensions dir (code-server's --install-extension).
 * @param {string} vsix
 * @param {{ extensionsDir: string, userDataDir?: string }} options
 */
export async function installExtension(vsix, { extensionsDir, userDataDir }) {
  await ensureCodeServer();
  const { dirs, env } = profile({ extensionsDir, userDataDir });
  try {
    const r = spawnSync(process.execPath, [ENTRY, '--extensions-dir', dirs.extensionsDir, '--user-data-dir', dirs.userDataDir, '--install-extension', vsix], {
      env, encoding: 'utf8', timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
    return r.stdout.trim();
  } finally {
    rmSync(dirs.tmp, { recursive: true, force: true });
  }
}

const running = new Set();
process.on('exit', () => {
  // Last resort when the caller forgot stop() or died on an exception: no code-server outlives us.
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/**
 * Starts code-server on 127.0.0.1 in its own process group and waits until GET /healthz answers.
 * @param {{ folder?: string, port?: number, extensionsDir?: string, userDataDir?: string, settings?: object,
 *   args?: string[], verbose?: boolean, timeoutMs?: number }} options
 * @returns {Promise<{ url: string, port: number, pid: number, extensionsDir: string, userDataDir: string,
 *   output: () => string, stop: () => Promise<void> }>}
 */
/**
 * Why this machine cannot run a real VS Code in a browser (the extension-host tests, the editor
 * benchmarks), or undefined when it can; installs the Debian packages and code-server on the way.
 */
export async function realVsCodeSkipReason() {
  const browser = ensureSystemDeps(['browser']);
  if (!browser.ok) return browser.message;
  const chromium = chromiumSkipReason();
  if (chromium) return chromium;
  try {
    await ensureCodeServer();
  } catch (e) {
    if (e instanceof CodeServerUnavailable) return e.message;
    throw e;
  }
  return undefined;
}

export async function startCodeServer({ folder, port, extensionsDir, userDataDir, settings, args = [], verbose = false, timeoutMs = 60_000 } = {}) {
  await ensureCodeServer();
  port = port || (await freePort());
  const { dirs, env } = profile({ extensionsDir, userDataDir, settings });
  const argv = [
    ENTRY, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', dirs.userDataDir,
    '--extensions-dir', dirs.extensionsDir, ...args, ...(folder ? [folder] : []),
  ];
  const child = spawn(process.execPath, argv, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child.pid);
  let output = '';
  const collect = (stream, to) => stream.on('data', (d) => {
    output += d;
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
    if (verbose) to.write(d);
  });
  collect(child.stdout, process.stdout);
  collect(child.stderr, process.stderr);
  let exited = null;
  const exit = new Promise((done) => child.on('exit', (code, signal) => {
    exited = code ?? signal;
    running.delete(child.pid);
    done();
  }));

  const stop = async () => {
    if (exited === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const killed = await Promise.race([exit.then(() => true), sleep(5000).then(() => false)]);
      if (!killed) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await exit;
      }
    }
    // Children of the group that ignored SIGTERM (the extension host, file watchers).
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // none left
    }
    rmSync(dirs.tmp, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (!(await healthz(port))) {
    if (exited !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not come up on 127.0.0.1:${port} (${exited !== null ? `exited ${exited}` : `timed out after ${timeoutMs} ms`}):\n${output.slice(-4000)}`);
    }
    await sleep(200);
  }
  return {
    url: `http://127.0.0.1:${port}/`, port, pid: child.pid, extensionsDir: dirs.extensionsDir, userDataDir: dirs.userDataDir,
    output: () => output, stop,
  };
}

/**
 * The workbench URL for a folder, with the options the desktop takes on its command line passed as
 * the web workbench's `payload` (pairs of strings). Paths become vscode-remote:// URIs of this server.
 * @param {{ port: number, folder?: string, extensionDevelopmentPath?: string, extensionTestsPath?: string, payload?: [string, string][] }} o
 */
export function workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath, payload = [] }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${encodeURI(p)}`;
  const pairs = [];
  if (extensionDevelopmentPath) pairs.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) pairs.push(['extensionTestsPath', remote(extensionTestsPath)]);
  pairs.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true'], ...payload);
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  params.set('payload', JSON.stringify(pairs));
  return `http://127.0.0.1:${port}/?${params}`;
}

// No top-level await, so that tsx can also load this module from the CommonJS tests.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--reinstall')) rmSync(CACHE_DIR, { recursive: true, force: true });
  const started = Date.now();
  ensureCodeServer().then((r) => {
    console.log(`code-server ${r.version}: ${r.entry} (${r.installed ? 'installed' : 'already installed'}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }, (e) => {
    console.error(e.message);
    process.exit(e instanceof CodeServerUnavailable ? 3 : 1);
  });
}
