// Journey 4 — evaluator: 赵敏 of 首都科技评估中心 opens her organisation's mid-term evaluation (self-assessments in, scores
// given), writes the findings, generates the report and downloads the .pdf and .docx; each file's SHA-256 is the one shown.
// Env: WEB_URL, EVALUATION_ID, DOWNLOAD_DIR.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { journey, desk, login, shot, message, required, text, prefix, field } from './lib.mjs'

const evaluationId = required('EVALUATION_ID')
const downloads = required('DOWNLOAD_DIR')
const findings = '规划实施总体进展顺利，国际科技创新中心建设取得阶段性成效。'
const recommendations = '建议加强统筹协调，完善指标监测，强化督查问效。'

await journey('evaluation-report', async (browser, j) => {
  const page = await desk(browser, j)
  await login(page, j, 'zhao.min')
  await page.getByRole('heading', { name: text('evaluator.listTitle') }).waitFor()
  const row = page.getByTestId(`evaluation-row-${evaluationId}`)
  await row.getByText(text('evaluation.kinds.MID_TERM')).waitFor()
  await shot(page, j, 'evaluations')

  await row.click()
  await page.getByTestId('evaluation-status').getByText(text('evaluator.statuses.SELF_ASSESSMENT')).waitFor()
  await page.getByText(prefix('evaluator.scope.counts')).first().waitFor()
  await page.getByTestId('score-total').getByText(prefix('evaluator.score.estimate')).waitFor()
  await field(page, 'findings').fill(findings)
  await field(page, 'recommendations').fill(recommendations)
  await shot(page, j, 'findings')

  // 生成报告 saves the findings first, then the service writes both files (a few seconds: charts, fonts)
  await page.getByTestId('generate-report').click()
  await message(page, 'evaluator.report.generated', {})
  await page.getByTestId('download-pdf').waitFor()
  await shot(page, j, 'report-generated')

  mkdirSync(downloads, { recursive: true })
  for (const [format, magic] of [['pdf', '%PDF'], ['docx', 'PK']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`download-${format}`).click()])
    const file = join(downloads, `evaluation-${evaluationId}.${format}`)
    await download.saveAs(file)
    const bytes = readFileSync(file)
    if (bytes.subarray(0, magic.length).toString('latin1') !== magic) throw new Error(`the downloaded ${format} does not start with ${magic}`)
    const sha = createHash('sha256').update(bytes).digest('hex')
    const shown = await page.getByTestId(`sha256-${format}`).innerText()
    if (!shown.includes(sha)) throw new Error(`the downloaded ${format}'s SHA-256 ${sha} is not the one shown: ${shown}`)
    console.log(`DOWNLOADED ${format} ${bytes.length} bytes sha256 ${sha} -> ${file}`)
  }
})
