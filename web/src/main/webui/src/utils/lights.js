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
