// Journey 3 — supervisor: 陈静 imports the plan document (upload → preview → confirm), goes on to 任务交办 and assigns
// the first task to 海淀区, sending it to the department's inbox. Runs in Chinese, and in English (JOURNEY_LANG=en).
// Env: WEB_URL, PLAN_FILE (a plan document not imported before), LEAD_LABEL (海淀区's name in the journey's language).
// Prints ASSIGNED_TASK_ID=<id> and IMPORTED_PLAN_ID=<id> for the test to check through the API.
import { basename } from 'node:path'
import { journey, desk, login, shot, message, choose, required, text, prefix, LANG } from './lib.mjs'

const planFile = required('PLAN_FILE')
const leadLabel = required('LEAD_LABEL')

await journey('plan-import', async (browser, j) => {
  const page = await desk(browser, j)
  await login(page, j, 'chen.jing')
  // the app is in the journey's language: the menu says so
  await page.getByTestId('menu-import').getByText(text('menu.import'), { exact: true }).waitFor()
  await page.getByTestId('language-switch').getByText(text(`languages.${LANG}`), { exact: true }).waitFor()

  await page.getByTestId('menu-import').click()
  await page.getByRole('heading', { name: text('import.title') }).waitFor()
  await page.getByTestId('import-file').setInputFiles(planFile)
  await page.getByTestId('import-preview').click()
  const preview = page.getByTestId('import-preview-result')
  await preview.waitFor()
  // "{chapters} 章、{sections} 节、{tasks} 项任务、{indicators} 项指标" with the numbers the server counted
  const counts = await page.getByTestId('import-counts').innerText()
  const pattern = new RegExp('^' + text('import.counts').replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '(\\d+)') + '$')
  const numbers = pattern.exec(counts.trim())
  if (!numbers) throw new Error(`the preview's counts "${counts}" do not read as ${text('import.counts')}`)
  if (Number(numbers[3]) < 10) throw new Error(`the preview finds only ${numbers[3]} tasks in ${basename(planFile)}`)
  await preview.getByText(prefix('import.existing')).waitFor({ state: 'detached' })
  await shot(page, j, 'preview')

  await page.getByTestId('import-confirm').click()
  await message(page, 'import.confirmed')
  const done = page.getByTestId('import-done')
  await done.getByText(prefix('import.done')).waitFor()
  await shot(page, j, 'imported')

  await done.getByTestId('import-go-assign').click()
  await page.getByRole('heading', { name: text('assign.title') }).waitFor()
  const planId = new URL(page.url()).searchParams.get('planId')
  const first = page.getByTestId('assign-table').getByTestId('bulk-select').first()
  await first.waitFor()
  const taskId = await first.getAttribute('data-task-id')
  await first.click()
  await choose(page, 'assign-lead', leadLabel)
  await page.getByTestId('assign-submit').getByText(text('assign.submit', { n: 1 })).waitFor()
  await shot(page, j, 'assign-form')
  await page.getByTestId('assign-submit').click()
  await message(page, 'assign.done', { n: 1 })
  const outcomes = page.getByTestId('assign-outcomes')
  // both steps of the one task: assigned in task-service and sent to the lead's inbox
  await outcomes.locator('.el-tag').filter({ hasText: text('common.ok') }).nth(1).waitFor()
  if (await outcomes.locator('.el-tag').filter({ hasText: text('common.failed') }).count()) {
    throw new Error(`an assignment step failed: ${await outcomes.innerText()}`)
  }
  await shot(page, j, 'assigned')
  console.log(`IMPORTED_PLAN_ID=${planId}`)
  console.log(`ASSIGNED_TASK_ID=${taskId}`)
})
