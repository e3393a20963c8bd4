// `npm start`: builds, then opens examples/ in VS Code with the extension loaded from this repository.
//   - the desktop `code` when it is on the PATH: code --extensionDevelopmentPath=<repo> <repo>/examples
//   - otherwise code-server (a real VS Code 1.100 in the browser, installed on first use into
//     .cache/code-server/) on 127.0.0.1:$PORT (8080 when free, else any free port); it prints the URL
//     to open and stays in the foreground until Ctrl+C. Settings and state are kept in .cache/start/.
//
//   node scripts/start.mjs [--code-server] [--print-url] [--no-build]
//     --code-server  use code-server even when `code` is on the PATH
//     --print-url    start code-server, print the URL, check that it serves the workbench, stop (for tests)
//     --no-build     skip `npm run build`
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CodeServerUnavailable, freePort, ROOT, startCodeServer, workbenchUrl } from './code-server.mjs';

const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (!['--code-server', '--print-url', '--no-build'].includes(arg)) {
    console.error(`start: unknown option ${arg} (use --code-server, --print-url or --no-build)`);
    process.exit(2);
  }
}
const printUrl = args.has('--print-url');
const examples = join(ROOT, 'examples');

if (!args.has('--no-build')) {
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();
const code = !args.has('--code-server') && !printUrl ? onPath('code') : '';
if (code) {
  console.log(`start: ${code} --extensionDevelopmentPath=${ROOT} ${examples}`);
  const child = spawn(code, [`--extensionDevelopmentPath=${ROOT}`, examples], { stdio: 'inherit' });
  child.on('exit', (status) => process.exit(status ?? 0));
} else {
  await startInBrowser();
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function fetchStatus(url) {
  return new Promise((resolve) => {
    get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', (e) => resolve(e.message));
  });
}

async function startInBrowser() {
  let port = Number(process.env.PORT) || 0;
  if (!port) port = (await portIsFree(8080)) ? 8080 : await freePort();
  else if (!(await portIsFree(port))) {
    console.error(`start: port ${port} (from PORT) is in use`);
    process.exit(1);
  }
  const state = join(ROOT, '.cache', 'start');
  mkdirSync(state, { recursive: true });
  let server;
  try {
    server = await startCodeServer({
      folder: examples, port, extensionsDir: join(state, 'extensions'), userDataDir: join(state, 'user-data'), verbose: false,
    });
  } catch (e) {
    console.error(`start: ${e.message}`);
    if (e instanceof CodeServerUnavailable) console.error('start: without code-server, run an example on the command line: node dist/cli.js run examples/buy_apple_orange.py');
    process.exit(1);
  }
  const url = workbenchUrl({ port: server.port, folder: examples, extensionDevelopmentPath: ROOT });
  let stopping = false;
  const stop = async (status) => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(status);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(0));

  if (printUrl) {
    const status = await fetchStatus(url);
    console.log(url);
    console.log(`start: GET ${url.split('?')[0]} → ${status}`);
    await stop(status === 200 ? 0 : 1);
    return;
  }
  console.log(`\nBackprop Lens in VS Code (code-server ${server.port}): open this URL in a browser on this machine`);
  console.log(`(or forward port ${server.port}), then open a .py file and run "Backprop Lens: Run File with the Embedded Engine":\n`);
  console.log(`  ${url}\n`);
  console.log('Ctrl+C stops it.');
}
