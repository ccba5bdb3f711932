import { reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { ApiError } from '../api.js'
import { fieldErrorText, translatedFieldErrors } from '../utils/fieldErrors.js'

// The server's verdict on a form: field errors shown at their fields (el-form-item :error) in the user's language
// (by their code, utils/fieldErrors.js), the rest as a message. The form's values are never touched, so nothing
// typed is lost.
export function useServerErrors() {
  const { t, te, locale } = useI18n()
  const fieldErrors = reactive({})
  const generalError = ref('')
  let lastError = null

  // the language switch re-words the server's errors still shown
  watch(locale, () => {
    if (lastError) {
      Object.assign(fieldErrors, serverFieldErrors(t, te, lastError))
      generalError.value = describe(t, lastError)
    }
  })

  function clear() {
    for (const key of Object.keys(fieldErrors)) delete fieldErrors[key]
    generalError.value = ''
    lastError = null
  }

  function apply(error) {
    clear()
    if (error instanceof ApiError) {
      lastError = error
      Object.assign(fieldErrors, serverFieldErrors(t, te, error))
      generalError.value = describe(t, error)
    } else {
      generalError.value = error?.message || String(error)
    }
    ElMessage({ type: 'error', message: generalError.value, showClose: true })
  }

  return { fieldErrors, generalError, apply, clear }
}

// {field → translated text} of an ApiError (empty for anything else): for forms that keep their own error state.
export function serverFieldErrors(t, te, error) {
  return error instanceof ApiError ? translatedFieldErrors(t, te, error.problem) : {}
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
  if (error.status === 400 || error.status === 422) {
    // the field errors in the user's language; the server's English detail only when it named no field
    const fields = (error.problem?.errors ?? []).filter((e) => e?.field)
    const text = fields.length ? fields.map((e) => `${e.field}: ${fieldErrorText(t, null, e)}`).join('; ') : detail
    return text ? t('errors.invalidWith', { detail: text }) : t('errors.invalid')
  }
  if (known[error.status]) return detail ? `${t(known[error.status])} (${detail})` : t(known[error.status])
  return detail ? t('errors.serverWith', { status: error.status, detail }) : t('errors.server', { status: error.status })
}
