import { describe, it, expect, vi } from 'vitest'

vi.mock('../auth.js', () => ({ session: {}, login: vi.fn() }))

import { lightOfDue, daysUntil } from '../utils/lights.js'
import { checkFile, EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES } from '../utils/files.js'
import { linkOf, actionOf, inboxPageQuery, REVIEW_ACTIVITIES, ADJUSTMENT_ACTIVITIES } from '../utils/items.js'
import { buildQuery } from '../api.js'
import { allowed, landingFor, menuRoutes, routes } from '../router.js'
import { rollupBars, indicatorLines } from '../utils/charts.js'

const now = new Date('2026-06-01T00:00:00Z')

describe('the light of an inbox item', () => {
  it('is red past the due date, yellow within 30 days, green later, none without a date', () => {
    expect(lightOfDue('2026-05-31T00:00:00Z', now)).toBe('RED')
    expect(lightOfDue('2026-06-20T00:00:00Z', now)).toBe('YELLOW')
    expect(lightOfDue('2026-08-01T00:00:00Z', now)).toBe('GREEN')
    expect(lightOfDue(null, now)).toBe('NONE')
    expect(daysUntil('2026-06-03T00:00:00Z', now)).toBe(2)
  })
})

describe('an evidence file', () => {
  it('is refused before upload when of another type, too large or empty', () => {
    expect(checkFile({ name: 'a.exe', size: 10 }, EVIDENCE_MAX_BYTES, EVIDENCE_EXTENSIONS).key).toBe('upload.badType')
    expect(checkFile({ name: 'a.pdf', size: EVIDENCE_MAX_BYTES + 1 }, EVIDENCE_MAX_BYTES, EVIDENCE_EXTENSIONS).key).toBe('upload.tooLarge')
    expect(checkFile({ name: 'a.pdf', size: 0 }, EVIDENCE_MAX_BYTES, EVIDENCE_EXTENSIONS).key).toBe('upload.empty')
    expect(checkFile({ name: 'Report.PDF', size: 1000 }, EVIDENCE_MAX_BYTES, EVIDENCE_EXTENSIONS)).toBeNull()
  })
})

describe('inbox items', () => {
  it('open on the page of their kind', () => {
    expect(linkOf({ id: 'a', activityId: 'reviewReport', taskId: 1 }).path).toBe('/supervisor/reviews')
    expect(linkOf({ id: 'b', processDefinitionKey: 'task-adjustment', activityId: 'reviewAdjustment', taskId: 1 }).path).toBe('/supervisor/adjustments')
    expect(linkOf({ id: 'c', processDefinitionKey: 'task-assignment', activityId: 'acceptTask', taskId: 9 })).toEqual({ path: '/tasks/9', query: { item: 'c' } })
    // a 调整建议 names the task it is about, but is decided on the proposals page, not the task's
    expect(linkOf({ id: 'd', processDefinitionKey: 'evaluation-proposal', activityId: 'decideProposal', taskId: 9 })).toEqual({ path: '/supervisor/proposals', query: { item: 'd' } })
    expect(actionOf({ activityId: 'submitReport' })).toBe('report')
    expect(actionOf({ activityId: 'contributeSubReport' })).toBe('subReport')
    expect(actionOf({ activityId: 'somethingElse' })).toBeNull()
  })
})

describe('pages by role', () => {
  const route = (name) => routes.find((r) => r.name === name)
  it('let staff into the inbox but not the supervisor pages', () => {
    expect(allowed(route('inbox'), ['staff'])).toBe(true)
    expect(allowed(route('reviews'), ['staff'])).toBe(false)
    expect(allowed(route('home'), [])).toBe(true)
    expect(menuRoutes(['staff']).map((r) => r.name)).not.toContain('import')
    expect(menuRoutes(['supervisor']).map((r) => r.name)).toContain('import')
  })
  it('send each role to its first page', () => {
    expect(landingFor(['staff'])).toBe('/staff/inbox')
    expect(landingFor(['supervisor'])).toBe('/supervisor/dashboard')
  })
})

describe('charts', () => {
  it('stack the lights of each group', () => {
    const option = rollupBars([{ key: 'c1', label: 'one', counts: { red: 1, yellow: 2, green: 3, none: 0, total: 6 } }], (g) => g.label, (l) => l)
    expect(option.series.map((s) => s.data[0])).toEqual([1, 2, 3, 0])
    expect(option.xAxis.data).toEqual(['one'])
  })
  it('draw the pace needed from the latest value to the target', () => {
    const option = indicatorLines(
      {
        baselineYear: 2020, baselineValue: 10, targetYear: 2025, targetValue: 20, unit: '%',
        values: [{ year: 2022, value: 13 }],
        assessment: { latestYear: 2022, latestValue: 13, projection: { year: 2025, value: 17.5 } },
      },
      { actual: 'a', target: 't', requiredPace: 'p', projection: 'j' },
    )
    expect(option.xAxis.data).toEqual(['2020', '2021', '2022', '2023', '2024', '2025'])
    const pace = option.series.find((s) => s.name === 'p').data
    expect(pace).toEqual([null, null, 13, null, null, 20])
    expect(option.series.find((s) => s.name === 'j').data[5]).toBe(17.5)
  })
})

describe('the name in the header', () => {
  it('puts a Chinese family name first and leaves other names as they are', async () => {
    const { displayName } = await vi.importActual('../auth.js')
    expect(displayName({ given_name: '\u5a1c', family_name: '\u674e', name: '\u5a1c \u674e' })).toBe('\u674e\u5a1c')
    expect(displayName({ given_name: 'Ann', family_name: 'Lee', name: 'Ann Lee' })).toBe('Ann Lee')
    expect(displayName({ preferred_username: 'sun.lei' })).toBe('sun.lei')
  })
})

describe('chapter labels under the bars', () => {
  it('keep only the number of a numbered chapter', async () => {
    const { leadingNumber } = await import('../utils/charts.js')
    expect(leadingNumber('\u4e09\u3001\u5f3a\u5316')).toBe('\u4e09')
    expect(leadingNumber('Chapter one')).toBe('Chapter one')
  })
})

describe("a task's progress", () => {
  it('is shown in percent of the 0..1 share task-service answers, a dash without milestones', async () => {
    const { formatShare } = await import('../utils/format.js')
    expect(formatShare(0.25)).toBe('25%')
    expect(formatShare('1.0000')).toBe('100%')
    expect(formatShare(null)).toBe('\u2014')
  })
})

describe('the supervisor\'s review lists', () => {
  it('ask the inbox for exactly their kinds of item, a page at a time', () => {
    expect(buildQuery(inboxPageQuery(REVIEW_ACTIVITIES, 1, 20))).toBe('?activity=reviewReport&page=0&size=20')
    expect(buildQuery(inboxPageQuery(ADJUSTMENT_ACTIVITIES, 3, 20)))
      .toBe('?activity=reviewAdjustment&activity=approveAdjustment&page=2&size=20')
  })

  it('are where the inbox links their items', () => {
    for (const activityId of REVIEW_ACTIVITIES) {
      expect(linkOf({ id: 'i', activityId, processDefinitionKey: 'milestone-reporting' }).path).toBe('/supervisor/reviews')
    }
    for (const activityId of ADJUSTMENT_ACTIVITIES) {
      expect(linkOf({ id: 'i', activityId, processDefinitionKey: 'task-adjustment' }).path).toBe('/supervisor/adjustments')
    }
  })
})
