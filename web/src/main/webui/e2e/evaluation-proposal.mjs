// Journey 7 — supervisor: an approved evaluation's finding names a task behind schedule; 陈静 finds the 调整建议 in
// 我的待办, opens it (the finding and the task), starts a 动态调整 whose justification is the finding, prefilled, with a
// new due date; the item leaves her list and the proposal is listed as 已发起调整.
// Env: WEB_URL, TASK_TITLE (the task the finding names), JUSTIFICATION (the finding as task-service words it), NEW_DUE_DATE.
import { journey, desk, login, shot, message, untilShown, required, text, WEB_URL, field, expectEqual } from './lib.mjs'

const taskTitle = required('TASK_TITLE')
const justification = required('JUSTIFICATION')
const newDueDate = required('NEW_DUE_DATE')

await journey('evaluation-proposal', async (browser, j) => {
  const page = await desk(browser, j)
  await login(page, j, 'chen.jing')
  await page.goto(`${WEB_URL}/staff/inbox`)
  const row = page.locator('[data-testid="inbox-row"][data-activity="decideProposal"]').filter({ hasText: taskTitle })
  await untilShown(page, row, `the 调整建议 on "${taskTitle}" in 我的待办`)
  await row.first().getByText(text('step.decideProposal'), { exact: false }).waitFor()
  await shot(page, j, 'inbox')
  await row.first().click()

  await page.getByRole('heading', { name: text('succession.proposals.title'), level: 1 }).waitFor()
  const proposal = page.getByTestId('proposals-table').locator('tbody tr').filter({ hasText: justification })
  await proposal.first().waitFor()
  await proposal.first().getByText(text('succession.proposals.grounds.TASK_BEHIND_SCHEDULE')).waitFor()
  await proposal.first().getByTestId('proposal-adjust').click()
  expectEqual(await field(page, 'proposal-justification').inputValue(), justification, 'the prefilled justification')
  // el-date-picker keeps data-testid off its input: the dialog's one date input
  const due = page.locator('.el-dialog .el-date-editor input').first()
  await due.fill(newDueDate)
  await due.press('Enter')
  await shot(page, j, 'adjustment-prefilled')
  await page.getByTestId('proposal-submit').click()
  await message(page, 'common.saved')
  await proposal.first().waitFor({ state: 'detached' })

  await page.getByTestId('proposals-status').getByText(text('succession.proposals.status.ADJUSTMENT_STARTED')).click()
  const started = page.getByTestId('proposals-table').locator('tbody tr').filter({ hasText: justification })
  await untilShown(page, started, 'the proposal as 已发起调整', undefined, async () => {
    await page.getByTestId('proposals-status').getByText(text('succession.proposals.status.ADJUSTMENT_STARTED')).click()
  })
  await shot(page, j, 'adjustment-started')
})
