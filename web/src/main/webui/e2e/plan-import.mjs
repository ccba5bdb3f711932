// Journey 3 — supervisor: 陈静 imports the plan document (upload → preview → confirm), goes on to 任务交办 and assigns
// the first task to 海淀区, sending it to the department's inbox. Runs in Chinese, and in English (JOURNEY_LANG=en).
// Env: WEB_URL, PLAN_FILE (a plan document not imported before: .html, .docx, .pdf …), LEAD_LABEL (海淀区's name in
// the journey's language). Optional: PRINT_TO_PDF=<path> — the browser first prints PLAN_FILE (a web page) to a PDF
// there, with a running header and "— n —" page numbers on every page, and that PDF is the document imported;
// SCANNED_PDF=<path> — first a PDF of a scanned page (only an image) is made there and uploaded, and the page must say
// why it is refused (no text layer) before the real document is imported.
// Prints ASSIGNED_TASK_ID=<id> and IMPORTED_PLAN_ID=<id> for the test to check through the API.
import { basename } from 'node:path'
import { pathToFileURL } from 'node:url'
import { journey, desk, login, shot, message, choose, required, text, prefix, LANG } from './lib.mjs'

const leadLabel = required('LEAD_LABEL')
let planFile = required('PLAN_FILE')

// Printing to PDF is Chromium's own (headless only): what an office does when it saves the published page as PDF.
async function printToPdf(browser, source, target) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(pathToFileURL(source).toString())
  // TrueType CJK faces (Debian's, as the report PDFs use): Chromium embeds Noto CJK's CFF outlines nearly whole, which
  // makes a 30-page plan 9 MB, beyond the import's 5 MB
  await page.addStyleTag({ content: 'body { font-family: "AR PL SungtiL GB", "WenQuanYi Zen Hei", serif }' })
  await page.pdf({
    path: target,
    format: 'A4',
    margin: { top: '25mm', bottom: '25mm', left: '25mm', right: '25mm' },
    displayHeaderFooter: true,
    headerTemplate: '<div style="font-size:9px;width:100%;text-align:center"><span class="title"></span></div>',
    footerTemplate: '<div style="font-size:10px;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
  })
  await context.close()
}

// A page that is only a picture of text: what a scanner makes.
async function scannedPdf(browser, target) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.setContent('<body style="margin:0"><canvas id="scan" width="600" height="800"></canvas><script>'
    + 'const c = document.getElementById("scan").getContext("2d"); c.fillStyle = "#eee"; c.fillRect(0, 0, 600, 800);'
    + 'c.fillStyle = "#333"; for (let y = 60; y < 760; y += 24) c.fillRect(50, y, 500, 10);</script></body>')
  await page.pdf({ path: target, format: 'A4' })
  await context.close()
}

async function preview(page, file) {
  await page.getByTestId('import-file').setInputFiles(file)
  await page.getByTestId('import-preview').click()
}

await journey('plan-import', async (browser, j) => {
  if (process.env.PRINT_TO_PDF) {
    await printToPdf(browser, planFile, process.env.PRINT_TO_PDF)
    planFile = process.env.PRINT_TO_PDF
  }
  const page = await desk(browser, j)
  await login(page, j, 'chen.jing')
  // the app is in the journey's language: the menu says so
  await page.getByTestId('menu-import').getByText(text('menu.import'), { exact: true }).waitFor()
  await page.getByTestId('language-switch').getByText(text(`languages.${LANG}`), { exact: true }).waitFor()

  await page.getByTestId('menu-import').click()
  await page.getByRole('heading', { name: text('import.title') }).waitFor()
  if (process.env.SCANNED_PDF) {
    await scannedPdf(browser, process.env.SCANNED_PDF)
    await preview(page, process.env.SCANNED_PDF)
    await page.getByTestId('import-error').getByText(text('import.refused')).waitFor()
    await page.getByTestId('import-reasons').getByText(text('import.reasons.noTextLayer')).waitFor()
    await shot(page, j, 'scan-refused')
  }
  await preview(page, planFile)
  const previewed = page.getByTestId('import-preview-result')
  await previewed.waitFor()
  // "{chapters} 章、{sections} 节、{tasks} 项任务、{indicators} 项指标" with the numbers the server counted
  const counts = await page.getByTestId('import-counts').innerText()
  const pattern = new RegExp('^' + text('import.counts').replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '(\\d+)') + '$')
  const numbers = pattern.exec(counts.trim())
  if (!numbers) throw new Error(`the preview's counts "${counts}" do not read as ${text('import.counts')}`)
  if (Number(numbers[3]) < 10) throw new Error(`the preview finds only ${numbers[3]} tasks in ${basename(planFile)}`)
  await previewed.getByText(prefix('import.existing')).waitFor({ state: 'detached' })
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
