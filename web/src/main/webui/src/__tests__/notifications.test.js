import { describe, expect, it } from 'vitest'
import { kindTagType, notificationTarget } from '../utils/notifications.js'

describe('notifications', () => {
  it('colours the ladder by how far it escalated', () => {
    expect(kindTagType('REMINDER')).toBe('info')
    expect(kindTagType('URGING')).toBe('warning')
    expect(kindTagType('SUPERVISION')).toBe('danger')
    expect(kindTagType('REPORT_APPROVED')).toBe('success')
    expect(kindTagType('SOMETHING_NEW')).toBe('info')
  })

  it('links to the plan task when the notification names one, else to the inbox', () => {
    expect(notificationTarget({ taskId: 12, processInstanceId: 'p' })).toEqual({ name: 'task', params: { id: '12' } })
    expect(notificationTarget({ taskId: null, processInstanceId: 'p' })).toEqual({ name: 'inbox' })
    expect(notificationTarget({})).toBeNull()
  })
})
