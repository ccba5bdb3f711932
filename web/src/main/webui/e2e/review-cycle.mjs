// Journey 2 — supervisor and staff: 陈静 (督查室) rejects 海淀区's report with a comment, 李娜 sees the comment and
// is told in 消息通知, resubmits at 100%, 陈静 approves; the milestone is then done and the task shows 100% progress.
// Env: WEB_URL, TASK_ID, TASK_TITLE (a task of haidian with one milestone whose report waits for review), MILESTONE_TITLE.
import { journey, desk, login, shot, message, untilShown, required, text, WEB_URL, field } from './lib.mjs'

const taskId = required('TASK_ID')
const taskTitle = required('TASK_TITLE')
const milestoneTitle = required('MILESTONE_TITLE')
const rejection = '请补充试验线验收报告，并说明设备调试进度。'
const resubmission = '试验线已建成并通过验收，验收报告见佐证材料。'

await journey('review-cycle', async (browser, j) => {
  const supervisor = await desk(browser, j)
  const staff = await desk(browser, j)

  // 1. the supervisor rejects
  await login(supervisor, j, 'chen.jing')
  await openReview(supervisor)
  const card = reviewCard(supervisor)
  await field(card, 'review-comment').fill(rejection)
  await shot(supervisor, j, 'supervisor-rejects')
  await card.getByTestId('review-reject').click()
  await message(supervisor, 'review.rejected')
  await card.waitFor({ state: 'detached' })

  // 2. the staff is told (消息通知), sees why and resubmits
  await login(staff, j, 'li.na')
  await staff.goto(`${WEB_URL}/notifications`)
  const notice = staff.getByTestId('notifications-table').locator('tr').filter({ hasText: milestoneTitle })
    .filter({ hasText: text('notifications.kinds.REPORT_REJECTED') })
  await untilShown(staff, notice, `the notice of the returned report on "${milestoneTitle}" in 消息通知`)
  await notice.first().getByText(rejection).waitFor()
  await shot(staff, j, 'staff-notified')
  await notice.first().getByRole('link', { name: text('notifications.openTask') }).waitFor()
  await staff.goto(`${WEB_URL}/staff/inbox`)
  const row = staff.getByTestId('inbox-row').filter({ hasText: taskTitle })
  await untilShown(staff, row, `the returned report item of "${taskTitle}" in 我的待办`)
  await row.first().click()
  const rejected = staff.getByTestId('last-rejection')
  await rejected.waitFor()
  await rejected.getByText(rejection).waitFor()
  await field(staff, 'report-text').fill(resubmission)
  await field(staff, 'report-percent').fill('100')
  await field(staff, 'report-percent').press('Tab')
  await shot(staff, j, 'staff-resubmits')
  await staff.getByTestId('report-submit').click()
  await message(staff, 'report.sent')
  await staff.getByTestId('item-panel').waitFor({ state: 'detached' })

  // 3. the supervisor approves the new report
  await openReview(supervisor)
  await reviewCard(supervisor).getByTestId('review-report-text').filter({ hasText: resubmission }).waitFor()
  await shot(supervisor, j, 'supervisor-approves')
  await reviewCard(supervisor).getByTestId('review-approve').click()
  await message(supervisor, 'review.approved')

  // 4. the milestone is done (recorded in task-service by the workflow a moment later) and the task complete
  await supervisor.goto(`${WEB_URL}/tasks/${taskId}`)
  await supervisor.getByTestId('task-title').filter({ hasText: taskTitle }).waitFor()
  const done = supervisor.getByTestId('milestones-table').locator('.el-tag').filter({ hasText: text('milestoneStatus.DONE') })
  await untilShown(supervisor, done, 'the milestone done', 30000, async () => {
    await supervisor.getByRole('tab', { name: text('task.milestones') }).click()
  })
  await supervisor.getByTestId('milestones-table').locator('.el-table__expand-icon').first().click()
  const decided = supervisor.getByTestId('milestone-report')
  await decided.filter({ hasText: resubmission }).getByText(text('reportDecision.APPROVED')).waitFor()
  await decided.filter({ hasText: rejection }).getByText(text('reportDecision.REJECTED')).waitFor()
  // 进展 is the weighted share of milestones done: the one milestone done is 100%
  await supervisor.locator('.el-descriptions').getByText('100%', { exact: true }).waitFor()
  await supervisor.locator('.el-descriptions').getByText(text('taskStatus.COMPLETED'), { exact: true }).waitFor()
  await shot(supervisor, j, 'milestone-done')

  async function openReview(page) {
    await page.getByTestId('menu-reviews').click()
    await page.getByRole('heading', { name: text('review.title') }).waitFor()
    await untilShown(page, reviewCard(page), `the report of "${taskTitle}" in 填报审核`)
    await reviewCard(page).getByTestId('review-report-text').waitFor()
  }

  function reviewCard(page) {
    return page.getByTestId('review-item').filter({ hasText: milestoneTitle }).filter({ hasText: taskTitle })
  }
})

