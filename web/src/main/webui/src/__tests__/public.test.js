import { describe, it, expect, vi } from 'vitest'

vi.mock('../auth.js', () => ({ session: {}, login: vi.fn() }))

import { progressLights, currentTarget, indicatorTargets, indicatorProgress, outlookColour, documentsOf, publicUrl } from '../utils/publicCharts.js'
import { LIGHT_COLOURS } from '../utils/charts.js'
import { DEMO_ACCOUNTS, keycloakAdminUrl } from '../utils/accounts.js'
import { allowed, landingFor, menuRoutes, routes } from '../router.js'
import zhCN from '../i18n/zh-CN.js'
import en from '../i18n/en.js'

const indicator = {
  ordinal: 1, name: 'R&D share', unit: '%', baselineYear: 2020, baselineValue: '6.44',
  originalTargetYear: 2025, originalTargetValue: '6', targetAdjusted: true, adjustedTargetYear: 2025, adjustedTargetValue: '6.5',
  latestYear: 2024, latestValue: '6.58', progressPercent: '101.2', status: 'MET',
}
const text = { baseline: 'b', latest: 'l', originalTarget: 'o', adjustedTarget: 'a', progress: 'p' }

describe('the public indicator charts', () => {
  it('show the original and the adjusted target side by side with baseline and latest value', () => {
    const option = indicatorTargets(indicator, text)
    expect(option.xAxis.data).toEqual(['b', 'l', 'o', 'a'])
    expect(option.series[0].data.map((d) => d.value)).toEqual([6.44, 6.58, 6, 6.5])
    expect(option.yAxis.name).toBe('%')
  })

  it('leave the adjusted bar empty when the target was never adjusted, and measure against the original then', () => {
    const plain = { ...indicator, targetAdjusted: false, adjustedTargetYear: null, adjustedTargetValue: null }
    expect(indicatorTargets(plain, text).series[0].data[3].value).toBeNull()
    expect(currentTarget(plain)).toEqual({ year: 2025, value: 6 })
    expect(currentTarget(indicator)).toEqual({ year: 2025, value: 6.5 })
  })

  it('compare every indicator by its progress in percent, coloured by outlook', () => {
    const option = indicatorProgress([indicator, { ...indicator, name: 'x', progressPercent: null, status: 'NO_DATA' }], text)
    expect(option.yAxis.data).toEqual(['R&D share', 'x'])
    expect(option.series[0].data.map((d) => d.value)).toEqual([101.2, null])
    expect(option.series[0].data[0].itemStyle.color).toBe(LIGHT_COLOURS.green)
    expect(outlookColour('UNLIKELY')).toBe(LIGHT_COLOURS.red)
    expect(outlookColour('AT_RISK')).toBe(LIGHT_COLOURS.yellow)
  })

  it('stack the lights of each published chapter', () => {
    const option = progressLights([{ chapterNumber: 'II', red: 1, yellow: 2, green: 3, none: 4 }], (r) => r.chapterNumber, (l) => l)
    expect(option.series.map((s) => s.data[0])).toEqual([1, 2, 3, 4])
    expect(option.yAxis.data).toEqual(['II'])
  })
})

describe('published documents', () => {
  it('are listed once each, newest first, with their address on task-service', () => {
    const docs = documentsOf([
      { documents: [{ documentId: 1, publishedAt: '2026-01-01T00:00:00Z' }, { documentId: 2, publishedAt: '2026-06-01T00:00:00Z' }] },
      { documents: [{ documentId: 1, publishedAt: '2026-01-01T00:00:00Z' }] },
    ])
    expect(docs.map((d) => d.documentId)).toEqual([2, 1])
    expect(publicUrl('http://task:8081', '/api/public/documents/2')).toBe('http://task:8081/api/public/documents/2')
    expect(publicUrl('http://task:8081', 'https://elsewhere/x')).toBe('https://elsewhere/x')
  })
})

describe('the evaluator, public and admin pages', () => {
  const route = (name) => routes.find((r) => r.name === name)
  it('are open to their role only; the public ones to anybody', () => {
    expect(allowed(route('evaluatorEvaluations'), ['evaluator'])).toBe(true)
    expect(allowed(route('evaluatorEvaluation'), ['staff'])).toBe(false)
    expect(allowed(route('evaluationReviews'), ['supervisor'])).toBe(true)
    expect(allowed(route('evaluationReviews'), ['evaluator'])).toBe(false)
    for (const name of ['adminDepartments', 'adminLadder', 'adminPeople']) {
      expect(allowed(route(name), ['admin'])).toBe(true)
      expect(allowed(route(name), ['supervisor'])).toBe(false)
    }
    for (const name of ['publicHome', 'publicIndicators', 'publicSnapshots', 'publicSnapshot', 'publicReports', 'publicOpenData']) {
      expect(allowed(route(name), [])).toBe(true)
    }
  })
  it('start the evaluator in the evaluation workspace and show the admin pages in the admin\'s menu', () => {
    expect(landingFor(['evaluator'])).toBe('/evaluator/evaluations')
    expect(menuRoutes(['admin']).map((r) => r.name)).toEqual(expect.arrayContaining(['adminDepartments', 'adminLadder', 'adminPeople']))
    expect(menuRoutes(['evaluator']).map((r) => r.name)).toContain('evaluatorEvaluations')
    expect(menuRoutes(['evaluator']).map((r) => r.name)).not.toContain('evaluationReviews')
  })
})

describe('the keys the pages build at run time', () => {
  const has = (messages, key) => typeof key.split('.').reduce((m, part) => m?.[part], messages) === 'string'
  const keys = [
    ...['SELF_ASSESSMENT', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'PUBLISHED'].map((s) => `evaluator.statuses.${s}`),
    ...['SUBMITTED', 'MISSING'].map((s) => `evaluator.selfAssessments.statuses.${s}`),
    ...['MET', 'MISSED', 'ON_TRACK', 'AT_RISK', 'UNLIKELY', 'NO_DATA'].map((s) => `public.outlook.${s}`),
    ...['MANUAL', 'SCHEDULED', 'EVALUATION'].map((s) => `public.trigger.${s}`),
    ...['MUNICIPAL', 'DISTRICT', 'OFFICE'].map((s) => `admin.departments.kinds.${s}`),
    ...['reminder', 'urging', 'supervision'].map((s) => `admin.ladder.rungs.${s}`),
    ...['lead', 'co', 'supervision'].map((s) => `admin.ladder.targets.${s}`),
    ...['staff', 'supervisor', 'evaluator', 'admin'].map((s) => `admin.people.roleText.${s}`),
    ...DEMO_ACCOUNTS.map((a) => `admin.people.names.${a.username.replace('.', '_')}`),
    ...DEMO_ACCOUNTS.filter((a) => a.organisation).map((a) => `admin.people.organisations.${a.organisation}`),
    ...routes.filter((r) => r.meta?.menu).map((r) => r.meta.menu),
  ]
  it('exist in both catalogues', () => {
    expect(keys.filter((k) => !has(zhCN, k))).toEqual([])
    expect(keys.filter((k) => !has(en, k))).toEqual([])
  })
})

describe('the Keycloak admin console link', () => {
  it('opens the realm of config.json on its Keycloak', () => {
    expect(keycloakAdminUrl({ url: 'http://localhost:28180/', realm: 'luoshi' })).toBe('http://localhost:28180/admin/master/console/#/luoshi')
  })
})
