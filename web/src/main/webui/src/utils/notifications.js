// How a notification of workflow-service (GET /api/notifications, kinds of its NotificationKind) is shown: the tag's
// colour says how pressing it is, a supervision notice the most; the link goes to the task in this app, not to the API address the
// e-mail carries.
const TAG_TYPES = {
  REMINDER: 'info',
  URGING: 'warning',
  SUPERVISION: 'danger',
  REPORT_APPROVED: 'success',
  REPORT_REJECTED: 'danger',
  ADJUSTMENT_REJECTED: 'warning',
}

export function tagTypeOf(kind) {
  return TAG_TYPES[kind] ?? 'info'
}

export function kindKeyOf(kind) {
  return kind in TAG_TYPES ? `notifications.kinds.${kind}` : 'notifications.kinds.OTHER'
}

export function routeOf(notification) {
  return notification?.taskId != null ? { name: 'task', params: { id: String(notification.taskId) } } : null
}
