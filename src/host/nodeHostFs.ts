// The engine's read-only file access on Node: enough to import the learner's own modules.
import * as fs from 'node:fs';
import type { HostFS } from '../engine/api';

export const nodeHostFs: HostFS = {
  readFile(path: string): string | undefined {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      // Missing, a folder, or unreadable: to an import these all mean "no such module file".
      return undefined;
    }
  },
  isDirectory(path: string): boolean {
    try {
      return fs.statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      return false;
    }
  },
};
