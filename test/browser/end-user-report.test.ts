import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../scripts/local-stack';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);
const HELPDESK_CHANNEL = '19:6f1d0c2b8a9e4d7f9b3c5a2e1d0f8b7c@thread.tacv2';

describe('@browser an end user reports Room 4B in a 1:1 chat (Agents Playground, Chromium)', function () {
  this.timeout(120_000);
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  before(async function () {
    if (!CHROMIUM)
      throw new Error('Chromium is missing: run "apt-get install chromium" or set CHROMIUM_PATH.');
    dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-browser-'));
    stack = await startLocalStack({
      playground: true,
      playgroundPort: 0,
      // Léo Dupont is not in the helpdesk group: what he writes to the bot is a report.
      playgroundUser: 'user-leo',
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        GRAPH_EMULATOR_PORT: '0',
        DATA_DIR: dataDir,
        HELPDESK_GROUP_ID: 'f0000000-0000-4000-8000-000000000001',
        HELPDESK_CONVERSATION_ID: HELPDESK_CHANNEL,
      },
      logger: pino({ level: 'silent' }),
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1300, height: 1200 } });
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
    });
    await page.goto(stack.playgroundUrl ?? '', { waitUntil: 'domcontentloaded' });
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens a case from the report and starts a thread with the diagnosis in the helpdesk channel', async () => {
    // The bot's welcome in the channel is what tells it how to write there.
    await page.getByText('Helpdesk', { exact: true }).first().click();
    await page
      .locator('.ac-adaptiveCard', { hasText: 'Helpdesk assistant' })
      .first()
      .waitFor({ timeout: 20_000 });

    await page.getByText('Personal Chat', { exact: true }).first().click();
    const box = page.locator('[data-lexical-editor="true"][role="textbox"]').last();
    await box.click();
    await page.keyboard.type('the screen in room 4B says licence error');
    await page.keyboard.press('Enter');
    const confirm = page.locator('.ac-adaptiveCard', { hasText: 'Report a problem with Room 4B' }).last();
    await confirm.waitFor({ timeout: 20_000 });
    await confirm.getByRole('button', { name: 'Yes, report it' }).click();
    const opened = page.locator('.ac-adaptiveCard', { hasText: /Case \d+ is open for Room 4B/ }).last();
    await opened.waitFor({ timeout: 20_000 });

    await page.getByText('Helpdesk', { exact: true }).first().click();
    const thread = page.locator('.ac-adaptiveCard', { hasText: 'Reported by Léo Dupont' }).first();
    await thread.waitFor({ timeout: 20_000 });
    const text = await thread.innerText();
    assert.match(text, /Room 4B/);
    assert.match(text, /5\.2\.115\.0/);
    await page.screenshot({ path: join(tmpdir(), 'helpdesk-playground-report.png') });
  });
});
