import { describe, it, expect, vi } from 'vitest'
import { createI18n } from 'vue-i18n'

vi.mock('../auth.js', () => ({ accessToken: vi.fn(async () => null), session: {}, login: vi.fn() }))

import zhCN from '../i18n/zh-CN.js'
import en from '../i18n/en.js'
import { fieldErrorText, translatedFieldErrors } from '../utils/fieldErrors.js'
import { describe as describeError, serverFieldErrors } from '../composables/serverForm.js'
import { ApiError } from '../api.js'

function catalogue(locale) {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })
  return { t: i18n.global.t, te: (key) => i18n.global.te(key, locale) }
}
const zh = catalogue('zh-CN')
const english = catalogue('en')
const text = (lang, error) => fieldErrorText(lang.t, lang.te, error)

// what the services send (service-common ViolationCodes), one of each code with the params it carries
const SERVER_ERRORS = [
  { code: 'required', params: {} },
  { code: 'length', params: { min: 1, max: 200 } },
  { code: 'length', params: { max: 2000 } },
  { code: 'length', params: { min: 3 } },
  { code: 'count', params: { min: 1, max: 30 } },
  { code: 'count', params: { max: 30 } },
  { code: 'count', params: { min: 1 } },
  { code: 'min', params: { value: 0 } },
  { code: 'min', params: { value: 0, inclusive: false } },
  { code: 'max', params: { value: 100 } },
  { code: 'max', params: { value: 99.5, inclusive: false } },
  { code: 'positive', params: {} },
  { code: 'positiveOrZero', params: {} },
  { code: 'negative', params: {} },
  { code: 'negativeOrZero', params: {} },
  { code: 'digits', params: { integer: 3, fraction: 2 } },
  { code: 'format', params: {} },
  { code: 'format', params: { expected: 'yyyy-MM-dd' } },
  { code: 'email', params: {} },
  { code: 'past', params: {} },
  { code: 'pastOrPresent', params: {} },
  { code: 'future', params: {} },
  { code: 'futureOrPresent', params: {} },
  { code: 'oneOf', params: { allowed: 'APPROVE, REJECT' } },
  { code: 'number', params: {} },
  { code: 'type', params: {} },
  { code: 'notBefore', params: { other: 'periodFrom', value: '2026-01-01' } },
  { code: 'unknown', params: { value: 'kjpg2' } },
  { code: 'invalid', params: {} },
].map((e) => ({ field: 'f', message: 'the server says so', ...e }))

describe('a server field error', () => {
  it('is shown in Chinese by its code, with its params filled in', () => {
    expect(text(zh, { field: 'comment', message: 'is required when the decision is REJECT', code: 'required' })).toBe('必填')
    expect(text(zh, { field: 'comment', message: 'size must be between 0 and 2000', code: 'length', params: { max: 2000 } })).toBe('最多 2000 个字')
    expect(text(zh, { field: 'title', message: 'x', code: 'length', params: { min: 1, max: 200 } })).toBe('长度应为 1 到 200 个字')
    expect(text(zh, { field: 'percent', message: 'must be less than or equal to 100', code: 'max', params: { value: 100 } })).toBe('不能大于 100')
    expect(text(zh, { field: 'score', message: 'x', code: 'max', params: { value: 99.5, inclusive: false } })).toBe('应小于 99.5')
    expect(text(zh, { field: 'decision', message: 'must be one of APPROVE, REJECT', code: 'oneOf', params: { allowed: 'APPROVE, REJECT' } }))
      .toBe('应为以下之一：APPROVE, REJECT')
    expect(text(zh, { field: 'periodTo', message: 'must not be before periodFrom 2026-01-01', code: 'notBefore', params: { other: 'periodFrom', value: '2026-01-01' } }))
      .toBe('不能早于 2026-01-01')
    expect(text(zh, { field: 'dueFrom', message: 'x', code: 'format', params: { expected: '2026-01-31T00:00:00Z' } }))
      .toBe('格式不正确，应形如 2026-01-31T00:00:00Z')
  })

  it('is shown in English after the switch', () => {
    expect(text(english, { field: 'comment', message: 'is required when the decision is REJECT', code: 'required' })).toBe('Required')
    expect(text(english, { field: 'comment', message: 'x', code: 'length', params: { max: 2000 } })).toBe('At most 2000 characters')
    expect(text(english, { field: 'tags', message: 'x', code: 'count', params: { min: 1, max: 30 } })).toBe('1 to 30 entries')
  })

  it('keeps the server message where no translation says more: a generic code, an unknown code, missing params', () => {
    const consolidates = { field: 'consolidates', message: "'k' is not a sub-report of this milestone", code: 'invalid', params: {} }
    expect(text(zh, consolidates)).toBe("填写有误（'k' is not a sub-report of this milestone）")
    expect(text(english, consolidates)).toBe("'k' is not a sub-report of this milestone")
    expect(text(zh, { field: 'x', message: 'a rule added later', code: 'someNewCode', params: {} })).toBe('a rule added later')
    expect(text(zh, { field: 'x', message: 'must be at least 1', code: 'min' })).toBe('must be at least 1')
    // an older server without codes
    expect(text(zh, { field: 'x', message: 'must not be blank' })).toBe('must not be blank')
  })

  it('has a message in both catalogues for every code the services send', () => {
    for (const lang of [zh, english]) {
      for (const error of SERVER_ERRORS) {
        const shown = text(lang, error)
        expect(shown, `${error.code} ${JSON.stringify(error.params)}`).not.toBe('')
        expect(shown, `${error.code} ${JSON.stringify(error.params)}`).not.toMatch(/serverErrors\.|\{\w+\}/)
        if (error.code !== 'invalid' || lang === zh) expect(shown).not.toBe(error.message)
      }
    }
  })

  it('reaches its form field by the full path and by the field name', () => {
    const problem = {
      status: 400,
      errors: [
        { field: 'items[0].leadDepartmentCode', message: 'must not be null', code: 'required', params: {} },
        { field: 'comment', message: 'size must be between 0 and 2000', code: 'length', params: { max: 2000 } },
      ],
    }
    expect(translatedFieldErrors(zh.t, zh.te, problem)).toEqual({
      'items[0].leadDepartmentCode': '必填',
      leadDepartmentCode: '必填',
      comment: '最多 2000 个字',
    })
    expect(serverFieldErrors(zh.t, zh.te, new ApiError(400, problem)).comment).toBe('最多 2000 个字')
    expect(serverFieldErrors(zh.t, zh.te, new Error('network'))).toEqual({})
  })

  it('is summed up in the user language, naming the fields, when the form cannot show it in place', () => {
    const error = new ApiError(400, {
      status: 400,
      detail: 'comment: is required when the action is REJECT',
      errors: [{ field: 'comment', message: 'is required when the action is REJECT', code: 'required', params: {} }],
    })
    expect(describeError(zh.t, error)).toBe('填写内容有误：comment: 必填')
    expect(describeError(english.t, error)).toBe(`${en.errors.invalidWith.replace('{detail}', 'comment: Required')}`)
    // no field named: the server's detail as before
    expect(describeError(zh.t, new ApiError(400, { status: 400, detail: 'The request body is not valid JSON' })))
      .toBe('填写内容有误：The request body is not valid JSON')
  })
})
