// Journey — supervisor: 陈静 opens 向社会公布 on a plan not yet published whose 定期公布 was set before: the switch
// shows it on (the page loads the saved schedule), 保存 keeps it on, not a single request answers 404; she publishes
// a snapshot — the confirmation names the plan — and the list says what published it and who.
// Env: WEB_URL, PLAN_ID (a confirmed plan without snapshots, its schedule MONTHLY and on), PLAN_TITLE.
import { WEB_URL, journey, desk, login, shot, message, required, text, expectEqual } from './lib.mjs'

const planId = required('PLAN_ID')
const planTitle = required('PLAN_TITLE')

await journey('disclosure', async (browser, j) => {
  const page = await desk(browser, j)
  const notFound = []
  page.on('response', (response) => {
    if (response.status() === 404) notFound.push(response.url())
  })
  await login(page, j, 'chen.jing')
  // the header counts her unread notifications
  await page.getByTestId('unread-notifications').waitFor()

  await page.goto(`${WEB_URL}/supervisor/disclosure?plan=${planId}`)
  await page.getByRole('heading', { name: text('disclosure.title') }).waitFor()
  await page.getByTestId('plan-select').filter({ hasText: planTitle }).waitFor()
  const switchOn = page.locator('[data-testid="schedule-enabled"].is-checked')
  await switchOn.waitFor()
  await page.getByTestId('snapshots-table').getByText(text('common.none')).waitFor()
  await shot(page, j, 'schedule-loaded')

  await page.getByTestId('schedule-save').click()
  await message(page, 'common.saved')
  await page.reload()
  await switchOn.waitFor()

  await page.getByTestId('publish-snapshot').click()
  const confirm = page.locator('.el-message-box').filter({ hasText: planTitle })
  await confirm.waitFor()
  await shot(page, j, 'confirm-names-plan')
  await confirm.getByRole('button', { name: text('disclosure.publish') }).click()
  await message(page, 'disclosure.publishedOk')
  await page.getByTestId('snapshot-trigger').filter({ hasText: text('disclosure.triggers.MANUAL') }).waitFor()
  await page.getByTestId('snapshot-by').filter({ hasText: 'chen.jing' }).waitFor()
  await shot(page, j, 'published')
  expectEqual(notFound.length, 0, `requests answered 404 (${notFound.join(', ')})`)
})
