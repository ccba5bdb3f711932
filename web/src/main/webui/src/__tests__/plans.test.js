import { describe, it, expect, vi } from 'vitest'
import { createI18n } from 'vue-i18n'

vi.mock('../auth.js', () => ({ session: {}, login: vi.fn(), accessToken: vi.fn() }))

import { choosePlan, planLabel } from '../composables/plans.js'
import zh from '../i18n/zh-CN.js'
import en from '../i18n/en.js'

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en } })
const t = (key, params) => i18n.global.t(key, params)

// as GET /api/plans may list them: an old plan in force, a closed one, a newer one in force of the same title, a draft
const plans = [
  { id: 3, title: '科创规划', periodStart: 2021, periodEnd: 2025, status: 'IN_FORCE', createdAt: '2025-03-01T02:00:00Z' },
  { id: 7, title: '科创规划', periodStart: 2026, periodEnd: 2030, status: 'IN_FORCE', createdAt: '2026-11-20T02:00:00Z' },
  { id: 5, title: '旧规划', periodStart: 2016, periodEnd: 2020, status: 'CLOSED', createdAt: '2026-12-01T02:00:00Z' },
  { id: 9, title: '新草稿', periodStart: 2026, periodEnd: 2030, status: 'DRAFT', createdAt: '2026-12-02T02:00:00Z' },
]

describe('the plan a supervisor screen works on', () => {
  it('is the newest plan in force when nothing was chosen, whatever order the list comes in', () => {
    expect(choosePlan(plans)).toBe(7)
    expect(choosePlan([...plans].reverse())).toBe(7)
    expect(choosePlan(plans, { preferDraft: true })).toBe(9)
  })

  it('is the one the URL names, else the one chosen last, never an unknown one', () => {
    expect(choosePlan(plans, { queried: 3, last: 5 })).toBe(3)
    expect(choosePlan(plans, { queried: null, last: 5 })).toBe(5)
    expect(choosePlan(plans, { queried: 404, last: 405 })).toBe(7)
    expect(choosePlan([])).toBeNull()
  })

  it('is named with its period, status and import date, so plans of the same title differ', () => {
    const [old, current] = plans.slice(0, 2).map((p) => planLabel(p, t, 'zh-CN'))
    expect(old).not.toBe(current)
    expect(current).toContain('科创规划')
    expect(current).toContain('2026–2030')
    expect(current).toContain('实施中')
    expect(current).toContain('2026/11/20')
    i18n.global.locale.value = 'en'
    expect(planLabel(plans[1], t, 'en')).toBe('科创规划 (2026–2030 · In force · imported 2026-11-20)')
    i18n.global.locale.value = 'zh-CN'
  })
})
