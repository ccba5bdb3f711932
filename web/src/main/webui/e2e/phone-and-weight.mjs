// Journey 6 — the weight of a first public visit, and 李娜 (staff, 海淀区) on her phone.
// 1. An anonymous first visit of the public home with an empty cache: the bytes transferred and the time until the
//    published progress shows are logged (FIRST_VISIT_BYTES, FIRST_VISIT_MS; never asserted: speed is not a test);
//    asserted is that the app's scripts and styles come compressed, cached for good under their hashed names, and
//    index.html asked for again each time.
// 2. At 375 px: 我的待办, 本部门任务, the task page, 台账 and 消息通知 are no wider than the screen, and the due dates
//    are on it; the filters are folded away and the date pickers fit.
// Env: WEB_URL, PLAN_ID and PLAN_TITLE (a plan with a published snapshot, named in the link as a later plan may be
// published too), TASK_TITLE (a task of haidian with a report item).
import { journey, desk, login, shot, required, text, WEB_URL, PHONE } from './lib.mjs'

const planId = required('PLAN_ID')
const planTitle = required('PLAN_TITLE')
const taskTitle = required('TASK_TITLE')
const WIDTH = PHONE.viewport.width

await journey('phone-and-weight', async (browser, j) => {
  await firstVisit(browser, j)
  await onThePhone(browser, j)
})

async function firstVisit(browser, j) {
  const page = await desk(browser, j)
  // the bytes as they came over the wire (compressed, headers included), from Chromium's own accounting
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  const requests = new Map()
  cdp.on('Network.responseReceived', (e) => requests.set(e.requestId, { url: e.response.url, headers: lower(e.response.headers) }))
  let bytes = 0
  let appBytes = 0
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength
    if (requests.get(e.requestId)?.url.startsWith(WEB_URL)) appBytes += e.encodedDataLength
  })
  const started = Date.now()
  await page.goto(`${WEB_URL}/?plan=${planId}`)
  await page.getByRole('heading', { name: planTitle }).waitFor()
  await page.getByTestId('public-chapter-chart').locator('canvas').first().waitFor()
  const ms = Date.now() - started
  await page.waitForLoadState('networkidle')
  console.log(`FIRST_VISIT_BYTES=${bytes}`)
  console.log(`FIRST_VISIT_APP_BYTES=${appBytes}`)
  console.log(`FIRST_VISIT_MS=${ms}`)
  console.log(`first public visit: ${(bytes / 1024).toFixed(0)} KB transferred (the web app's own files ${(appBytes / 1024).toFixed(0)} KB), published progress shown after ${ms} ms`)
  await page.getByTestId('lights-legend').waitFor()
  await shot(page, j, 'first-visit')

  const ours = [...requests.values()].filter((r) => r.url.startsWith(WEB_URL))
  const assets = ours.filter((r) => /\/assets\/[^?]+\.(js|css)$/.test(r.url))
  if (assets.length < 2) throw new Error(`expected the app's scripts and styles under /assets/, saw ${ours.map((r) => r.url).join(', ')}`)
  for (const a of assets) {
    if (!/^(gzip|br)$/.test(a.headers['content-encoding'] || '')) throw new Error(`${a.url} came uncompressed (content-encoding ${a.headers['content-encoding']})`)
    if (!/immutable/.test(a.headers['cache-control'] || '')) throw new Error(`${a.url} is not cached as immutable (cache-control ${a.headers['cache-control']})`)
  }
  const shell = ours.find((r) => new URL(r.url).pathname === '/')
  if (!/no-cache/.test(shell?.headers['cache-control'] || '')) throw new Error(`index.html may be cached (cache-control ${shell?.headers['cache-control']})`)
  await page.context().close()
}

async function onThePhone(browser, j) {
  const page = await desk(browser, j, PHONE)
  await login(page, j, 'li.na')
  await page.getByRole('heading', { name: text('inbox.title') }).waitFor()
  const card = page.getByTestId('inbox-cards').locator('li.card').filter({ hasText: taskTitle }).first()
  await card.waitFor()
  await visible(card.getByTestId('inbox-due'), 'the due date on the inbox card')
  // the filters are folded: the list is on the first screen
  if (await page.getByTestId('inbox-search').isVisible()) throw new Error('the inbox filters are open on a phone')
  const box = await card.boundingBox()
  if (!box || box.y > PHONE.viewport.height) throw new Error(`the first inbox card is below the first screen (y ${box?.y})`)
  await fits(page, 'inbox')
  await shot(page, j, 'phone-inbox')
  await page.getByTestId('inbox-filters-toggle').click()
  await page.getByTestId('inbox-search').waitFor()
  // a date picker's panel fits the phone
  await page.locator('[data-testid=date-range-from] input').click()
  const panel = page.locator('.el-picker-panel:visible').first()
  await panel.waitFor()
  const panelBox = await panel.boundingBox()
  if (panelBox.width > WIDTH || panelBox.x < 0 || panelBox.x + panelBox.width > WIDTH + 1) {
    throw new Error(`the date picker is ${panelBox.width} px wide at x ${panelBox.x}, wider than the phone`)
  }
  await shot(page, j, 'phone-inbox-filters')
  await page.keyboard.press('Escape')
  await fits(page, 'inbox with its filters open')

  await page.getByRole('tab', { name: text('inbox.tasksTab') }).click()
  const taskCard = page.getByTestId('tasks-cards').locator('li.card').filter({ hasText: taskTitle }).first()
  await taskCard.waitFor()
  await visible(taskCard.getByTestId('task-due'), 'the due date on the task card')
  await fits(page, 'the department\'s tasks')
  await shot(page, j, 'phone-tasks')

  await taskCard.getByTestId('task-row').click()
  await page.getByTestId('task-title').filter({ hasText: taskTitle }).waitFor()
  await fits(page, 'the task page')
  await shot(page, j, 'phone-task')

  await page.goto(`${WEB_URL}/supervisor/ledger`)
  await page.getByRole('heading', { name: text('ledger.title') }).waitFor()
  const ledger = page.getByTestId('ledger-cards')
  await ledger.waitFor()
  // the plan shown first is the service's choice: its tasks as cards, or the line saying there are none
  await ledger.locator('li.card').or(page.getByTestId('ledger-empty')).first().waitFor()
  if (await ledger.locator('li.card').count()) await visible(ledger.getByTestId('ledger-due').first(), 'the due date on the ledger card')
  await fits(page, 'the ledger')
  await shot(page, j, 'phone-ledger')

  await page.goto(`${WEB_URL}/notifications`)
  await page.getByRole('heading', { name: text('notifications.title') }).waitFor()
  await fits(page, 'the notifications')
  await shot(page, j, 'phone-notifications')
}

function lower(headers) {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
}

async function visible(locator, what) {
  await locator.waitFor()
  const box = await locator.boundingBox()
  if (!box || box.x < 0 || box.x + box.width > WIDTH + 1) throw new Error(`${what} is off the screen (${JSON.stringify(box)})`)
  if (!(await locator.innerText()).trim()) throw new Error(`${what} is empty`)
}

// Nothing of the page is wider than the phone: no sideways scrolling of the whole page.
async function fits(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  if (width > WIDTH) {
    const wide = await page.evaluate((w) => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 1 && e.getClientRects().length)
      .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`), WIDTH)
    throw new Error(`${what} is ${width} px wide on a ${WIDTH} px phone: ${wide.join(', ')}`)
  }
}
