import { reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { ApiError } from '../api.js'

// The server's verdict on a form: field errors shown at their fields (el-form-item :error), the rest as a message.
// The form's values are never touched, so nothing typed is lost.
export function useServerErrors() {
  const { t } = useI18n()
  const fieldErrors = reactive({})
  const generalError = ref('')

  function clear() {
    for (const key of Object.keys(fieldErrors)) delete fieldErrors[key]
    generalError.value = ''
  }

  function apply(error) {
    clear()
    if (error instanceof ApiError) {
      Object.assign(fieldErrors, error.fieldErrors)
      generalError.value = describe(t, error)
    } else {
      generalError.value = error?.message || String(error)
    }
    ElMessage({ type: 'error', message: generalError.value, showClose: true })
  }

  return { fieldErrors, generalError, apply, clear }
}

export function describe(t, error) {
  if (!(error instanceof ApiError)) return error?.message || String(error)
  const known = {
    0: 'errors.network',
    401: 'errors.unauthorized',
    403: 'errors.forbidden',
    404: 'errors.notFound',
    409: 'errors.conflict',
    412: 'errors.stale',
    413: 'upload.tooLargeServer',
    415: 'upload.badTypeServer',
    428: 'errors.stale',
  }
  const detail = error.problem?.detail
  if (error.status === 400 || error.status === 422) return detail ? t('errors.invalidWith', { detail }) : t('errors.invalid')
  if (known[error.status]) return detail ? `${t(known[error.status])} (${detail})` : t(known[error.status])
  return detail ? t('errors.serverWith', { status: error.status, detail }) : t('errors.server', { status: error.status })
}
