// Drives the FileStore console (filestore.console.enabled=true) in headless Chromium as an operator
// would, and fails on the first thing that does not show up as it should. Run by
// ConsoleBrowserIntegrationTests:
//   node console-check.mjs <app url> <console path> <screenshot folder> <chromium executable> <fresh profile folder>
// It writes users through the app's own API (/api/users) before and while the console is open.
// Prints 'console check passed' and exits 0, or prints what was missing and exits 1 (with failure.png).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [appUrl, consolePath, screenshots, executablePath, profile] = process.argv.slice(2);
if (!profile) {
  console.error('usage: node console-check.mjs <app url> <console path> <screenshot folder> <chromium executable> <profile folder>');
  process.exit(2);
}
mkdirSync(screenshots, { recursive: true });
mkdirSync(profile, { recursive: true });

const TIMEOUT = 30_000;
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(TIMEOUT);
const problems = [];
let refusalExpected = false;
page.on('pageerror', error => problems.push('page error: ' + error.message));
page.on('console', message => {
  // the browser logs the refused query's 400 as an error too: the page shows that one
  if (message.type() === 'error' && !(refusalExpected && /status of 400/.test(message.text()))) {
    problems.push('console error: ' + message.text());
  }
});

let step = 0;
async function shot(name) {
  await page.screenshot({ path: join(screenshots, `${++step}-${name}.png`), fullPage: true });
}

async function expectText(selector, pattern) {
  await page.waitForFunction(([selector, source]) => {
    const element = document.querySelector(selector);
    return element && new RegExp(source).test(element.textContent);
  }, [selector, pattern.source]);
}

/** Creates a user through the app's own API, as the app's users would; returns its id. */
async function createUser(email, username, name) {
  const response = await context.request.post(new URL('/api/users', appUrl).toString(),
    { data: { email, username, name } });
  if (!response.ok()) throw new Error(`POST /api/users answered ${response.status()}: ${await response.text()}`);
  return (await response.json()).id;
}

try {
  const annId = await createUser('ann@example.com', 'ann', 'Ann Lee');
  await createUser('bob@example.com', 'bob', 'Bob Stone');

  // the console lists the collections with their counts and indexes, and is connected for live changes
  await page.goto(new URL(consolePath + '/', appUrl).toString());
  const users = page.locator('#collections tbody tr', { hasText: 'users' });
  await users.waitFor();
  await expectText('#collections', /users\s*2/);
  await expectText('#collections', /email \(unique\): 2 keys/);
  await expectText('#live', /connected/);
  await expectText('#store', /OPEN/);
  await shot('collections');

  // browse: open the users collection, then Ann's record as formatted JSON
  await users.click();
  await page.locator('#records li button', { hasText: annId }).click();
  await expectText('#recordTitle', new RegExp(`users / ${annId}`));
  const record = await page.locator('#record').textContent();
  if (!/\n {2}"email" : "ann@example\.com"|\n {2}"email": "ann@example\.com"/.test(record)) {
    throw new Error('the record is not shown as formatted JSON: ' + record);
  }
  await shot('record');

  // a query on the unique email: the plan says the index answers it, with the timing and the one row
  const condition = page.locator('#conditions .condition').first();
  await condition.locator('[name=field]').fill('email');
  await condition.locator('[name=op]').selectOption('eq');
  await condition.locator('[name=value]').fill('bob@example.com');
  await page.getByRole('button', { name: 'Run query' }).click();
  await expectText('#plan', /^index lookup/);
  await expectText('#timing', /1 row\(s\) in \d+\.\d{3} ms/);
  await expectText('#results tbody', /bob@example\.com/);
  await shot('query-plan');

  // a query on a field without an index scans, and a sort orders the rows
  await condition.locator('[name=field]').fill('name');
  await condition.locator('[name=op]').selectOption('startsWith');
  await condition.locator('[name=value]').fill('Bo');
  await page.locator('#queryForm [name=sortField]').fill('username');
  await page.getByRole('button', { name: 'Run query' }).click();
  await expectText('#plan', /^full scan/);
  await shot('query-scan');

  // a condition the server cannot run is refused with its message
  refusalExpected = true;
  await condition.locator('[name=op]').selectOption('gt');
  await condition.locator('[name=value]').fill('null');
  await page.getByRole('button', { name: 'Run query' }).click();
  await expectText('#queryMessage', /the condition on 'name' needs a value/);
  refusalExpected = false;

  // a user written through the app's API shows up live: in the change list, the count and the record list
  const carolId = await createUser('carol@example.com', 'carol', 'Carol King');
  await expectText('#changes', new RegExp(`CREATED users/${carolId}`));
  await expectText('#collections', /users\s*3/);
  await page.locator('#records li button', { hasText: carolId }).waitFor();
  await shot('live-change');

  // the app's own writes include its audit log: the console sees every collection's changes
  await expectText('#changes', /CREATED auditLogs\//);

  if (problems.length) throw new Error(problems.join('\n'));
  console.log(`console check passed: ${step} screenshots in ${screenshots}`);
  await context.close();
  process.exit(0);
} catch (error) {
  console.log('console check failed: ' + (error.stack || error));
  if (problems.length) console.log(problems.join('\n'));
  await page.screenshot({ path: join(screenshots, 'failure.png'), fullPage: true }).catch(() => {});
  await context.close().catch(() => {});
  process.exit(1);
}
