import { describe, it, expect, vi } from 'vitest'

vi.mock('../auth.js', () => ({ session: {}, login: vi.fn() }))

import { seriesOf, seriesRows, seriesChart, decisionsOf, decisionSubject, refusalKey, refusedTask } from '../utils/succession.js'
import zhCN from '../i18n/zh-CN.js'
import { choosePublicPlan } from '../composables/publicPlans.js'

// task-service GET /api/public/plans/{id}/succession of a 2026–2030 plan succeeding a 2021–2025 one
const succession = {
  plan: { planId: 9, title: 'Plan 2026-2030', periodStart: 2026, periodEnd: 2030 },
  predecessor: { planId: 4, title: 'Plan 2021-2025', periodStart: 2021, periodEnd: 2025 },
  successor: null,
  indicators: [
    {
      name: 'R&D spending', unit: 'bn', baselineYear: 2024, baselineValue: '2900', baselineRevision: 'REVISED', baselineSource: 'bulletin',
      points: [
        { planId: 9, year: 2026, value: '3100', revision: 'PRELIMINARY' },
        { planId: 4, year: 2023, value: '2700', revision: 'REVISED' },
        { planId: 4, year: 2024, value: '2900', revision: 'REVISED' },
      ],
    },
  ],
}

describe('a continued indicator across both plans', () => {
  it('is found by the new indicator name, and none is found for an indicator that continues nothing', () => {
    expect(seriesOf(succession, 'R&D spending').baselineYear).toBe(2024)
    expect(seriesOf(succession, 'Patents')).toBeNull()
    expect(seriesOf(null, 'R&D spending')).toBeNull()
  })

  it('lists the old plan\'s published figures first, then the new plan\'s, each with the plan that published it', () => {
    const rows = seriesRows(succession.indicators[0], succession)
    expect(rows.map((r) => r.year)).toEqual([2023, 2024, 2026])
    expect(rows.map((r) => r.planTitle)).toEqual(['Plan 2021-2025', 'Plan 2021-2025', 'Plan 2026-2030'])
    expect(rows.map((r) => r.predecessor)).toEqual([true, true, false])
  })

  it('charts a line per plan over the years of both, empty where a plan published nothing', () => {
    const option = seriesChart(succession.indicators[0], succession)
    expect(option.xAxis.data).toEqual(['2023', '2024', '2026'])
    expect(option.series.map((s) => s.name)).toEqual(['Plan 2021-2025', 'Plan 2026-2030'])
    expect(option.series[0].data).toEqual([2700, 2900, null])
    expect(option.series[1].data).toEqual([null, null, 3100])
    expect(option.yAxis.name).toBe('bn')
  })

  it('charts only the plan itself when it succeeds none', () => {
    const alone = { plan: succession.plan, predecessor: null, indicators: [] }
    const option = seriesChart({ unit: 'bn', points: [{ planId: 9, year: 2026, value: '1' }] }, alone)
    expect(option.series.map((s) => s.name)).toEqual(['Plan 2026-2030'])
  })
})

describe('the decisions on proposals a snapshot disclosed', () => {
  const declined = { proposalId: 1, decision: 'DECLINED', decidedAt: '2026-03-01T08:00:00Z', taskReference: null, indicatorName: 'R&D spending' }
  const adjusted = { proposalId: 2, decision: 'ADJUSTMENT_STARTED', decidedAt: '2026-03-02T08:00:00Z', taskReference: '3(1)1', indicatorName: null }

  it('come newest decision first', () => {
    expect(decisionsOf({ proposalDecisions: [declined, adjusted] }).map((d) => d.proposalId)).toEqual([2, 1])
  })

  it('are none in a snapshot published before schema 2', () => {
    expect(decisionsOf({ schemaVersion: 1 })).toEqual([])
  })

  it('name the task by its reference, or else the indicator', () => {
    expect(decisionSubject(adjusted)).toBe('3(1)1')
    expect(decisionSubject(declined)).toBe('R&D spending')
  })
})

describe('the plan a public page reads', () => {
  const published = [{ planId: 9 }, { planId: 4 }]

  it('is the one a link names (?plan=) when it is published', () => {
    expect(choosePublicPlan(published, 9, '4')).toBe(4)
  })

  it('stays the one read before when the link names none or one not published', () => {
    expect(choosePublicPlan(published, 4, undefined)).toBe(4)
    expect(choosePublicPlan(published, 4, '77')).toBe(4)
  })

  it('is the latest published otherwise, and none when nothing is published', () => {
    expect(choosePublicPlan(published, null, undefined)).toBe(9)
    expect(choosePublicPlan([], 4, '4')).toBeNull()
  })
})

describe('a refused carry-over', () => {
  it('says why in the catalogue\'s words for every code task-service answers', () => {
    for (const code of ['carry-over.not-in-predecessor', 'carry-over.completed', 'carry-over.already-carried', 'carry-over.already-closed', 'carry-over.listed-twice']) {
      const key = refusalKey(code)
      expect(key.split('.').reduce((m, k) => m?.[k], zhCN), code).toBeTypeOf('string')
    }
    expect(refusalKey('carry-over.unknown')).toBeNull()
  })

  it('names the task by the reference and title the office chose it by, else by its id', () => {
    const chosen = [{ id: 7, reference: '3(1)1', title: 'Build the lab' }]
    expect(refusedTask({ params: { taskId: '7' } }, chosen)).toBe('3(1)1 Build the lab')
    expect(refusedTask({ params: { taskId: 8 } }, chosen)).toBe('#8')
  })
})
