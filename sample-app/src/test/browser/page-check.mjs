// Drives the sample app's page in headless Chromium as a newcomer would, and fails on the first thing
// that does not show up as it should. Run by SamplePageBrowserIntegrationTests:
//   node page-check.mjs <app url> <screenshot folder> <chromium executable> <fresh profile folder> <data folder>
// The last step deletes the data folder's lock file, which fences the store: run it on a throwaway app.
// Prints 'page check passed' and exits 0, or prints what was missing and exits 1 (with failure.png).
import { mkdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [url, screenshots, executablePath, profile, dataDir] = process.argv.slice(2);
if (!dataDir) {
  console.error('usage: node page-check.mjs <app url> <screenshot folder> <chromium executable> <profile folder> <data folder>');
  process.exit(2);
}
mkdirSync(screenshots, { recursive: true });
mkdirSync(profile, { recursive: true });

const TIMEOUT = 30_000;
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1200, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(TIMEOUT);
const problems = [];
let outage = false;
page.on('pageerror', error => problems.push('page error: ' + error.message));
page.on('console', message => {
  // while the server is down on purpose, the browser logs each refused request
  // and a refused request (the taken email's 409, the fenced store's 503) is logged too: the page shows those
  if (message.type() === 'error' && !outage && !/status of (4\d\d|503)/.test(message.text())) {
    problems.push('console error: ' + message.text());
  }
});

let step = 0;
async function shot(name) {
  await page.screenshot({ path: join(screenshots, `${++step}-${name}.png`), fullPage: true });
}

/** Waits until the row of `table` that contains `text` is shown, and returns it. */
async function row(table, text) {
  const found = page.locator(`${table} tbody tr`, { hasText: text });
  await found.first().waitFor();
  return found.first();
}

async function expectText(selector, pattern) {
  await page.waitForFunction(([selector, source]) => {
    const element = document.querySelector(selector);
    return element && new RegExp(source).test(element.textContent);
  }, [selector, pattern.source]);
}

async function expectEmpty(formSelector) {
  const values = await page.locator(`${formSelector} input:not([type=hidden])`).evaluateAll(
    inputs => inputs.map(input => input.value));
  if (values.some(value => value !== '')) throw new Error(`${formSelector} was not reset after submit: ${values}`);
}

try {
  await page.goto(url);
  await row('#store', 'users');
  await expectText('#health', /UP/);
  await expectText('#storeState', /writable/);
  await shot('empty');

  // create two users
  const userForm = page.locator('#userForm');
  for (const [email, username, name] of [['ann@example.com', 'ann', 'Ann Lee'], ['bob@example.com', 'bob', 'Bob Stone']]) {
    await userForm.locator('[name=email]').fill(email);
    await userForm.locator('[name=username]').fill(username);
    await userForm.locator('[name=name]').fill(name);
    await userForm.getByRole('button', { name: 'Create user' }).click();
    await row('#users', email);
    await expectEmpty('#userForm');
  }
  await shot('users');

  // a taken email is refused with a message naming it
  await userForm.locator('[name=email]').fill('ann@example.com');
  await userForm.locator('[name=username]').fill('ann2');
  await userForm.getByRole('button', { name: 'Create user' }).click();
  await expectText('#message', /ann@example\.com.*already taken/);
  await shot('taken-email');
  await userForm.locator('[name=email]').fill('');
  await userForm.locator('[name=username]').fill('');

  // an order for Ann, listed with her name
  const orderForm = page.locator('#orderForm');
  await orderForm.locator('[name=userId]').selectOption({ label: 'Ann Lee (ann)' });
  await orderForm.locator('[name=total]').fill('19.90');
  await orderForm.locator('[name=status]').selectOption('PAID');
  await orderForm.getByRole('button', { name: 'Create order' }).click();
  const order = await row('#orders', 'Ann Lee');
  if (!/19\.9/.test(await order.textContent()) || !/PAID/.test(await order.textContent())) {
    throw new Error('the order row does not show its total and status: ' + await order.textContent());
  }
  await expectEmpty('#orderForm');
  await expectText('#message', /^$/);
  await shot('users-and-order');

  // edit Ann: the form fills in, the row shows the new name and version, and so does her order
  await (await row('#users', 'ann@example.com')).getByRole('button', { name: 'Edit' }).click();
  if (await userForm.locator('[name=email]').inputValue() !== 'ann@example.com') {
    throw new Error('Edit did not fill the form with the user');
  }
  await userForm.locator('[name=name]').fill('Ann Smith');
  await userForm.getByRole('button', { name: 'Save changes' }).click();
  const edited = await row('#users', 'Ann Smith');
  if (!/\b1\b/.test(await edited.locator('td.version').textContent())) {
    throw new Error('the edited user does not show version 1: ' + await edited.textContent());
  }
  await expectEmpty('#userForm');
  await userForm.getByRole('button', { name: 'Create user' }).waitFor();
  await row('#orders', 'Ann Smith');

  // a session for Ann
  await page.locator('#sessionForm [name=userId]').selectOption({ label: 'Ann Smith (ann)' });
  await page.locator('#sessionForm').getByRole('button', { name: 'Start session' }).click();
  await row('#sessions', 'Ann Smith');

  // delete Bob (the page asks first)
  page.once('dialog', dialog => dialog.accept());
  await (await row('#users', 'bob@example.com')).getByRole('button', { name: 'Delete' }).click();
  await page.locator('#users tbody tr', { hasText: 'bob@example.com' }).waitFor({ state: 'detached' });

  // the audit log shows what happened, newest first
  await row('#audit', 'user.deleted');
  await row('#audit', 'user.updated');
  const actions = await page.locator('#audit tbody td.action').allTextContents();
  if (actions.join(',') !== 'user.deleted,user.updated,user.created,user.created') {
    throw new Error('the audit log lists ' + actions);
  }
  await expectText('#health', /UP/);
  await shot('edited-deleted-session-audit');

  // the server stops answering: the page says so, then recovers by itself
  outage = true;
  await context.route('**/api/**', route => route.abort('connectionrefused'));
  await context.route('**/actuator/**', route => route.abort('connectionrefused'));
  await expectText('#message', /not answering/);
  await expectText('#health', /unreachable/);
  await shot('server-down');
  await context.unrouteAll();
  await expectText('#health', /UP/);
  await expectText('#message', /^$/);
  outage = false;

  // the store loses its lock file: it fences itself, and the page says it is read-only and why
  unlinkSync(join(dataDir, '_filestore.lock'));
  await expectText('#storeState', /Read-only \(fenced\).*lock file/);
  await expectText('#health', /DOWN/);
  await userForm.locator('[name=email]').fill('late@example.com');
  await userForm.locator('[name=username]').fill('late');
  await userForm.getByRole('button', { name: 'Create user' }).click();
  await expectText('#message', /read-only/);
  await shot('fenced');

  if (problems.length) throw new Error(problems.join('\n'));
  console.log(`page check passed: ${step} screenshots in ${screenshots}`);
  await context.close();
  process.exit(0);
} catch (error) {
  console.log('page check failed: ' + (error.stack || error));
  if (problems.length) console.log(problems.join('\n'));
  console.log('message shown: ' + await page.locator('#message').textContent().catch(() => '(none)'));
  await page.screenshot({ path: join(screenshots, 'failure.png'), fullPage: true }).catch(() => {});
  await context.close().catch(() => {});
  process.exit(1);
}
