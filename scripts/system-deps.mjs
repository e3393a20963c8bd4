// The Debian packages the tests need, installed when missing (idempotent: a machine that has them
// all costs one dpkg-query and no apt-get).
//   python3-numpy               the differential tests compare the engine against CPython + NumPy
//   chromium, fonts-noto-cjk    the browser tests (webview, e2e, the real VS Code's workbench); Korean glyphs
//   libkrb5-dev, pkg-config,    building code-server's native modules (kerberos) and its ripgrep
//   ripgrep
//
//   node scripts/system-deps.mjs [GROUP...]   installs the groups (default: all), exits 0 when all are there
//
// As a module: ensureSystemDeps(groups?) → { ok, missing: Map<group, package[]>, message }; callers
// skip the layers whose group is missing and say why. apt-get runs only when something is missing,
// with `apt-get update` once first, DEBIAN_FRONTEND=noninteractive and `sudo -n` when not root.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const GROUPS = {
  numpy: ['python3-numpy'],
  browser: ['chromium', 'fonts-noto-cjk'],
  'code-server': ['libkrb5-dev', 'pkg-config', 'ripgrep'],
};

/** Whether dpkg says the package is installed. */
export function isInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /\binstall ok installed\b/.test(r.stdout);
}

function missingOf(groups) {
  const missing = new Map();
  for (const g of groups) {
    const pkgs = GROUPS[g].filter((p) => !isInstalled(p));
    if (pkgs.length) missing.set(g, pkgs);
  }
  return missing;
}

function apt(args) {
  const asRoot = typeof process.getuid !== 'function' || process.getuid() === 0;
  const [cmd, cmdArgs] = asRoot ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]];
  console.log(`system-deps: ${[cmd, ...cmdArgs].join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0;
}

/**
 * Installs the packages of `groups` that are missing.
 * @param {string[]} [groups]
 * @returns {{ ok: boolean, missing: Map<string, string[]>, message: string }}
 */
export function ensureSystemDeps(groups = Object.keys(GROUPS)) {
  for (const g of groups) if (!GROUPS[g]) throw new Error(`system-deps: unknown group ${g} (${Object.keys(GROUPS).join(', ')})`);
  let missing = missingOf(groups);
  if (missing.size === 0) return { ok: true, missing, message: 'system packages: all installed' };
  if (process.platform !== 'linux' || spawnSync('dpkg-query', ['--version']).status !== 0) {
    return { ok: false, missing, message: `system packages: no dpkg/apt here; missing ${describe(missing)}` };
  }
  const pkgs = [...new Set([...missing.values()].flat())];
  console.log(`system-deps: installing ${pkgs.join(' ')}`);
  // One `apt-get update`, then one install; a failed update may still leave usable lists.
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...pkgs]);
  missing = missingOf(groups);
  if (missing.size === 0) return { ok: true, missing, message: `system packages: installed ${pkgs.join(' ')}` };
  return {
    ok: false,
    missing,
    message: `system packages: could not install ${describe(missing)} (run as root or with passwordless sudo: apt-get install -y ${[...new Set([...missing.values()].flat())].join(' ')})`,
  };
}

function describe(missing) {
  return [...missing].map(([g, p]) => `${p.join(' ')} (${g})`).join(', ');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const groups = process.argv.slice(2);
  const r = ensureSystemDeps(groups.length ? groups : undefined);
  console.log(r.message);
  process.exit(r.ok ? 0 : 1);
}
