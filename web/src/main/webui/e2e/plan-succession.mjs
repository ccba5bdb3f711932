// Journey 6 — supervisor: 陈静 opens 规划接续 for the new plan (a draft imported just before), links it to the plan it
// succeeds, reads the old plan's unfinished tasks, carries the first two over; in a second tab she carries a task the
// first tab has selected, so the first tab's carry-over is refused naming that task; she continues the indicators of the same
// name (the baseline shows its year and whether the figure is preliminary or revised); then the public succession page
// lists the published plans by period.
// Env: WEB_URL, PLAN_TITLE (the new plan), PREDECESSOR_TITLE and PREDECESSOR_ID (the plan it succeeds: other plans
// of the same title may exist, so it is chosen by its id).
import { journey, desk, login, shot, message, choose, required, text } from './lib.mjs'

const planTitle = required('PLAN_TITLE')
const predecessorTitle = required('PREDECESSOR_TITLE')
const predecessorId = required('PREDECESSOR_ID')

await journey('plan-succession', async (browser, j) => {
  const page = await desk(browser, j)
  await login(page, j, 'chen.jing')
  await page.getByTestId('menu-succession').click()
  await page.getByRole('heading', { name: text('succession.title'), level: 1 }).waitFor()
  await choose(page, 'plan-select', planTitle)

  await page.getByTestId('succession-predecessor-select').click()
  await page.getByTestId(`predecessor-option-${predecessorId}`).click()
  await shot(page, j, 'link')
  await page.getByTestId('succession-link').click()
  await message(page, 'common.saved')
  await page.getByTestId('succession-predecessor').getByText(predecessorTitle, { exact: false }).waitFor()
  await page.getByTestId('succession-final-evaluation').waitFor()

  const unfinished = page.getByTestId('succession-unfinished')
  const rows = unfinished.locator('tbody tr')
  await rows.first().waitFor()
  const before = await rows.count()
  await rows.nth(0).locator('.el-checkbox').click()
  await rows.nth(1).locator('.el-checkbox').click()
  await shot(page, j, 'unfinished-selected')
  await page.getByTestId('succession-carry').click()
  await message(page, 'common.saved')
  const decided = page.getByTestId('succession-decided')
  await decided.getByText(text('succession.decisions.CARRIED'), { exact: true }).nth(1).waitFor()
  if ((await rows.count()) !== before - 2) throw new Error(`${before - 2} unfinished tasks expected after carrying two over`)

  // two at one desk: a second tab carries a task this one has selected too; this one's request is refused as a whole,
  // naming that task and why, and carries nothing
  await rows.nth(0).locator('.el-checkbox').click()
  await rows.nth(1).locator('.el-checkbox').click()
  const chosen = (await rows.nth(0).locator('td').nth(1).innerText()).trim()
  const second = await page.context().newPage()
  j.pages.push(second)
  await second.goto(page.url())
  const secondRows = second.getByTestId('succession-unfinished').locator('tbody tr')
  await secondRows.first().waitFor()
  if ((await secondRows.nth(0).locator('td').nth(1).innerText()).trim() !== chosen) throw new Error('both tabs should list the same first task')
  await secondRows.nth(0).locator('.el-checkbox').click()
  await second.getByTestId('succession-carry').click()
  await message(second, 'common.saved')
  await second.close()
  await page.getByTestId('succession-carry').click()
  await page.getByTestId('succession-error').filter({ hasText: text('succession.refusedTitle', { n: 1 }) }).waitFor()
  const refusal = page.getByTestId('succession-refusal')
  await refusal.filter({ hasText: chosen }).filter({ hasText: text('succession.refusals.alreadyCarried') }).waitFor()
  if ((await refusal.count()) !== 1) throw new Error('only the task carried in the other tab should be refused')
  await shot(page, j, 'refused-naming-the-task')
  await page.reload()
  await rows.first().waitFor()

  await page.getByTestId('succession-continue').click()
  await message(page, 'common.saved')
  const continuations = page.getByTestId('succession-continuations')
  await continuations.getByText(text('succession.revisions.PRELIMINARY'), { exact: false }).first().waitFor()
  await shot(page, j, 'carried-and-continued')

  await page.goto(`${process.env.WEB_URL}/public/succession`)
  await page.getByRole('heading', { name: text('succession.public.title'), level: 1 }).waitFor()
  await page.getByTestId('public-plans-by-period').getByText(predecessorTitle, { exact: false }).first().waitFor()
  await shot(page, j, 'public-succession')
})
