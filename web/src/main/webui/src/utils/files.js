// The limits task-service enforces (413 / 415), checked before the upload so the message comes at once.
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024
export const EVIDENCE_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'doc', 'xls', 'jpg', 'jpeg', 'png', 'zip', 'txt']
export const PLAN_MAX_BYTES = 5 * 1024 * 1024
// what task-service's plan import reads (it tells the format by content; the extension only guides the picker)
export const PLAN_EXTENSIONS = ['docx', 'pdf', 'html', 'htm', 'txt']

export function extensionOf(name) {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase()
}

// null when fine, else { key, params } for the message catalogue
export function checkFile(file, maxBytes, extensions) {
  if (!extensions.includes(extensionOf(file.name))) {
    return { key: 'upload.badType', params: { types: extensions.join(', ') } }
  }
  if (file.size > maxBytes) {
    return { key: 'upload.tooLarge', params: { max: formatSize(maxBytes), size: formatSize(file.size) } }
  }
  if (file.size === 0) return { key: 'upload.empty', params: {} }
  return null
}

export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
