// Chart options for the public pages, from a published snapshot (task-service DisclosureContent); pure functions.
import { LIGHT_COLOURS, rollupBars } from './charts.js'

// Stacked red/yellow/green bars per chapter or department (rows of DisclosureContent.chapters / .departments).
export function progressLights(rows, labelOf, lightLabel, horizontal = true) {
  const groups = (rows ?? []).map((r) => ({ row: r, counts: { red: r.red, yellow: r.yellow, green: r.green, none: r.none } }))
  return rollupBars(groups, (g) => labelOf(g.row), lightLabel, horizontal)
}

// The target an indicator is measured against now: the adjusted one when the target was adjusted.
export function currentTarget(indicator) {
  return indicator.targetAdjusted && indicator.adjustedTargetValue != null
    ? { year: indicator.adjustedTargetYear ?? indicator.originalTargetYear, value: Number(indicator.adjustedTargetValue) }
    : { year: indicator.originalTargetYear, value: Number(indicator.originalTargetValue) }
}

// One indicator: baseline, latest value, original target and adjusted target side by side, in its own unit.
export function indicatorTargets(indicator, text) {
  const adjusted = indicator.targetAdjusted ? Number(indicator.adjustedTargetValue) : null
  const bars = [
    { name: text.baseline, value: indicator.baselineValue == null ? null : Number(indicator.baselineValue), colour: '#78909c' },
    { name: text.latest, value: indicator.latestValue == null ? null : Number(indicator.latestValue), colour: '#1d4ed8' },
    { name: text.originalTarget, value: Number(indicator.originalTargetValue), colour: '#6d4c41' },
    { name: text.adjustedTarget, value: adjusted, colour: '#c2410c' },
  ]
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: indicator.unit || '', scale: false },
    series: [
      {
        type: 'bar',
        name: indicator.name,
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.colour } })),
      },
    ],
  }
}

// Every indicator's progress towards its (current) target, comparable across units: progressPercent of the snapshot.
export function indicatorProgress(indicators, text) {
  const rows = indicators ?? []
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v == null ? '-' : `${v}%`) },
    grid: { left: 8, right: 24, bottom: 8, top: 24, containLabel: true },
    xAxis: { type: 'value', max: (v) => Math.max(100, Math.ceil(v.max / 10) * 10), axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: text.progress,
        data: rows.map((r) => ({
          value: r.progressPercent == null ? null : Number(r.progressPercent),
          itemStyle: { color: outlookColour(r.status) },
        })),
        markLine: { silent: true, symbol: 'none', label: { show: false }, data: [{ xAxis: 100 }], lineStyle: { type: 'dashed' } },
      },
    ],
  }
}

// An indicator's outlook as a light: met or on track green, behind yellow, unlikely or missed red, no data none.
export function outlookLight(status) {
  switch (status) {
    case 'MET':
    case 'ON_TRACK':
      return 'green'
    case 'AT_RISK':
      return 'yellow'
    case 'UNLIKELY':
    case 'MISSED':
      return 'red'
    default:
      return 'none'
  }
}

export function outlookColour(status) {
  return LIGHT_COLOURS[outlookLight(status)]
}

// The published documents of a plan, newest first and without repeats, from the snapshots read.
export function documentsOf(contents) {
  const byId = new Map()
  for (const c of contents ?? []) for (const d of c?.documents ?? []) byId.set(d.documentId, d)
  return [...byId.values()].sort((a, b) => String(b.publishedAt).localeCompare(String(a.publishedAt)))
}

// Absolute address of a public path ("/api/public/…") on task-service.
export function publicUrl(base, href) {
  if (!href) return ''
  return /^https?:/.test(href) ? href : `${base}${href}`
}
