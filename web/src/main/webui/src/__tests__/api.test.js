import { describe, it, expect, vi, beforeEach } from 'vitest'

vi.mock('../auth.js', () => ({ accessToken: vi.fn(async () => 'token-123') }))

import { request, api, ApiError, fieldErrorMap, buildQuery, ifMatch, fileNameOf } from '../api.js'
import { accessToken } from '../auth.js'
import { setConfigForTests } from '../config.js'

function answer(status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body)
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: new Headers({ 'Content-Type': headers.type ?? 'application/json', ...headers }),
    text: async () => text,
  }
}

beforeEach(() => {
  setConfigForTests({ services: { task: 'http://task.test', workflow: 'http://workflow.test' }, keycloak: {} })
  globalThis.fetch = vi.fn()
  accessToken.mockClear()
})

describe('request', () => {
  it('sends the bearer token and JSON to the service named', async () => {
    fetch.mockResolvedValue(answer(200, { ok: 1 }, { ETag: 'W/"4"' }))
    const result = await request('workflow', '/api/inbox/1/complete', { method: 'POST', body: { decision: 'ACCEPT' } })
    const [url, init] = fetch.mock.calls[0]
    expect(url).toBe('http://workflow.test/api/inbox/1/complete')
    expect(init.headers.Authorization).toBe('Bearer token-123')
    expect(init.headers['Content-Type']).toBe('application/json')
    expect(JSON.parse(init.body)).toEqual({ decision: 'ACCEPT' })
    expect(result.data).toEqual({ ok: 1 })
    expect(result.etag).toBe('W/"4"')
  })

  it('sends the version as If-Match and the idempotency key', async () => {
    fetch.mockResolvedValue(answer(200, {}))
    await request('task', '/api/plans/1/confirmation', { method: 'POST', version: 3, idempotencyKey: 'k-1' })
    const init = fetch.mock.calls[0][1]
    expect(init.headers['If-Match']).toBe('W/"3"')
    expect(init.headers['Idempotency-Key']).toBe('k-1')
  })

  it('turns a problem+json answer into an ApiError with the field errors', async () => {
    fetch.mockResolvedValue(
      answer(400, { title: 'Invalid request', status: 400, detail: 'text: must not be blank', errors: [{ field: 'text', message: 'must not be blank' }] }, { type: 'application/problem+json' }),
    )
    const error = await api.post('workflow', '/api/milestone-items/7/report', { text: '' }).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(400)
    expect(error.fieldErrors).toEqual({ text: 'must not be blank' })
    expect(error.message).toBe('text: must not be blank')
  })

  it('asks for no token for public calls', async () => {
    fetch.mockResolvedValue(answer(200, []))
    await request('task', '/api/public/plans', { anonymous: true })
    expect(accessToken).not.toHaveBeenCalled()
    expect(fetch.mock.calls[0][1].headers.Authorization).toBeUndefined()
  })

  it('reports an unreachable service as status 0', async () => {
    fetch.mockRejectedValue(new TypeError('Failed to fetch'))
    const error = await api.get('task', '/api/tasks').catch((e) => e)
    expect(error.status).toBe(0)
  })
})

describe('helpers', () => {
  it('map nested field paths also to their last name', () => {
    expect(fieldErrorMap({ errors: [{ field: 'items[0].leadDepartmentCode', message: 'unknown' }] })).toEqual({
      'items[0].leadDepartmentCode': 'unknown',
      leadDepartmentCode: 'unknown',
    })
    expect(fieldErrorMap(null)).toEqual({})
  })

  it('leave empty filters out of the query and repeat lists', () => {
    expect(buildQuery({ planId: 1, light: ['RED', 'YELLOW'], q: '', dueTo: null, page: 0 })).toBe('?planId=1&light=RED&light=YELLOW&page=0')
    expect(buildQuery({})).toBe('')
  })

  it('write versions as weak ETags', () => {
    expect(ifMatch(3)).toBe('W/"3"')
    expect(ifMatch('W/"3"')).toBe('W/"3"')
    expect(ifMatch(null)).toBeUndefined()
  })

  it('read the file name of a download, also the UTF-8 one', () => {
    expect(fileNameOf('attachment; filename="ledger.xlsx"')).toBe('ledger.xlsx')
    expect(fileNameOf("attachment; filename*=UTF-8''%E5%8F%B0%E8%B4%A6.xlsx")).toBe('\u53f0\u8d26.xlsx')
    expect(fileNameOf(null)).toBeNull()
  })
})
