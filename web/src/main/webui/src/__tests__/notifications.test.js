import { describe, it, expect, vi } from 'vitest'

vi.mock('../auth.js', () => ({ session: {}, login: vi.fn() }))

import { tagTypeOf, kindKeyOf, routeOf } from '../utils/notifications.js'
import { menuRoutes } from '../router.js'
import zh from '../i18n/zh-CN.js'
import en from '../i18n/en.js'

describe('a notification', () => {
  it('shows 督办 and a returned report as the most pressing, a reminder as information', () => {
    expect(tagTypeOf('SUPERVISION')).toBe('danger')
    expect(tagTypeOf('REPORT_REJECTED')).toBe('danger')
    expect(tagTypeOf('URGING')).toBe('warning')
    expect(tagTypeOf('REMINDER')).toBe('info')
    expect(tagTypeOf('SOMETHING_NEW')).toBe('info')
  })

  it('names every kind in both languages, and a kind it does not know as a plain notice', () => {
    for (const kind of ['REMINDER', 'URGING', 'SUPERVISION', 'REPORT_APPROVED', 'REPORT_REJECTED', 'ADJUSTMENT_REJECTED']) {
      const key = kindKeyOf(kind).split('.').pop()
      expect(zh.notifications.kinds[key]).toBeTruthy()
      expect(en.notifications.kinds[key]).toBeTruthy()
    }
    expect(kindKeyOf('SOMETHING_NEW')).toBe('notifications.kinds.OTHER')
    expect(zh.notifications.kinds.URGING).toBe('催办')
  })

  it('links to its task in the app when it names one', () => {
    expect(routeOf({ taskId: 42 })).toEqual({ name: 'task', params: { id: '42' } })
    expect(routeOf({ taskId: null })).toBeNull()
  })

  it('is in the menu of every signed-in role', () => {
    for (const role of ['staff', 'supervisor', 'evaluator', 'admin']) {
      expect(menuRoutes([role]).map((r) => r.name)).toContain('notifications')
    }
  })
})
