import { describe, it, expect } from 'vitest'
import {
  criteriaOf,
  snapshotSummary,
  cellKey,
  sheetFrom,
  checkScore,
  entriesOf,
  cellErrors,
  estimateTotal,
  gradeOf,
  reportItemOf,
  missingDepartments,
  reportFiles,
} from '../utils/evaluation.js'

// the default rubric of task-service (evaluation-rubric.json), with ASCII grade names
const rubric = {
  criteria: [
    { subjectKind: 'CHAPTER', code: 'completion', name: 'c', maxScore: 10, weight: 30 },
    { subjectKind: 'CHAPTER', code: 'effect', name: 'e', maxScore: 10, weight: 20 },
    { subjectKind: 'CHAPTER', code: 'organisation', name: 'o', maxScore: 10, weight: 10 },
    { subjectKind: 'INDICATOR', code: 'attainment', name: 'a', maxScore: 10, weight: 25 },
    { subjectKind: 'INDICATOR', code: 'data-quality', name: 'd', maxScore: 10, weight: 5 },
    { subjectKind: 'INDICATOR', code: 'trend', name: 't', maxScore: 10, weight: 10 },
  ],
  grades: [
    { name: 'excellent', minTotal: 90 },
    { name: 'good', minTotal: 80 },
    { name: 'pass', minTotal: 60 },
    { name: 'fail', minTotal: 0 },
  ],
}

describe('the scoring sheet', () => {
  it('has the rubric criteria of each subject kind as columns, in order', () => {
    expect(criteriaOf(rubric, 'CHAPTER').map((c) => c.code)).toEqual(['completion', 'effect', 'organisation'])
    expect(criteriaOf(rubric, 'INDICATOR').map((c) => c.code)).toEqual(['attainment', 'data-quality', 'trend'])
    expect(criteriaOf(undefined, 'CHAPTER')).toEqual([])
  })

  it('scores the chapters with tasks of the snapshot by number, not the context chapters, and indicators by id', () => {
    const summary = snapshotSummary({
      asOf: '2026-11-26',
      plan: { title: 'P' },
      chapters: [
        { number: 'I', title: 'background', context: true, sections: [] },
        { number: 'II', title: 'tasks', context: false, sections: [{}, {}] },
      ],
      tasks: [{ chapterNumber: 'II' }, { chapterNumber: 'II' }],
      indicators: [{ id: 7, name: 'R&D', unit: '%', targetYear: 2025, targetValue: 6, assessment: { latestValue: 6.4, outlook: 'MET' } }],
      departments: [{ code: 'a' }, { code: 'b' }],
    })
    expect(summary.chapters).toEqual([{ ref: 'II', title: 'tasks', sections: 2, tasks: 2 }])
    expect(summary.indicators[0]).toMatchObject({ ref: '7', name: 'R&D', latestValue: 6.4, outlook: 'MET' })
    expect(summary.tasks).toBe(2)
    expect(summary.departments).toBe(2)
  })

  it('accepts blank, whole and two-decimal scores up to the maximum, and says why it refuses the rest', () => {
    expect(checkScore('', 10)).toBeNull()
    expect(checkScore('  ', 10)).toBeNull()
    expect(checkScore('0', 10)).toBeNull()
    expect(checkScore('10', 10)).toBeNull()
    expect(checkScore('7.25', 10)).toBeNull()
    expect(checkScore('10.01', 10).key).toBe('evaluator.score.tooHigh')
    expect(checkScore('7.255', 10).key).toBe('evaluator.score.twoDecimals')
    expect(checkScore('-1', 10).key).toBe('evaluator.score.notNumber')
    expect(checkScore('seven', 10).key).toBe('evaluator.score.notNumber')
    expect(checkScore('7.', 10).key).toBe('evaluator.score.notNumber')
  })

  it('sends only the scored cells, with their comments, and remembers which cell each entry is', () => {
    const values = { [cellKey('CHAPTER', 'II', 'completion')]: '8', [cellKey('CHAPTER', 'II', 'effect')]: ' ', [cellKey('INDICATOR', '7', 'trend')]: '6.5' }
    const comments = { [cellKey('INDICATOR', '7', 'trend')]: ' rising ' }
    const { entries, cells } = entriesOf(values, comments, { CHAPTER: ['II'], INDICATOR: ['7'] }, rubric)
    expect(entries).toEqual([
      { subjectKind: 'CHAPTER', subjectRef: 'II', criterion: 'completion', score: 8, comment: null },
      { subjectKind: 'INDICATOR', subjectRef: '7', criterion: 'trend', score: 6.5, comment: 'rising' },
    ])
    expect(cells).toEqual(['CHAPTER/II/completion', 'INDICATOR/7/trend'])
  })

  it('reads the stored scores back into the cells they came from', () => {
    const { values, comments } = sheetFrom([{ subjectKind: 'CHAPTER', subjectRef: 'II', criterion: 'effect', score: 7.5, comment: 'ok' }])
    expect(values).toEqual({ 'CHAPTER/II/effect': '7.5' })
    expect(comments).toEqual({ 'CHAPTER/II/effect': 'ok' })
  })

  it('puts the server\'s field errors on the cell of the entry they name, the rest aside', () => {
    const cells = ['CHAPTER/II/completion', 'INDICATOR/7/trend']
    const problem = {
      errors: [
        { field: 'scores[1].score', message: "must not exceed the criterion's maximum of 10" },
        { field: 'scores', message: 'something about the list' },
      ],
    }
    expect(cellErrors(problem, cells)).toEqual({
      'INDICATOR/7/trend': "must not exceed the criterion's maximum of 10",
      '': 'something about the list',
    })
  })
})

describe('the estimated total', () => {
  it('weighs the mean share of each scored criterion and leaves unscored criteria out, as task-service does', () => {
    // completion: mean(8/10, 6/10) = 0.7 (weight 30); trend: 5/10 = 0.5 (weight 10) → (21 + 5) / 40 = 65.0
    const total = estimateTotal(rubric, [
      { subjectKind: 'CHAPTER', subjectRef: 'II', criterion: 'completion', score: 8 },
      { subjectKind: 'CHAPTER', subjectRef: 'III', criterion: 'completion', score: 6 },
      { subjectKind: 'INDICATOR', subjectRef: '7', criterion: 'trend', score: 5 },
    ])
    expect(total).toEqual({ total: 65, grade: 'pass' })
  })

  it('rounds half up to one decimal and is null without scores', () => {
    // one criterion: 8.25/10 → 82.5
    expect(estimateTotal(rubric, [{ subjectKind: 'CHAPTER', subjectRef: 'II', criterion: 'effect', score: 8.25 }]).total).toBe(82.5)
    // completion: mean(1, 1, 0) = 0.6666… → 66.666… → 66.7
    expect(estimateTotal(rubric, [
      { subjectKind: 'CHAPTER', subjectRef: 'II', criterion: 'completion', score: 10 },
      { subjectKind: 'CHAPTER', subjectRef: 'III', criterion: 'completion', score: 10 },
      { subjectKind: 'CHAPTER', subjectRef: 'IV', criterion: 'completion', score: 0 },
    ]).total).toBe(66.7)
    expect(estimateTotal(rubric, [])).toBeNull()
  })

  it('gives the grade with the highest lowest total not above the total', () => {
    expect(gradeOf(rubric, 90)).toBe('excellent')
    expect(gradeOf(rubric, 89.9)).toBe('good')
    expect(gradeOf(rubric, 0)).toBe('fail')
  })
})

describe('the evaluation in workflow-service', () => {
  it('is found through the evaluator\'s open REPORT item of the same evaluation', () => {
    const items = [
      { id: 'a', kind: 'SELF_ASSESSMENT', evaluationId: 5 },
      { id: 'b', kind: 'REPORT', evaluationId: 4, processInstanceId: 'p4' },
      { id: 'c', kind: 'REPORT', evaluationId: 5, processInstanceId: 'p5' },
    ]
    expect(reportItemOf(items, '5').processInstanceId).toBe('p5')
    expect(reportItemOf(items, 6)).toBeNull()
  })

  it('chases the departments whose self-assessment is not in', () => {
    const list = [{ departmentCode: 'a', status: 'SUBMITTED' }, { departmentCode: 'b', status: 'MISSING' }]
    expect(missingDepartments(list).map((s) => s.departmentCode)).toEqual(['b'])
  })

  it('lists the report files docx first', () => {
    expect(reportFiles([{ format: 'PDF' }, { format: 'DOCX' }]).map((f) => f.format)).toEqual(['DOCX', 'PDF'])
  })
})

describe('the review of an evaluation report in the inbox', () => {
  it('opens on the evaluation review page', async () => {
    const { linkOf } = await import('../utils/items.js')
    expect(linkOf({ id: 'r1', processDefinitionKey: 'plan-evaluation', activityId: 'reviewEvaluationReport' })).toEqual({
      path: '/supervisor/evaluation-reviews',
      query: { item: 'r1' },
    })
  })
})

describe('a department\'s self-assessment item in the inbox', () => {
  it('opens on the self-assessment form of that item', async () => {
    const { linkOf } = await import('../utils/items.js')
    expect(linkOf({ id: 's1', processDefinitionKey: 'plan-evaluation', activityId: 'submitSelfAssessment' })).toEqual({ path: '/staff/self-assessments/s1' })
  })
})
