// Journey 1 — staff: 李娜 of 海淀区 logs in, opens the report item of her department's milestone from 我的待办,
// writes the progress, attaches evidence and sends it for review.
// Env: WEB_URL, TASK_TITLE (a task of haidian, accepted, with an open milestone), MILESTONE_TITLE, EVIDENCE_FILE.
import { basename } from 'node:path'
import { journey, desk, login, shot, message, untilShown, required, text, field } from './lib.mjs'

const taskTitle = required('TASK_TITLE')
const milestoneTitle = required('MILESTONE_TITLE')
const evidenceFile = required('EVIDENCE_FILE')
const reportText = process.env.REPORT_TEXT || '试验线主体工程已完工，设备安装调试完成过半。'

await journey('staff-report', async (browser, j) => {
  const page = await desk(browser, j)
  await login(page, j, 'li.na')
  await page.getByRole('heading', { name: text('inbox.title') }).waitFor()
  const row = page.getByTestId('inbox-row').filter({ hasText: taskTitle })
  await untilShown(page, row, `the report item of "${taskTitle}" in 我的待办`)
  await shot(page, j, 'inbox')

  await row.first().click()
  await page.getByTestId('task-title').filter({ hasText: taskTitle }).waitFor()
  await page.getByRole('heading', { name: `${text('report.title')}: ${milestoneTitle}` }).waitFor()
  await field(page, 'report-text').fill(reportText)
  await field(page, 'report-percent').fill('60')
  await field(page, 'report-percent').press('Tab')
  await page.getByTestId('evidence-file').setInputFiles(evidenceFile)
  await page.getByTestId('evidence-attached').filter({ hasText: basename(evidenceFile) }).waitFor()
  await shot(page, j, 'report-filled')

  await page.getByTestId('report-submit').click()
  await message(page, 'report.sent')
  // the item is done: the page drops it and shows the task alone
  await page.getByTestId('item-panel').waitFor({ state: 'detached' })
  // the milestone's row, opened: the report as sent, with the evidence to download
  await page.getByRole('tab', { name: text('task.milestones') }).click()
  const milestones = page.getByTestId('milestones-table')
  await milestones.locator('tr').filter({ hasText: milestoneTitle }).locator('.el-table__expand-icon').click()
  const report = milestones.getByTestId('milestone-report').filter({ hasText: reportText })
  await report.getByText(text('reportKind.LEAD')).waitFor()
  await report.getByText('60%').waitFor()
  await milestones.getByTestId('evidence-download').filter({ hasText: basename(evidenceFile) }).waitFor()
  await shot(page, j, 'report-sent')
})
