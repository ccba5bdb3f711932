// Department assessment: the departments' figures (workflow-service GET /api/department-assessment) sorted and charted; pure
// functions, tested without a browser.

// the columns that can be sorted by, in the order the table shows them
export const ASSESSMENT_COLUMNS = ['onTime', 'late', 'missing', 'averageDaysLate', 'urgings', 'supervisions', 'returned',
  'adjustmentsRequested', 'adjustmentsApproved', 'red', 'yellow', 'green']

// The period a supervisor most often assesses: this calendar year up to today.
export function defaultPeriod(today) {
  return [`${today.slice(0, 4)}-01-01`, today]
}

// Rows sorted by a figure (descending or ascending); a missing figure (no average) sorts last either way, ties by
// department code so the order is stable.
export function sortRows(rows, key, order = 'descending') {
  const sign = order === 'ascending' ? 1 : -1
  return [...rows].sort((a, b) => {
    const x = a[key] == null ? null : Number(a[key])
    const y = b[key] == null ? null : Number(b[key])
    if (x === y) return a.departmentCode.localeCompare(b.departmentCode)
    if (x === null) return 1
    if (y === null) return -1
    return sign * (x - y)
  })
}

const TIMELINESS_COLOURS = { onTime: '#2e7d32', late: '#f9a825', missing: '#c62828' }

// Horizontal stacked bars per department: milestone reports on time, late, missing; labels translated by the caller.
export function timelinessBars(rows, labelOf, text) {
  const series = ['onTime', 'late', 'missing'].map((key) => ({
    name: text[key],
    type: 'bar',
    stack: 'reports',
    itemStyle: { color: TIMELINESS_COLOURS[key] },
    data: rows.map((r) => r[key]),
  }))
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map(labelOf), inverse: true, axisLabel: { interval: 0, width: 120, overflow: 'truncate' } },
    series,
  }
}
