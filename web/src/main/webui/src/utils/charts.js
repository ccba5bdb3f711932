// Chart options built from the services' answers; pure functions, so they are tested without a browser.
export const LIGHT_COLOURS = { green: '#2e7d32', yellow: '#f9a825', red: '#c62828', none: '#9e9e9e' }

// Stacked bars of red/yellow/green lights counts per group (chapter, department); labels already translated by the caller.
// `short` writes a category under a vertical bar (the chapter's number in the user's language), the tooltip the full label.
export function rollupBars(groups, labelOf, lightLabel, horizontal = false, short = leadingNumber) {
  const categories = groups.map((g) => labelOf(g))
  const series = ['red', 'yellow', 'green', 'none'].map((light) => ({
    name: lightLabel(light),
    type: 'bar',
    stack: 'lights',
    itemStyle: { color: LIGHT_COLOURS[light] },
    data: groups.map((g) => g.counts[light]),
  }))
  // under the bars only the chapter's number fits ("\u4e09\u3001..." -> "\u4e09"); the tooltip names it in full
  const axisLabel = horizontal ? { interval: 0, width: 120, overflow: 'truncate' } : { interval: 0, formatter: short }
  const category = { type: 'category', data: categories, axisLabel }
  const value = { type: 'value', minInterval: 1 }
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series,
  }
}

// An indicator over the years: reported values, the target, the pace still needed from the latest value to reach
// it, and the projection of the present pace to the target year (task-service's IndicatorAssessment).
export function indicatorLines(indicator, text) {
  const values = [...(indicator.values || [])].sort((a, b) => a.year - b.year)
  const firstYear = Math.min(indicator.baselineYear ?? values[0]?.year ?? indicator.targetYear, values[0]?.year ?? Infinity)
  const years = []
  for (let y = firstYear; y <= indicator.targetYear; y++) years.push(y)
  const at = (year, value) => years.map((y) => (y === year ? value : null))
  const actual = years.map((y) => {
    if (y === indicator.baselineYear && indicator.baselineValue != null) return Number(indicator.baselineValue)
    const v = values.find((x) => x.year === y)
    return v ? Number(v.value) : null
  })
  const series = [
    { name: text.actual, type: 'line', data: actual, connectNulls: true, symbolSize: 8 },
    { name: text.target, type: 'line', data: at(indicator.targetYear, Number(indicator.targetValue)), symbol: 'diamond', symbolSize: 14, lineStyle: { opacity: 0 } },
  ]
  const a = indicator.assessment
  if (a?.latestYear != null && a.latestValue != null) {
    const pace = years.map((y) => {
      if (y < a.latestYear) return null
      if (y === a.latestYear) return Number(a.latestValue)
      if (y === indicator.targetYear) return Number(indicator.targetValue)
      return null
    })
    series.push({ name: text.requiredPace, type: 'line', data: pace, connectNulls: true, lineStyle: { type: 'dashed' } })
    if (a.projection?.value != null) {
      const projected = years.map((y) => (y === a.latestYear ? Number(a.latestValue) : y === a.projection.year ? Number(a.projection.value) : null))
      series.push({ name: text.projection, type: 'line', data: projected, connectNulls: true, lineStyle: { type: 'dotted' } })
    }
  }
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', name: indicator.unit || '', scale: true },
    series,
  }
}

// "<number><ideographic comma>title" -> "<number>"; other labels as they are
export function leadingNumber(label) {
  const i = String(label).indexOf('\u3001')
  return i > 0 && i <= 4 ? label.slice(0, i) : label
}
