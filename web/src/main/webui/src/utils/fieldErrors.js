// The services' field errors ({field, message, code, params} in problem+json, docs/problem-format.md) in the
// user's language: the code picks a message of the catalogue (serverErrors.*), the params fill it in. A code the
// catalogue does not know, or params its message needs but the server did not send, fall back to the server's
// English message, so nothing the server said is lost.

const has = (params, name) => params[name] !== undefined && params[name] !== null && params[name] !== ''

// code → the catalogue key for these params (null: no translation fits)
const KEYS = {
  required: () => 'required',
  length: (p) => (has(p, 'min') && has(p, 'max') ? 'lengthRange' : has(p, 'max') ? 'lengthMax' : has(p, 'min') ? 'lengthMin' : null),
  count: (p) => (has(p, 'min') && has(p, 'max') ? 'countRange' : has(p, 'max') ? 'countMax' : has(p, 'min') ? 'countMin' : null),
  min: (p) => (!has(p, 'value') ? null : p.inclusive === false ? 'minExclusive' : 'min'),
  max: (p) => (!has(p, 'value') ? null : p.inclusive === false ? 'maxExclusive' : 'max'),
  positive: () => 'positive',
  positiveOrZero: () => 'positiveOrZero',
  negative: () => 'negative',
  negativeOrZero: () => 'negativeOrZero',
  digits: (p) => (has(p, 'integer') && has(p, 'fraction') ? 'digits' : null),
  format: (p) => (has(p, 'expected') ? 'formatExpected' : 'format'),
  email: () => 'email',
  past: () => 'past',
  pastOrPresent: () => 'pastOrPresent',
  future: () => 'future',
  futureOrPresent: () => 'futureOrPresent',
  oneOf: (p) => (has(p, 'allowed') ? 'oneOf' : null),
  number: () => 'number',
  type: () => 'type',
  notBefore: (p) => (has(p, 'value') ? 'notBefore' : null),
  unknown: (p) => (has(p, 'value') ? 'unknown' : null),
  invalid: (p, message) => (message ? 'invalid' : null),
}

// One field error as the user reads it. `t` and `te` are vue-i18n's (te: does the key exist in this locale).
export function fieldErrorText(t, te, error) {
  if (!error) return ''
  const message = error.message || ''
  const params = error.params && typeof error.params === 'object' ? error.params : {}
  const pick = KEYS[error.code]
  const name = pick ? pick(params, message) : null
  const key = name ? `serverErrors.${name}` : null
  if (!key || (te && !te(key))) return message
  return t(key, { ...params, message })
}

// {field → text} of a problem's errors; "items[0].leadDepartmentCode" is also reachable as "leadDepartmentCode"
// (the form's own name), as in api.js' fieldErrorMap.
export function translatedFieldErrors(t, te, problem) {
  const map = {}
  for (const error of problem?.errors ?? []) {
    if (!error?.field) continue
    const text = fieldErrorText(t, te, error)
    map[error.field] = text
    const last = error.field.split('.').pop().replace(/\[\d+\]$/, '')
    if (!(last in map)) map[last] = text
  }
  return map
}
