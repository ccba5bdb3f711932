import { describe, it, expect } from 'vitest'
import { createI18n } from 'vue-i18n'
import { adjustmentChangeLines } from '../utils/items.js'
import zh from '../i18n/zh-CN.js'
import en from '../i18n/en.js'

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en } })
const t = (key, params) => i18n.global.t(key, params)

describe('an adjustment card', () => {
  it('names the milestone by its title and shows the old date beside the new, never a bare id', () => {
    const item = {
      milestoneDueDates: { 15: '2027-01-04' },
      changes: [
        { field: 'MILESTONE_DUE_DATE', milestoneId: 15, label: '完成设施验收', before: '2026-06-30', after: '2027-01-04' },
        { field: 'LEAD_DEPARTMENT', before: '海淀区', after: '朝阳区' },
      ],
    }
    const lines = adjustmentChangeLines(item).map((l) => t(l.key, l.params))
    expect(lines).toEqual(['节点“完成设施验收”时限：2026-06-30 → 2027-01-04', '牵头单位：海淀区 → 朝阳区'])
    expect(lines.join()).not.toContain('节点 15')
  })

  it('says so when the old value could not be read, in both languages', () => {
    const [line] = adjustmentChangeLines({ changes: [{ field: 'DUE_DATE', before: null, after: '2027-01-04' }] })
    expect(t(line.key, line.params)).toBe('完成时限：— → 2027-01-04')
    i18n.global.locale.value = 'en'
    expect(t(line.key, line.params)).toBe('Due date: — → 2027-01-04')
    i18n.global.locale.value = 'zh-CN'
  })
})

import { daysLate } from '../utils/lights.js'

describe('how late a milestone is', () => {
  it('counts the days past its due date on Beijing\'s calendar, and none before or on it', () => {
    // 2026-12-05 01:00 in Beijing is still 2026-12-04 in UTC
    const now = new Date('2026-12-04T17:00:00Z')
    expect(daysLate('2026-07-03', now)).toBe(155)
    expect(daysLate('2026-12-05', now)).toBe(0)
    expect(daysLate('2027-01-04', now)).toBe(0)
    expect(daysLate(null, now)).toBe(0)
  })
})
