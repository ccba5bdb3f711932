// What the services send in Chinese — workflow step names, chapter numbers, the words of a published snapshot — shown
// in the user's language. Pure functions over the catalogues, tested without a browser.
import zh from '../i18n/zh-CN.js'

const DIGITS = { '\u96f6': 0, '\u3007': 0, '\u4e00': 1, '\u4e8c': 2, '\u4e24': 2, '\u4e09': 3, '\u56db': 4, '\u4e94': 5, '\u516d': 6, '\u4e03': 7, '\u516b': 8, '\u4e5d': 9 }
const TEN = '\u5341'

// A chapter number as the plan writes it (Chinese numerals up to 99: 3, 12, 21 written out, or already "3") as a
// number; null if it is none.
export function numeralValue(numeral) {
  const s = String(numeral ?? '').trim()
  if (/^\d+$/.test(s)) return Number(s)
  if (!s || [...s].some((c) => !(c in DIGITS) && c !== TEN)) return null
  const ten = s.indexOf(TEN)
  if (ten < 0) return s.length === 1 ? DIGITS[s] : null
  const tens = ten === 0 ? 1 : DIGITS[s.slice(0, ten)]
  const ones = ten === s.length - 1 ? 0 : DIGITS[s.slice(ten + 1)]
  return tens == null || ones == null || s.length > 3 ? null : tens * 10 + ones
}

// The label of a chapter under a chart's bar: the numeral in Chinese, "Ch. 3" in English. `label` is the rollup's
// "<numeral><ideographic comma><title>"; the tooltip names the chapter in full.
export function chapterShort(t, label) {
  const s = String(label ?? '')
  const i = s.indexOf('\u3001')
  if (i <= 0 || i > 4) return s
  const numeral = s.slice(0, i)
  return t('chartLabels.chapterShort', { numeral, n: numeralValue(numeral) ?? numeral })
}

// A workflow step (an inbox item's BPMN activity) in the user's language; the engine's own name for a step the
// catalogue does not know.
export function stepName(t, te, item) {
  const key = `step.${item?.activityId}`
  return item?.activityId && te(key) ? t(key) : item?.name ?? ''
}

// A word of a published snapshot (task-service writes them in Chinese, e.g. "expected" or "at least") in the user's language,
// found through the Chinese catalogue's section of that vocabulary; an unknown word as published.
export function publishedWord(t, section, word) {
  if (!word) return ''
  const entry = Object.entries(zh[section] ?? {}).find(([, value]) => value === word)
  return entry ? t(`${section}.${entry[0]}`) : word
}

// The parameters of a "chapter {number}" text: the numeral as written ({number}, for Chinese) and as a number ({n}).
export function chapterParams(numeral) {
  return { number: numeral, n: numeralValue(numeral) ?? numeral }
}

// An evaluation item's step (workflow EvaluationItem.kind) as the BPMN activity it stands for.
const EVALUATION_ACTIVITIES = { SELF_ASSESSMENT: 'submitSelfAssessment', REPORT: 'submitEvaluationReport', REVIEW: 'reviewEvaluationReport' }

export function evaluationStepName(t, te, item) {
  return stepName(t, te, { ...item, activityId: EVALUATION_ACTIVITIES[item?.kind] })
}
