// Launches the Chromium the e2e suite uses (CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's
// own), with the same flags as playwright.config.ts (kept in step by hand: this runner is plain Node and cannot
// import that TypeScript file), and describes the machine it runs on.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright';

export const CHROMIUM_ARGS = [
  '--enable-unsafe-webgpu',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function executablePath() {
  return process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

export async function launch() {
  return chromium.launch({ executablePath: executablePath(), args: CHROMIUM_ARGS });
}

function osName() {
  try {
    const line = readFileSync('/etc/os-release', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('PRETTY_NAME='));
    if (line) return line.slice('PRETTY_NAME='.length).replace(/^"|"$/g, '');
  } catch {
    // not Linux, or no os-release
  }
  return `${os.type()} ${os.release()}`;
}

/** CPU, memory, OS and load: the load average matters because this machine is shared. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: osName(),
    kernel: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
  };
}
