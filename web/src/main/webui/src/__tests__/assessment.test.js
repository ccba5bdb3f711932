import { describe, it, expect } from 'vitest'
import { defaultPeriod, sortRows, timelinessBars } from '../utils/assessment.js'

const rows = [
  { departmentCode: 'haidian', missing: 2, averageDaysLate: 15.0, onTime: 1, late: 1 },
  { departmentCode: 'drc', missing: 0, averageDaysLate: null, onTime: 4, late: 0 },
  { departmentCode: 'chaoyang', missing: 2, averageDaysLate: 30.5, onTime: 0, late: 3 },
]

describe('the department assessment table', () => {
  it('sorts by a figure, most first, ties by department code', () => {
    expect(sortRows(rows, 'missing').map((r) => r.departmentCode)).toEqual(['chaoyang', 'haidian', 'drc'])
    expect(sortRows(rows, 'missing', 'ascending').map((r) => r.departmentCode)).toEqual(['drc', 'chaoyang', 'haidian'])
  })

  it('puts a department without an average last whichever the order', () => {
    expect(sortRows(rows, 'averageDaysLate').map((r) => r.departmentCode)).toEqual(['chaoyang', 'haidian', 'drc'])
    expect(sortRows(rows, 'averageDaysLate', 'ascending').map((r) => r.departmentCode)).toEqual(['haidian', 'chaoyang', 'drc'])
  })

  it('charts reports on time, late and missing per department, in the rows\' order', () => {
    const option = timelinessBars(rows, (r) => r.departmentCode.toUpperCase(), { onTime: 'on time', late: 'late', missing: 'missing' })
    expect(option.yAxis.data).toEqual(['HAIDIAN', 'DRC', 'CHAOYANG'])
    expect(option.series.map((s) => s.name)).toEqual(['on time', 'late', 'missing'])
    expect(option.series[2].data).toEqual([2, 0, 2])
  })

  it('assesses this year up to today by default', () => {
    expect(defaultPeriod('2026-12-05')).toEqual(['2026-01-01', '2026-12-05'])
  })
})
