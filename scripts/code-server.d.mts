// Types of scripts/code-server.mjs for the TypeScript tests.

export const ROOT: string;
export const CODE_SERVER_VERSION: string;
export const CACHE_DIR: string;
export const ENTRY: string;
export const DEFAULT_SETTINGS: Record<string, unknown>;

export class CodeServerUnavailable extends Error {}

export function ensureCodeServer(options?: { quiet?: boolean }): Promise<{ entry: string; version: string; installed: boolean }>;
export function freePort(): Promise<number>;
/** Why a real VS Code cannot run here (after installing what it can), or undefined. */
export function realVsCodeSkipReason(): Promise<string | undefined>;
export function installExtension(vsix: string, options: { extensionsDir: string; userDataDir?: string }): Promise<string>;

export interface CodeServer {
  url: string;
  port: number;
  pid: number;
  extensionsDir: string;
  userDataDir: string;
  /** What it printed so far. */
  output(): string;
  /** Stops its process group and removes its temp folder. */
  stop(): Promise<void>;
}

export function startCodeServer(options?: {
  folder?: string;
  port?: number;
  extensionsDir?: string;
  userDataDir?: string;
  settings?: Record<string, unknown>;
  args?: string[];
  verbose?: boolean;
  timeoutMs?: number;
}): Promise<CodeServer>;

export function workbenchUrl(options: {
  port: number;
  folder?: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  payload?: [string, string][];
}): string;
