// The evaluator's scoring sheet, kept as pure functions so it is tested without a browser.
// task-service is the judge (RubricPolicy, EvaluationScoringService); these checks only say it sooner.

export const EDITABLE_STATUSES = ['SELF_ASSESSMENT', 'RETURNED']

// The criteria of the rubric for one subject kind (CHAPTER or INDICATOR), in the rubric's order.
export function criteriaOf(rubric, kind) {
  return (rubric?.criteria ?? []).filter((c) => c.subjectKind === kind)
}

// What the frozen snapshot covers, in a few numbers and the two lists the evaluator scores.
export function snapshotSummary(snapshot) {
  const chapters = (snapshot?.chapters ?? [])
    .filter((c) => !c.context && c.number)
    .map((c) => ({ ref: c.number, title: c.title, sections: (c.sections ?? []).length }))
  const indicators = (snapshot?.indicators ?? []).map((i) => ({
    ref: String(i.id),
    name: i.name,
    unit: i.unit ?? '',
    targetYear: i.targetYear,
    targetValue: i.targetValue,
    latestValue: i.assessment?.latestValue ?? null,
    outlook: i.assessment?.outlook ?? null,
  }))
  const tasks = snapshot?.tasks ?? []
  const tasksByChapter = {}
  for (const t of tasks) tasksByChapter[t.chapterNumber] = (tasksByChapter[t.chapterNumber] ?? 0) + 1
  chapters.forEach((c) => (c.tasks = tasksByChapter[c.ref] ?? 0))
  return {
    asOf: snapshot?.asOf ?? null,
    planTitle: snapshot?.plan?.title ?? '',
    chapters,
    indicators,
    tasks: tasks.length,
    departments: (snapshot?.departments ?? []).length,
  }
}

export function cellKey(kind, ref, criterion) {
  return `${kind}/${ref}/${criterion}`
}

// The sheet's cells from the stored scores: text as typed (so "7." survives a re-render), and comments.
export function sheetFrom(scores) {
  const values = {}
  const comments = {}
  for (const s of scores ?? []) {
    const key = cellKey(s.subjectKind, s.subjectRef, s.criterion)
    values[key] = s.score === null || s.score === undefined ? '' : String(s.score)
    if (s.comment) comments[key] = s.comment
  }
  return { values, comments }
}

// null when the typed score is acceptable (blank = not scored), else { key, params } for the catalogue.
export function checkScore(text, max) {
  const value = String(text ?? '').trim()
  if (value === '') return null
  if (!/^\d+(\.\d+)?$/.test(value)) return { key: 'evaluator.score.notNumber', params: { max } }
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return { key: 'evaluator.score.twoDecimals', params: {} }
  if (Number(value) > Number(max)) return { key: 'evaluator.score.tooHigh', params: { max } }
  return null
}

// The body of PUT /api/evaluations/{id}/scores: every scored cell, and which cell each entry came from
// (so "scores[3].score" from the server lands on the cell it is about).
export function entriesOf(values, comments, subjects, rubric) {
  const entries = []
  const cells = []
  for (const kind of ['CHAPTER', 'INDICATOR']) {
    for (const ref of subjects[kind] ?? []) {
      for (const c of criteriaOf(rubric, kind)) {
        const key = cellKey(kind, ref, c.code)
        const text = String(values[key] ?? '').trim()
        if (text === '') continue
        const comment = (comments[key] ?? '').trim()
        entries.push({ subjectKind: kind, subjectRef: ref, criterion: c.code, score: Number(text), comment: comment || null })
        cells.push(key)
      }
    }
  }
  return { entries, cells }
}

// Server errors ("scores[3].score", "[3].criterion" …) by the cell they are about; the rest under '' .
export function cellErrors(problem, cells) {
  const byCell = {}
  for (const error of problem?.errors ?? []) {
    const match = /\[(\d+)\](?:\.(\w+))?$/.exec(error?.field ?? '')
    const cell = match ? cells[Number(match[1])] : undefined
    const key = cell ?? ''
    byCell[key] = byCell[key] ? `${byCell[key]}; ${error.message}` : error.message
  }
  return byCell
}

// The total as task-service computes it (RubricPolicy.total): per criterion the mean of score/max over the subjects
// scored, weighted, over the weights of the criteria scored, times 100, half up to one decimal; null without scores.
export function estimateTotal(rubric, entries) {
  const ratios = new Map()
  for (const e of entries) {
    const c = (rubric?.criteria ?? []).find((x) => x.subjectKind === e.subjectKind && x.code === e.criterion)
    if (!c) continue
    if (!ratios.has(c)) ratios.set(c, [])
    ratios.get(c).push(Number(e.score) / Number(c.maxScore))
  }
  if (ratios.size === 0) return null
  let weighted = 0
  let weights = 0
  for (const [c, list] of ratios) {
    weighted += (list.reduce((a, b) => a + b, 0) / list.length) * Number(c.weight)
    weights += Number(c.weight)
  }
  const total = Math.round(((weighted * 100) / weights) * 10 + 1e-9) / 10
  return { total, grade: gradeOf(rubric, total) }
}

export function gradeOf(rubric, total) {
  const grades = [...(rubric?.grades ?? [])].sort((a, b) => Number(b.minTotal) - Number(a.minTotal))
  return grades.find((g) => Number(g.minTotal) <= total)?.name ?? null
}

// The evaluator's open item of this evaluation (kind REPORT), from GET /api/evaluation-items.
export function reportItemOf(items, evaluationId) {
  return (items ?? []).find((i) => i.kind === 'REPORT' && Number(i.evaluationId) === Number(evaluationId)) ?? null
}

export function missingDepartments(selfAssessments) {
  return (selfAssessments ?? []).filter((s) => s.status !== 'SUBMITTED')
}

// The two report files, docx first, from GET/POST /api/evaluations/{id}/reports.
export function reportFiles(reports) {
  const order = { DOCX: 0, PDF: 1 }
  return [...(reports ?? [])].sort((a, b) => (order[a.format] ?? 9) - (order[b.format] ?? 9))
}
