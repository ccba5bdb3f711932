// What every browser journey shares: headless Debian Chromium driven by playwright-core, the real Keycloak login page,
// screenshots of the key screens, and a failure that says where it happened (exit 1, with a screenshot of the moment).
// Run by deploy's BrowserJourneysIT against the whole running system; see e2e/README.md.
import { chromium } from 'playwright-core'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import zh from '../src/i18n/zh-CN.js'
import en from '../src/i18n/en.js'

export const WEB_URL = required('WEB_URL')
export const LANG = process.env.JOURNEY_LANG === 'en' ? 'en' : 'zh-CN'
const SCREENSHOTS = process.env.SCREENSHOT_DIR || join(process.cwd(), 'journey-screenshots')
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
// generous for a 2-core machine shared with the services; every wait is on a condition, never a fixed sleep
export const TIMEOUT = Number(process.env.JOURNEY_TIMEOUT_MS || 30000)

export function required(name) {
  const value = process.env[name]
  if (!value) fail(`environment variable ${name} is missing`)
  return value
}

// The text the app shows for a catalogue key in the journey's language, with {placeholders} filled.
export function text(key, params = {}) {
  const catalogue = LANG === 'en' ? en : zh
  const value = key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), catalogue)
  if (typeof value !== 'string') fail(`no catalogue text ${key} (${LANG})`)
  return value.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`))
}

// The part of a catalogue text before its first placeholder: what a locator can match whatever was filled in.
export function prefix(key) {
  return text(key).split('{')[0]
}

export function fail(message) {
  console.error(`JOURNEY FAILED: ${message}`)
  process.exit(1)
}

// Runs one journey: a browser for it, `steps(browser, journey)` and a clear verdict. Each user works in a context
// of their own (their own cookies and Keycloak session), as two people at two desks.
export async function journey(name, steps) {
  if (!existsSync(CHROMIUM)) {
    fail(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM`)
  }
  mkdirSync(SCREENSHOTS, { recursive: true })
  const started = Date.now()
  // a fresh profile each time (playwright makes and removes it); as root (CI) Chromium needs --no-sandbox
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  }).catch((e) => fail(`Chromium (${CHROMIUM}) did not start: ${e.message}`))
  const j = { name, shots: 0, pages: [] }
  let failure = null
  try {
    await steps(browser, j)
  } catch (e) {
    failure = e
    for (const [n, page] of j.pages.entries()) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}${suffix()}-FAILED-${n}.png`), fullPage: true }).catch(() => {})
      console.error(`page ${n} at ${page.url()}`)
    }
    console.error(e?.stack || String(e))
  } finally {
    await browser.close().catch(() => {})
  }
  if (failure) fail(`${name} (${LANG}): ${failure?.message?.split('\n')[0]}`)
  console.log(`JOURNEY OK: ${name} (${LANG}) in ${((Date.now() - started) / 1000).toFixed(1)} s, ${j.shots} screenshots in ${SCREENSHOTS}`)
}

function suffix() {
  return LANG === 'en' ? '-en' : ''
}

// A phone held upright (375 px wide, as an iPhone SE or mini): the staff screens must fit it.
export const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }

// A fresh desk: a browser context of its own (cookies, Keycloak session, the remembered language); `device` PHONE
// for a phone instead of a desktop screen.
export async function desk(browser, j, device = { viewport: { width: 1366, height: 900 } }) {
  const context = await browser.newContext({
    ...device,
    locale: LANG,
    acceptDownloads: true,
    // charts drawn at once (the app honours reduced motion), so a screenshot shows them finished
    reducedMotion: 'reduce',
  })
  context.setDefaultTimeout(TIMEOUT)
  const page = await context.newPage()
  page.on('pageerror', (e) => console.error(`[browser] page error: ${e.message}`))
  j.pages.push(page)
  return page
}

// The language switch in the header, as a person uses it; the app then speaks the journey's language (and remembers it).
export async function switchLanguage(page, j) {
  if (LANG === 'zh-CN') return
  await choose(page, 'language-switch', text(`languages.${LANG}`))
  await page.getByTestId('language-switch').getByText(text(`languages.${LANG}`), { exact: true }).waitFor()
  await page.locator(`html[lang="${LANG}"]`).waitFor({ state: 'attached' })
  await shot(page, j, 'language-switched')
}

export async function shot(page, j, step) {
  j.shots += 1
  const file = join(SCREENSHOTS, `${j.name}${suffix()}-${String(j.shots).padStart(2, '0')}-${step}.png`)
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' })
}

// Logs in through the real Keycloak login page: the app's login button, Keycloak's form, back to the app.
// In a journey of another language than Chinese, the person first switches the language on the public home.
export async function login(page, j, username, password = 'demo') {
  await page.goto(`${WEB_URL}/`)
  await page.getByRole('heading', { name: text('home.heading') }).or(page.getByRole('heading', { name: zh.home.heading })).waitFor()
  await switchLanguage(page, j)
  await page.getByRole('heading', { name: text('home.heading') }).waitFor()
  await page.getByTestId('login-button').click()
  await page.waitForURL((url) => !url.toString().startsWith(WEB_URL))
  await page.locator('#username').fill(username)
  await page.locator('#password').fill(password)
  if (!j.loginShown) await shot(page, j, 'keycloak-login')
  j.loginShown = true
  await page.locator('#kc-login').click()
  await page.waitForURL((url) => url.toString().startsWith(WEB_URL))
  await page.getByTestId('current-user').waitFor()
}

// Element Plus shows the outcome of an action as a message at the top; waits for the one expected.
export async function message(page, key, params) {
  await page.locator('.el-message').filter({ hasText: text(key, params) }).first().waitFor()
}

// For what another service does a moment later (the workflow's async steps): reload until it shows, within the timeout.
// `prepare` runs before each look (e.g. to open the tab the locator is on, which a reload closes).
export async function untilShown(page, locator, what, timeout = TIMEOUT, prepare = async () => {}) {
  const deadline = Date.now() + timeout
  for (;;) {
    try {
      await prepare()
      await locator.first().waitFor({ timeout: 3000 })
      return
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`${what} not shown within ${timeout / 1000} s`)
    }
    await page.reload()
  }
}

// The native field of an Element Plus input, textarea or number input: el-input hands data-testid to its <input> or
// <textarea>, el-input-number keeps it on its root.
export function field(scope, testId) {
  const id = `[data-testid="${testId}"]`
  return scope.locator(`textarea${id}, input${id}, ${id} textarea, ${id} input`).first()
}

// Picks an option of an Element Plus select by its visible label.
export async function choose(page, selectTestId, label) {
  await page.getByTestId(selectTestId).click()
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: label }).first().click()
}

export function expectEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
}
