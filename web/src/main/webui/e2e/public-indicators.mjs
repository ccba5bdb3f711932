// Journey 5 — anonymous visitor: no login; the public home shows the published progress, 主要指标 the indicators as
// published (original and adjusted targets, the latest value), and one indicator's chart.
// Env: WEB_URL, PLAN_ID and PLAN_TITLE (the plan, named in the link: a later plan published by another journey would
// be the one shown first), INDICATOR_NAME (an indicator with a published value), LATEST_YEAR (that value's year).
import { journey, desk, shot, required, text, WEB_URL } from './lib.mjs'

const planId = required('PLAN_ID')
const planTitle = required('PLAN_TITLE')
const indicatorName = required('INDICATOR_NAME')
const latestYear = required('LATEST_YEAR')

await journey('public-indicators', async (browser, j) => {
  const page = await desk(browser, j)
  await page.goto(`${WEB_URL}/?plan=${planId}`)
  await page.getByRole('heading', { name: text('home.heading') }).waitFor()
  await page.getByTestId('login-button').waitFor()
  await page.getByRole('heading', { name: planTitle }).waitFor()
  await page.getByText(text('public.tasks'), { exact: true }).first().waitFor()
  await shot(page, j, 'home')

  await page.getByTestId('public-nav-indicators').click()
  await page.getByRole('heading', { name: text('public.indicators.title'), level: 1 }).waitFor()
  const table = page.getByTestId('public-indicators-table')
  const row = table.locator('tr').filter({ has: page.getByRole('button', { name: indicatorName, exact: true }) })
  await row.waitFor()
  // the value published for the indicator, with its year: "{value}{unit}（{year} 年）"
  const latestSuffix = text('public.indicators.valueInYear', { value: '', unit: '', year: latestYear })
  await row.getByText(latestSuffix, { exact: false }).first().waitFor()
  await row.getByText(text('public.indicators.notAdjusted'), { exact: true }).waitFor()
  await page.getByTestId('public-indicators-progress-chart').locator('canvas, svg').first().waitFor()
  // the verdict is coloured as a light, the lights and verdicts are explained, and no figure or short word is
  // broken over two lines (as 预期/性 and 进度正/常 were)
  await row.locator('.verdict[class*="verdict-"]').first().waitFor()
  await page.getByTestId('lights-legend').getByText(text('publicGuide.legendTitle')).waitFor()
  await page.getByTestId('lights-legend').getByText(text('publicGuide.outlookTitle')).waitFor()
  // a text broken over two lines has two boxes
  const broken = await table.evaluate((t) => [...t.querySelectorAll('tbody td')].filter((cell) => {
    const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      if (!node.textContent.trim()) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      if (range.getClientRects().length > 1) return true
    }
    return false
  }).map((cell) => cell.innerText))
  if (broken.length) throw new Error(`cells broken over lines: ${broken.join(' | ')}`)
  await shot(page, j, 'indicators')

  await row.getByRole('button', { name: indicatorName, exact: true }).click()
  await page.getByRole('heading', { name: text('public.indicators.targetsTitle', { name: indicatorName }) }).waitFor()
  await page.getByTestId('public-indicator-chart').locator('canvas, svg').first().waitFor()
  await shot(page, j, 'indicator-chart')
})
