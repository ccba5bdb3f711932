// Notifications as workflow-service stores them (GET /api/notifications): kind, subject, body, taskId, processInstanceId.

// The ladder's escalation reads hotter at each rung; a decision reads as its outcome.
const KIND_TAG = {
  REMINDER: 'info',
  URGING: 'warning',
  SUPERVISION: 'danger',
  REPORT_APPROVED: 'success',
  REPORT_REJECTED: 'danger',
  ADJUSTMENT_REJECTED: 'danger',
}

export function kindTagType(kind) {
  return KIND_TAG[kind] || 'info'
}

// Where the official acts on it: the plan task when the notification names one, else the inbox of its process.
export function notificationTarget(n) {
  if (n?.taskId != null) return { name: 'task', params: { id: String(n.taskId) } }
  if (n?.processInstanceId) return { name: 'inbox' }
  return null
}
