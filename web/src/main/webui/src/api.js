// One small client for both services: bearer token, RFC 9457 problem+json, ETag / If-Match, uploads with progress.
import { config } from './config.js'
import { accessToken } from './auth.js'

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`)
    this.status = status
    this.problem = problem ?? null
    this.fieldErrors = fieldErrorMap(problem)
  }
}

// {field → message}; "items[0].leadDepartmentCode" is also reachable as "leadDepartmentCode" (the form's own name)
export function fieldErrorMap(problem) {
  const map = {}
  for (const error of problem?.errors ?? []) {
    if (!error?.field) continue
    map[error.field] = error.message
    const last = error.field.split('.').pop().replace(/\[\d+\]$/, '')
    if (!(last in map)) map[last] = error.message
  }
  return map
}

export function buildQuery(query) {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v))
    else params.append(key, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

// The services answer versions as weak ETags (W/"3"); a bare number from a JSON body is sent the same way.
export function ifMatch(version) {
  if (version === undefined || version === null) return undefined
  const text = String(version)
  return text.startsWith('W/') || text.startsWith('"') ? text : `W/"${text}"`
}

export function baseUrl(service) {
  const services = config().services
  if (service === 'task') return services.task
  if (service === 'workflow') return services.workflow
  throw new Error(`unknown service ${service}`)
}

async function parseBody(response) {
  if (response.status === 204) return null
  const type = response.headers.get('Content-Type') || ''
  if (type.includes('json')) {
    const text = await response.text()
    return text ? JSON.parse(text) : null
  }
  return response.text()
}

export async function request(service, path, options = {}) {
  const { method = 'GET', query, body, version, idempotencyKey, anonymous = false } = options
  const headers = { Accept: 'application/json, application/problem+json' }
  if (!anonymous) {
    const token = await accessToken()
    if (token) headers.Authorization = `Bearer ${token}`
  }
  let payload
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  const match = ifMatch(version)
  if (match) headers['If-Match'] = match
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey
  let response
  try {
    response = await fetch(`${baseUrl(service)}${path}${buildQuery(query)}`, { method, headers, body: payload })
  } catch (e) {
    throw new ApiError(0, { title: 'network', detail: e.message })
  }
  const data = await parseBody(response)
  if (!response.ok) {
    throw new ApiError(response.status, typeof data === 'object' ? data : { detail: data })
  }
  return { data, status: response.status, etag: response.headers.get('ETag'), location: response.headers.get('Location') }
}

export const api = {
  get: (service, path, query, opts) => request(service, path, { ...opts, query }).then((r) => r.data),
  post: (service, path, body, opts) => request(service, path, { ...opts, method: 'POST', body }).then((r) => r.data),
  put: (service, path, body, opts) => request(service, path, { ...opts, method: 'PUT', body }).then((r) => r.data),
  del: (service, path, opts) => request(service, path, { ...opts, method: 'DELETE' }).then((r) => r.data),
}

// Upload with progress events (fetch has none for request bodies). `file` goes as multipart part `field`,
// or, with raw: true, as the body itself (the plan import takes the document as it is).
export async function upload(service, path, file, { field = 'file', raw = false, query, onProgress, method = 'POST' } = {}) {
  const token = await accessToken()
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(method, `${baseUrl(service)}${path}${buildQuery(query)}`)
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    xhr.onerror = () => reject(new ApiError(0, { title: 'network', detail: 'network error' }))
    xhr.onload = () => {
      let data = null
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch (e) {
        data = { detail: xhr.responseText }
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data)
      else reject(new ApiError(xhr.status, data))
    }
    if (raw) {
      xhr.setRequestHeader('Content-Type', file.type || 'text/html')
      xhr.send(file)
    } else {
      const form = new FormData()
      form.append(field, file, file.name)
      xhr.send(form)
    }
  })
}

// Downloads a file (the .xlsx ledger, evidence, reports) with the token and hands it to the browser.
export async function download(service, path, query, fallbackName = 'download') {
  const token = await accessToken()
  const headers = token ? { Authorization: `Bearer ${token}` } : {}
  const response = await fetch(`${baseUrl(service)}${path}${buildQuery(query)}`, { headers })
  if (!response.ok) throw new ApiError(response.status, await parseBody(response).catch(() => null))
  const blob = await response.blob()
  const name = fileNameOf(response.headers.get('Content-Disposition')) || fallbackName
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
  return name
}

export function fileNameOf(disposition) {
  if (!disposition) return null
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition)
  if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
  const plain = /filename="?([^";]+)"?/i.exec(disposition)
  return plain ? plain[1] : null
}
