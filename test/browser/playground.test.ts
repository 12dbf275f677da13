import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { defaultPhoneKnowledge } from '../../bot/knowledge/phone';
import { startLocalStack, type LocalStack } from '../../scripts/local-stack';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);

/** Only the machine's own servers: the Playground page also asks a CDN for fonts and scripts it can do without. */
async function localOnly(page: Page): Promise<void> {
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
  });
}

/** The answer labels that lead the site checks to the VLAN / DHCP / cabling cause. */
const VLAN_PATH = vlanPath();

function vlanPath(): string[] {
  const tree = defaultPhoneKnowledge.tree;
  const walk = (id: string): string[] | undefined => {
    for (const a of tree.questions.find((q) => q.id === id)?.answers ?? []) {
      if (a.conclusion === 'vlan-dhcp-cabling') return [a.label.en];
      const rest = a.next ? walk(a.next) : undefined;
      if (rest) return [a.label.en, ...rest];
    }
    return undefined;
  };
  return walk(tree.root) ?? [];
}

/** Types a message that @mentions the bot (channels only deliver mentions) in the newest thread's reply box. */
async function sayInThread(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-lexical-editor="true"][role="textbox"]').last();
  await box.click();
  await page.keyboard.type('@Helpd');
  await page.getByRole('menuitem', { name: 'Helpdesk Bot' }).click();
  await page.keyboard.type(` ${text}`);
  await page.keyboard.press('Enter');
}

describe('@browser Agents Playground in Chromium', function () {
  this.timeout(120_000);
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;

  const dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-browser-'));

  before(async function () {
    if (!CHROMIUM)
      throw new Error('Chromium is missing: run "apt-get install chromium" or set CHROMIUM_PATH.');
    stack = await startLocalStack({
      playground: true,
      playgroundPort: 0,
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        GRAPH_EMULATOR_PORT: '0',
        DATA_DIR: dataDir,
        HELPDESK_GROUP_ID: 'f0000000-0000-4000-8000-000000000001',
        // The whole repair in seconds: the 8 h wait becomes 3 s, the emulator's purge likewise.
        LICENCE_WAIT_MIN: 'PT3S',
        LICENCE_WAIT_MAX: 'PT30S',
        EMULATOR_PURGE_AFTER: 'PT3S',
        EMULATOR_OPERATION_DURATION: 'PT1S',
        VERIFY_POLL_INTERVAL: 'PT1S',
        OPERATION_POLL_INTERVAL: 'PT1S',
        SCHEDULER_POLL_INTERVAL: 'PT0.2S',
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
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1300, height: 1200 } });
    await localOnly(page);
    await page.goto(stack.playgroundUrl ?? '', { waitUntil: 'domcontentloaded' });
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('diagnoses Room 4B from a channel thread and opens a repair case from the card', async () => {
    await page.getByText('Helpdesk', { exact: true }).first().click();
    // The welcome card starts a thread; replies inside an existing thread are what the Playground shows reliably.
    await page
      .locator('.ac-adaptiveCard', { hasText: 'Helpdesk assistant' })
      .first()
      .waitFor({ timeout: 20_000 });
    await sayInThread(page, 'room 4B stuck on licence');
    const diagnosis = page.locator('.ac-adaptiveCard', { hasText: '5.2.115.0' }).first();
    await diagnosis.waitFor({ timeout: 20_000 });
    const text = await diagnosis.innerText();
    assert.match(text, /Room 4B/);
    assert.match(text, /licence bug/);
    await diagnosis.getByRole('button', { name: 'Start the licence repair' }).click();
    const caseCard = page.locator('.ac-adaptiveCard', { hasText: 'Nothing has been changed yet' }).first();
    await caseCard.waitFor({ timeout: 20_000 });
    assert.match(await caseCard.innerText(), /Waiting for confirmation/);
    assert.ok(await caseCard.getByRole('button', { name: 'Remove the licence now' }).isVisible());
  });

  it('walks the whole repair of Room 4B: remove, wait, reassign, restart, verified', async () => {
    const caseCard = page.locator('.ac-adaptiveCard', { hasText: 'Case 1 · Room 4B' }).last();
    await caseCard.getByRole('button', { name: 'Remove the licence now' }).click();
    // The card is updated in place for everyone as the case moves on; the wait ends by itself.
    await page
      .locator('.ac-adaptiveCard', { hasText: 'Ready to reassign' })
      .first()
      .waitFor({ timeout: 30_000 });
    await page
      .getByText(/the licence can be reassigned now/i)
      .first()
      .waitFor({ timeout: 30_000 });
    const ready = page.locator('.ac-adaptiveCard', { hasText: 'Ready to reassign' }).first();
    await ready.getByRole('button', { name: /^Reassign / }).click();
    await page.locator('.ac-adaptiveCard', { hasText: 'Resolved' }).first().waitFor({ timeout: 45_000 });
    await page.screenshot({ path: join(tmpdir(), 'helpdesk-playground-resolved.png') });
  });

  it('answers in French in the same thread', async () => {
    await sayInThread(page, 'salle 2C bloquée licence');
    const card = page.locator('.ac-adaptiveCard', { hasText: 'Room 2C' }).first();
    await card.waitFor({ timeout: 20_000 });
    assert.match(await card.innerText(), /licence utilisateur/i);
  });

  it("takes Alice's CCX 500 from the first message to a fix: site checks, hand-off, firmware update, test calls", async () => {
    await sayInThread(page, "Alice's CCX 500 says no internet");
    const diagnosis = page.locator('.ac-adaptiveCard', { hasText: '7.1.3.0991' }).first();
    await diagnosis.waitFor({ timeout: 20_000 });
    assert.match(await diagnosis.innerText(), /Alice Martin/);
    await diagnosis.getByRole('button', { name: 'Open a case' }).click();
    const question = page.locator('.ac-adaptiveCard', { hasText: 'Site checks' }).last();
    await question.waitFor({ timeout: 20_000 });

    // Answer as the person at the phone would, down to the VLAN / DHCP cause.
    for (const label of VLAN_PATH) {
      const card = page.locator('.ac-adaptiveCard', { hasText: /Case \d+ · Alice Martin/ }).last();
      await card.getByRole('button', { name: label, exact: true }).click();
      await page.waitForTimeout(300);
    }
    const concluded = page.locator('.ac-adaptiveCard', { hasText: 'Probable cause' }).last();
    await concluded.waitFor({ timeout: 20_000 });
    await concluded.getByRole('button', { name: 'Network hand-off' }).click();
    const handoff = page.locator('.ac-adaptiveCard', { hasText: 'Network hand-off' }).last();
    await handoff.waitFor({ timeout: 20_000 });
    assert.match(await handoff.innerText(), /10\.20\.3\.41/);

    // The network team fixed the switch port: the phone is back online, so the update can run.
    const res = await fetch(`${stack.emulator.url}/_emulator/devices/d0000000-0000-4000-8000-000000001001`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ online: true }),
    });
    assert.equal(res.status, 200);
    const caseCard = page.locator('.ac-adaptiveCard', { hasText: 'Probable cause' }).last();
    await caseCard.getByRole('button', { name: 'Update firmware' }).click();
    const confirm = page.locator('.ac-adaptiveCard', { hasText: '8.1.4.1250' }).last();
    await confirm.getByRole('button', { name: 'Update now' }).click();
    const testCard = page.locator('.ac-adaptiveCard', { hasText: 'Test the phone' }).last();
    await testCard.waitFor({ timeout: 45_000 });
    await testCard.getByRole('button', { name: 'It works: close' }).click();
    await page
      .locator('.ac-adaptiveCard', { hasText: /Case \d+ · Alice Martin/ })
      .filter({ hasText: 'Resolved' })
      .first()
      .waitFor({ timeout: 20_000 });
  });
});
