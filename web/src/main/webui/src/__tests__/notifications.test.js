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

describe('the unread count', () => {
  it('is asked of workflow-service and refreshed after marking one or all read', async () => {
    vi.resetModules()
    const calls = []
    let unreadNow = 3
    vi.doMock('../api.js', () => ({
      api: {
        get: vi.fn(async (service, path) => { calls.push(['GET', service, path]); return { unread: unreadNow } }),
        put: vi.fn(async (service, path) => { calls.push(['PUT', service, path]); unreadNow = path.endsWith('/read') && path !== '/api/notifications/read' ? 2 : 0; return { marked: 2 } }),
      },
    }))
    const { unread, refreshUnread, markRead, markAllRead } = await import('../composables/unread.js')
    await refreshUnread()
    expect(unread.value).toBe(3)
    await markRead(17)
    expect(unread.value).toBe(2)
    expect(await markAllRead()).toBe(2)
    expect(unread.value).toBe(0)
    expect(calls).toEqual([
      ['GET', 'workflow', '/api/notifications/unread-count'],
      ['PUT', 'workflow', '/api/notifications/17/read'],
      ['GET', 'workflow', '/api/notifications/unread-count'],
      ['PUT', 'workflow', '/api/notifications/read'],
      ['GET', 'workflow', '/api/notifications/unread-count'],
    ])
    vi.doUnmock('../api.js')
  })

  it('is named in both languages', () => {
    for (const key of ['unreadCount', 'markRead', 'markAllRead', 'read']) {
      expect(zh.notifications[key]).toBeTruthy()
      expect(en.notifications[key]).toBeTruthy()
    }
  })
})
