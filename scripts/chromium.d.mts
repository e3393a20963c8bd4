// Types of scripts/chromium.mjs for the TypeScript tests.
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM: string;
export const CHROMIUM_FLAGS: string[];
export function chromiumSkipReason(): string | undefined;
export function launchChromium(options?: { viewport?: { width: number; height: number } }): Promise<{
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}>;
