// Journey — the public and the office see what followed from the old plan's final evaluation: an anonymous visitor
// reads on 规划接续 the plans by period, that the new plan succeeds the old one, the old plan's published final
// evaluation (findings and the report file) and a continued indicator's figures across both plans with its baseline's
// year, kind (初步数/修订数) and source; the same series on 主要指标 under the indicator; on the old plan's status
// snapshot the office's decisions on the evaluation's proposals (不予调整 with its reason, 已启动动态调整, by 督查室).
// Then 陈静 opens the task carried into the new plan and reads where it came from.
// Env: WEB_URL, NEW_PLAN_ID, NEW_TITLE, OLD_TITLE, FINDINGS (the final evaluation's findings), INDICATOR_NAME (a
// continued indicator), OLD_YEAR and NEW_YEAR (the years each plan published a figure of it), BASELINE_SOURCE,
// SNAPSHOT_ID (the old plan's snapshot published after the decisions), DECLINE_REASON, CARRIED_TASK_ID,
// OLD_REFERENCE, OLD_LEAD_LABEL.
import { WEB_URL, journey, desk, login, shot, required, text } from './lib.mjs'

const env = Object.fromEntries(['NEW_PLAN_ID', 'NEW_TITLE', 'OLD_TITLE', 'FINDINGS', 'INDICATOR_NAME', 'OLD_YEAR', 'NEW_YEAR',
  'BASELINE_SOURCE', 'SNAPSHOT_ID', 'DECLINE_REASON', 'CARRIED_TASK_ID', 'OLD_REFERENCE', 'OLD_LEAD_LABEL'].map((k) => [k, required(k)]))

// The figures of the continued indicator: the old plan's year under the old plan's title, the new plan's under its own.
async function seriesAcrossBothPlans(page) {
  const series = page.getByTestId('public-succession-series').filter({ hasText: env.INDICATOR_NAME })
  await series.getByTestId('public-succession-baseline').filter({ hasText: env.BASELINE_SOURCE })
    .filter({ hasText: text('succession.revisions.PRELIMINARY') }).waitFor()
  await series.getByTestId(`public-succession-point-${env.OLD_YEAR}`).filter({ hasText: env.OLD_TITLE }).waitFor()
  await series.getByTestId(`public-succession-point-${env.NEW_YEAR}`).filter({ hasText: env.NEW_TITLE }).waitFor()
  await series.getByTestId('public-succession-chart').locator('canvas, svg').first().waitFor()
  return series
}

await journey('public-succession', async (browser, j) => {
  const page = await desk(browser, j)
  await page.goto(`${WEB_URL}/public/succession?plan=${env.NEW_PLAN_ID}`)
  await page.getByRole('heading', { name: text('succession.public.title'), level: 1 }).waitFor()
  const byPeriod = page.getByTestId('public-plans-by-period')
  await byPeriod.locator('tr').filter({ hasText: env.NEW_TITLE }).filter({ hasText: '2026–2030' }).first().waitFor()
  await byPeriod.locator('tr').filter({ hasText: env.OLD_TITLE }).filter({ hasText: '2021–2025' }).first().waitFor()
  await page.getByTestId('public-succession-predecessor')
    .filter({ hasText: text('succession.public.succeeds', { title: env.OLD_TITLE, from: 2021, to: 2025 }) }).waitFor()
  const finalEvaluation = page.getByTestId('public-succession-final-evaluation')
  await finalEvaluation.getByText(env.FINDINGS, { exact: false }).waitFor()
  await finalEvaluation.locator('[data-testid^="public-final-evaluation-document-"]').first().waitFor()
  await seriesAcrossBothPlans(page)
  await shot(page, j, 'succession')

  await page.goto(`${WEB_URL}/public/indicators?plan=${env.NEW_PLAN_ID}`)
  await page.getByRole('heading', { name: text('public.indicators.title'), level: 1 }).waitFor()
  await page.getByTestId('public-indicators-table').getByRole('button', { name: env.INDICATOR_NAME, exact: true }).click()
  await page.getByTestId('public-indicator-across-plans').waitFor()
  await seriesAcrossBothPlans(page)
  await shot(page, j, 'indicator-across-plans')

  await page.goto(`${WEB_URL}/public/snapshots/${env.SNAPSHOT_ID}`)
  const decisions = page.getByTestId('public-proposal-decisions')
  await decisions.getByRole('heading', { name: text('succession.public.decisions.title') }).waitFor()
  const declined = decisions.locator('tbody tr').filter({ hasText: env.DECLINE_REASON })
  await declined.getByTestId('public-decision-name').filter({ hasText: text('succession.public.decisions.names.DECLINED') }).waitFor()
  await declined.getByText(text('roles.supervisor'), { exact: true }).waitFor()
  await decisions.getByTestId('public-decision-name').filter({ hasText: text('succession.public.decisions.names.ADJUSTMENT_STARTED') }).waitFor()
  await shot(page, j, 'snapshot-decisions')

  const office = await desk(browser, j)
  await login(office, j, 'chen.jing')
  await office.goto(`${WEB_URL}/tasks/${env.CARRIED_TASK_ID}`)
  const lineage = office.getByTestId('task-lineage')
  await lineage.getByRole('heading', { name: text('succession.lineage.title') }).or(lineage.getByText(text('succession.lineage.title'), { exact: true })).first().waitFor()
  await lineage.getByTestId('lineage-old-reference').filter({ hasText: env.OLD_REFERENCE }).waitFor()
  await lineage.getByTestId('lineage-old-lead').filter({ hasText: env.OLD_LEAD_LABEL }).waitFor()
  await lineage.getByTestId('lineage-decided').filter({ hasText: 'chen.jing' }).waitFor()
  await lineage.getByText(env.OLD_TITLE, { exact: true }).waitFor()
  await shot(office, j, 'lineage')
})
