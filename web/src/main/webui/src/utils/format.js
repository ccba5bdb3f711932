// Dates as the officials read them, in Beijing's calendar.
export function formatDate(value, locale = 'zh-CN') {
  if (!value) return ''
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value)
  return date.toLocaleDateString(locale === 'en' ? 'en-CA' : 'zh-CN', { timeZone: 'Asia/Shanghai' })
}

export function formatDateTime(value, locale = 'zh-CN') {
  if (!value) return ''
  return new Date(value).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
}

export function newIdempotencyKey() {
  return globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `${Date.now()}-${Math.random()}`
}

// task-service answers a task's progress as the weighted share of milestones done, 0..1 (null without milestones)
export function formatShare(share) {
  if (share === null || share === undefined) return '\u2014'
  return `${Math.round(Number(share) * 100)}%`
}
