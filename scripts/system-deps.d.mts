// Types of scripts/system-deps.mjs for the TypeScript tests.

export const GROUPS: Record<'numpy' | 'browser' | 'code-server', string[]>;
export function isInstalled(pkg: string): boolean;
export function ensureSystemDeps(groups?: string[]): { ok: boolean; missing: Map<string, string[]>; message: string };
