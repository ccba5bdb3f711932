import { describe, it, expect } from 'vitest'
import { createI18n } from 'vue-i18n'
import zhCN from '../i18n/zh-CN.js'
import en from '../i18n/en.js'
import { numeralValue, chapterShort, chapterParams, stepName, evaluationStepName, publishedWord } from '../utils/words.js'
import { rollupBars } from '../utils/charts.js'
import { outlookLight } from '../utils/publicCharts.js'

function translator(locale) {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } })
  return { t: i18n.global.t, te: i18n.global.te }
}
const { t, te } = translator('en')
const zh = translator('zh-CN')

describe('what the services send in Chinese, in English mode', () => {
  it('reads chapter numerals up to ninety-nine', () => {
    const written = ['\u4e09', '\u5341', '\u5341\u4e8c', '\u4e8c\u5341', '\u4e8c\u5341\u4e00', '\u4e5d\u5341\u4e5d', '7']
    expect(written.map(numeralValue)).toEqual([3, 10, 12, 20, 21, 99, 7])
    expect(numeralValue('abc')).toBeNull()
    expect(numeralValue('')).toBeNull()
  })

  it('writes a chapter under a dashboard bar as "Ch. 3", and as the plan wrote it in Chinese', () => {
    const label = '\u4e09\u3001\u52a0\u5feb\u5efa\u8bbe'
    expect(chapterShort(t, label)).toBe('Ch. 3')
    expect(chapterShort(zh.t, label)).toBe('\u4e09')
    expect(chapterShort(t, 'no numeral')).toBe('no numeral')
    const option = rollupBars([{ label, counts: { red: 1, yellow: 0, green: 2, none: 0 } }], (g) => g.label, (l) => l, false, (l) => chapterShort(t, l))
    expect(option.xAxis.axisLabel.formatter(label)).toBe('Ch. 3')
  })

  it('names a public chapter by its number in English', () => {
    expect(t('public.chapterName', { ...chapterParams('\u5341\u4e00'), title: 'T' })).toBe('Chapter 11: T')
    expect(zh.t('public.chapterName', { ...chapterParams('\u5341\u4e00'), title: 'T' })).toBe('\u7b2c\u5341\u4e00\u7ae0 T')
  })

  it('names every workflow step in the catalogue, and an unknown one as the engine does', () => {
    expect(stepName(t, te, { activityId: 'submitReport', name: '\u7275\u5934\u5355\u4f4d\u586b\u62a5' })).toBe('Lead department report')
    expect(stepName(zh.t, zh.te, { activityId: 'submitReport', name: 'x' })).toBe(zhCN.step.submitReport)
    expect(stepName(t, te, { activityId: 'somethingNew', name: 'engine name' })).toBe('engine name')
    expect(evaluationStepName(t, te, { kind: 'SELF_ASSESSMENT', name: 'x' })).toBe('Department self-assessment')
  })

  it('translates the published words of an indicator, and leaves an unknown word as published', () => {
    expect(publishedWord(t, 'indicatorKind', zhCN.indicatorKind.EXPECTED)).toBe('Expected')
    expect(publishedWord(t, 'comparison', zhCN.comparison.AT_LEAST)).toBe('at least')
    expect(publishedWord(zh.t, 'comparison', zhCN.comparison.AT_LEAST)).toBe(zhCN.comparison.AT_LEAST)
    expect(publishedWord(t, 'comparison', 'roughly')).toBe('roughly')
    expect(publishedWord(t, 'comparison', null)).toBe('')
  })

  it('colours an indicator verdict as a light', () => {
    expect(['MET', 'ON_TRACK', 'AT_RISK', 'UNLIKELY', 'MISSED', 'NO_DATA'].map(outlookLight))
      .toEqual(['green', 'green', 'yellow', 'red', 'red', 'none'])
  })
})
