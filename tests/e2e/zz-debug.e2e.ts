import { it } from 'vitest';
import { launchChromium } from './support/chromium';
import { startFixtureServer } from './support/server';
it('debug', async () => {
  const server = await startFixtureServer();
  const run = await launchChromium();
  const page = run.context.pages()[0] ?? (await run.context.newPage());
  page.on('console', (m) => console.log('PAGE', m.type(), m.text()));
  await page.goto(server.url('kapitel-1.html'));
  const probe = await run.openExtensionWindow('options.html');
  const sw = await run.worker();
  sw.on('console', (m) => console.log('SW', m.type(), m.text()));
  const popup = await run.openExtensionWindow('popup.html');
  await popup.getByRole('button', { name: 'Start 5-minute roll' }).click();
  await page.waitForTimeout(1500);
  console.log('overlay', await page.locator('rollbreak-timer').count());
  console.log(await probe.evaluate(() => Promise.all([chrome.storage.session.get(null), chrome.storage.local.get('e2eWakes')])));
  await page.addInitScript(() => {
      const seen: Array<string | null> = [];
      (window as unknown as { liveAtMount: typeof seen }).liveAtMount = seen;
      new MutationObserver(() => {
        const root = document.querySelector('rollbreak-timer')?.shadowRoot;
        if (root && seen.length === 0) seen.push(root.querySelector('[aria-live="polite"]')?.textContent ?? null);
      }).observe(document, { childList: true, subtree: true });
    });
  await page.getByRole('link', { name: 'Weiter zu Kapitel 2' }).click();
  await page.waitForTimeout(2500);
  console.log('overlay after', await page.locator('rollbreak-timer').count(), page.url(), await page.locator('rollbreak-timer').getByRole('button', { name: 'Skip' }).isVisible());
  console.log(await page.evaluate(() => document.querySelector('rollbreak-timer')?.shadowRoot?.innerHTML.slice(0, 500)));
  console.log(JSON.stringify(await probe.evaluate(() => Promise.all([chrome.storage.session.get(null), chrome.storage.local.get('e2eWakes')]))));
  await run.close(); await server.close();
});
