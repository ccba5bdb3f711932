// red/yellow/green lights for an inbox item, by the rule task-service applies to tasks (StatusLightPolicy): RED when past due,
// YELLOW when due within 30 days, GREEN otherwise, NONE without a due date.
export const YELLOW_WINDOW_DAYS = 30

export function lightOfDue(due, now = new Date()) {
  if (!due) return 'NONE'
  const dueDate = new Date(due)
  if (dueDate.getTime() < now.getTime()) return 'RED'
  const days = (dueDate.getTime() - now.getTime()) / 86400000
  return days <= YELLOW_WINDOW_DAYS ? 'YELLOW' : 'GREEN'
}

export function daysUntil(due, now = new Date()) {
  if (!due) return null
  return Math.ceil((new Date(due).getTime() - now.getTime()) / 86400000)
}

// How many days a due date (yyyy-MM-dd, a day in Beijing) is past on Beijing's today; 0 when it is not past.
export function daysLate(dueDate, now = new Date()) {
  if (!dueDate) return 0
  const today = now.toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' })
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${String(dueDate).slice(0, 10)}T00:00:00Z`)) / 86400000)
  return Math.max(0, days)
}

// The notifications a milestone's report form shows as received: the chasing kinds (urging, supervision), newest first.
export const CHASING_KINDS = ['URGING', 'SUPERVISION']
