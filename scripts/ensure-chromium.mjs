#!/usr/bin/env node
/**
 * `npm test` runs this first (pretest): the browser tests drive Debian's Chromium through
 * playwright-core and never download a browser. On a fresh Debian machine run as root (CI), it
 * installs Chromium and the Japanese fonts; elsewhere it says in one line what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const fonts = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const packages = ['chromium', 'fonts-noto-cjk'];

if (existsSync(chromium) && (process.env.CHROMIUM_PATH || existsSync(fonts))) process.exit(0);

if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.error(`installing ${packages.join(' and ')} for the browser tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  process.exit(0);
}
console.error(`madoguchi: the browser tests need Debian's Chromium and Japanese fonts: sudo apt-get install -y ${packages.join(' ')} (or set CHROMIUM_PATH)`);
process.exit(1);
