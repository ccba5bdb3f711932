// Where an inbox item is worked on: each kind of item has one page (and one endpoint, see workflow-service README).
export function linkOf(item) {
  if (item.activityId === 'reviewReport') return { path: '/supervisor/reviews', query: { item: item.id } }
  if (item.activityId === 'submitSelfAssessment') return { path: `/staff/self-assessments/${item.id}` }
  if (item.activityId === 'reviewEvaluationReport') return { path: '/supervisor/evaluation-reviews', query: { item: item.id } }
  if (item.activityId === 'decideProposal') return { path: '/supervisor/proposals', query: { item: item.id } }
  if (item.processDefinitionKey === 'task-adjustment') return { path: '/supervisor/adjustments', query: { item: item.id } }
  if (item.taskId) return { path: `/tasks/${item.taskId}`, query: { item: item.id } }
  return null
}

// What the task page offers for an item, by its activity
export function actionOf(item) {
  if (!item) return null
  switch (item.activityId) {
    case 'acceptTask':
      return 'accept'
    case 'reviewReturn':
      return 'reviewReturn'
    case 'submitReport':
      return 'report'
    case 'contributeSubReport':
      return 'subReport'
    default:
      return null
  }
}

// The kinds of item a supervisor's list page shows (their BPMN activity ids): the inbox filters them on the server
// (GET /api/inbox?activity=…), so a page holds only these and `total` counts only these.
export const REVIEW_ACTIVITIES = ['reviewReport']
export const ADJUSTMENT_ACTIVITIES = ['reviewAdjustment', 'approveAdjustment']

// The inbox query of page `page` (1-based, as el-pagination counts) of those kinds of item
export function inboxPageQuery(activities, page, size) {
  return { activity: activities, page: Math.max(0, page - 1), size }
}

// One line per change a request of adjustment asks for, from the item's `changes` (workflow-service puts the value it
// replaces beside the new one): an i18n key and its parameters. The milestone is named by its title; a value the
// service could not read is left as "—".
export function adjustmentChangeLines(item) {
  const shown = (value) => (value == null || value === '' ? '—' : value)
  return (item?.changes || []).map((c) => ({
    key: `adjustment.change.${c.field}`,
    params: { title: shown(c.label ?? (c.milestoneId != null ? `#${c.milestoneId}` : null)), before: shown(c.before), after: shown(c.after) },
  }))
}
