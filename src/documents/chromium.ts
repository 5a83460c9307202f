import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { ChromiumUnavailableError } from '../errors/chromium-unavailable-error';

/** Debian's chromium, or the executable NIANBAO_CHROMIUM names; playwright never downloads a browser. */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string {
  return env.NIANBAO_CHROMIUM || '/usr/bin/chromium';
}

export function hasChromium(env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(chromiumExecutable(env));
}

export const CHROMIUM_INSTALL_HINT = 'install it with `apt-get install chromium fonts-noto-cjk` (Debian), or set NIANBAO_CHROMIUM to a Chromium executable';

// Root in a container has no user namespace for the sandbox; the pages are the gateway's own documents with scripts off.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts headless Chromium, or throws ChromiumUnavailableError naming what to install. */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const executablePath = chromiumExecutable(env);
  if (!hasChromium(env)) throw new ChromiumUnavailableError(`PDF needs Chromium and there is none at ${executablePath}: ${CHROMIUM_INSTALL_HINT}`);
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new ChromiumUnavailableError(`PDF needs Chromium and ${executablePath} did not start (${reason}): ${CHROMIUM_INSTALL_HINT}`);
  }
}
