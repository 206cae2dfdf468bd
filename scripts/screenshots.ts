/**
 * The README's screenshots, made from the demo data: `npx tsx scripts/screenshots.ts` (after
 * `npm run build`). A fresh embedded database in a temporary directory gets the demo history
 * (`madoguchi demo generate`) and three accounts of its own; `madoguchi serve` runs on a free
 * port, and Debian's Chromium (CHROMIUM_PATH, else /usr/bin/chromium, through playwright-core)
 * captures the counter, the hotline, the supervisor's dashboard and the resident guide on a phone
 * into docs/screenshots/. Nothing is downloaded; the temporary directory is removed afterwards.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'madoguchi.mjs');
const OUT = path.join(ROOT, 'docs', 'screenshots');
const PASSWORD = 'screenshots password 2026';

function cli(env: NodeJS.ProcessEnv, args: string[], input?: string): void {
  const run = spawnSync(process.execPath, [BIN, ...args], { env, input, encoding: 'utf8', stdio: ['pipe', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`madoguchi ${args.join(' ')} failed`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/signin');
  await page.locator('#field-username').fill(username);
  await page.locator('#field-password').fill(PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'madoguchi-screenshots-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', MADOGUCHI_DEMO: '0' };
cli(env, ['demo', 'generate', '--residents', '60']);
for (const [username, role, office] of [
  ['screenshots.clerk', 'clerk', 'honcho'],
  ['screenshots.hotline', 'hotline', 'hotline'],
  ['screenshots.supervisor', 'supervisor', 'honcho'],
] as const) {
  cli(env, ['user', 'add', username, '--role', role, '--office', office, '--password-stdin'], `${PASSWORD}\n`);
}
const port = await freePort();
const server = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'inherit', 'inherit'] });
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (let attempt = 0; attempt < 1200 && !(await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false)); attempt++) await new Promise((r) => setTimeout(r, 100));
  mkdirSync(OUT, { recursive: true });
  const desk = async () => {
    const context = await browser.newContext({ baseURL: base, locale: 'ja-JP', viewport: { width: 1280, height: 860 } });
    return { context, page: await context.newPage() };
  };

  // The counter: a search as the clerk types, then the resident with their card and history.
  {
    const { context, page } = await desk();
    await signIn(page, 'screenshots.clerk');
    await page.goto('/residents');
    await page.getByLabel('氏名（カナまたは漢字）').fill('タ');
    await page.locator('section.results tbody tr').first().waitFor();
    await page.screenshot({ path: path.join(OUT, 'counter-search.png') });
    // A resident with a card in use: among those of the city's address, the first whose card is 有効.
    await page.getByLabel('氏名（カナまたは漢字）').fill('');
    await page.getByLabel('住所', { exact: true }).fill('江戸川区');
    await page.locator('section.results tbody tr', { hasText: '有効' }).first().locator('a').click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'マイナンバーカード', exact: true }).waitFor();
    await page.screenshot({ path: path.join(OUT, 'counter-resident.png'), fullPage: true });
    await context.close();
  }
  // The hotline: a caller's card found by kana and birth date.
  {
    const { context, page } = await desk();
    await signIn(page, 'screenshots.hotline');
    await page.goto('/hotline');
    await page.getByLabel('お名前（カナ）').fill('タナカ');
    await page.locator('section.results tbody tr').first().waitFor();
    await page.screenshot({ path: path.join(OUT, 'hotline.png') });
    await context.close();
  }
  // The supervisor's dashboard.
  {
    const { context, page } = await desk();
    await signIn(page, 'screenshots.supervisor');
    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(OUT, 'dashboard.png'), fullPage: true });
    await context.close();
  }
  // The resident guide on a phone.
  {
    const context = await browser.newContext({ baseURL: base, locale: 'ja-JP', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto('/guide');
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(OUT, 'guide-phone.png') });
    await context.close();
  }
  console.log(`screenshots in ${path.relative(ROOT, OUT)}/`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
