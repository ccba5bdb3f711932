// Plan succession on the public pages (task-service GET /api/public/plans/{id}/succession and the snapshots'
// proposalDecisions); pure functions, tested without a browser.

// The continued series of an indicator of the plan, found by its name (the succession names each series by the new
// indicator's name); null when the indicator continues none.
export function seriesOf(succession, name) {
  return succession?.indicators?.find((s) => s.name === name) ?? null
}

// A series' points, oldest year first, each with the title of the plan whose snapshot published it and whether that
// plan is the predecessor (its figures come first: the old plan's published values, then the new plan's).
export function seriesRows(series, succession) {
  const titles = new Map([succession?.predecessor, succession?.plan].filter(Boolean).map((p) => [p.planId, p.title]))
  return [...(series?.points ?? [])]
    .sort((a, b) => a.year - b.year)
    .map((p) => ({ ...p, planTitle: titles.get(p.planId) ?? '', predecessor: p.planId === succession?.predecessor?.planId }))
}

// A line per plan over the years of both, so that the reader sees where one plan's figures end and the next's begin.
export function seriesChart(series, succession) {
  const rows = seriesRows(series, succession)
  const years = [...new Set(rows.map((r) => r.year))]
  const line = (plan, colour) => ({
    type: 'line',
    name: plan.title,
    connectNulls: false,
    label: { show: true, position: 'top' },
    itemStyle: { color: colour },
    data: years.map((y) => {
      const point = rows.find((r) => r.year === y && r.planId === plan.planId)
      return point ? Number(point.value) : null
    }),
  })
  const plans = [[succession?.predecessor, '#78909c'], [succession?.plan, '#1d4ed8']].filter(([p]) => p)
  return {
    tooltip: { trigger: 'axis' },
    // plan titles are long: one line each, scrolled rather than overlapping
    legend: { top: 0, type: 'scroll', itemGap: 28, textStyle: { width: 420, overflow: 'truncate' } },
    grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', name: series?.unit || '', scale: true },
    series: plans.map(([p, colour]) => line(p, colour)),
  }
}

// The published decisions on proposals (DisclosureContent.proposalDecisions, schema 2), newest decision first; a
// snapshot published before schema 2 has none.
export function decisionsOf(content) {
  return [...(content?.proposalDecisions ?? [])].sort((a, b) => String(b.decidedAt).localeCompare(String(a.decidedAt)))
}

// What a decision was about: the task's reference or the indicator's name.
export function decisionSubject(decision) {
  return decision.taskReference || decision.indicatorName || ''
}

// Why a task could not be carried over or closed (task-service carry-over-refused: errors[].code, e.g.
// carry-over.already-carried) as a catalogue key; null for a code the catalogue does not know.
const REFUSALS = {
  'carry-over.not-in-predecessor': 'notInPredecessor',
  'carry-over.completed': 'completed',
  'carry-over.already-carried': 'alreadyCarried',
  'carry-over.already-closed': 'alreadyClosed',
  'carry-over.listed-twice': 'listedTwice',
}

export function refusalKey(code) {
  return REFUSALS[code] ? `succession.refusals.${REFUSALS[code]}` : null
}

// The task a refusal names (errors[].params.taskId), as the office chose it: its reference and title; else its id.
export function refusedTask(refusal, tasks) {
  const id = Number(refusal?.params?.taskId)
  const task = (tasks ?? []).find((x) => x.id === id)
  return task ? `${task.reference ?? ''} ${task.title ?? ''}`.trim() : `#${refusal?.params?.taskId ?? ''}`
}
