import { ref, computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '../api.js'

const list = ref([])
let loading = null

// The departments (GET /api/departments), loaded once per page load; names in the current language.
export function useDepartments() {
  const { locale } = useI18n()
  if (!loading) {
    loading = api
      .get('task', '/api/departments')
      .then((data) => {
        list.value = Array.isArray(data) ? data : data?.items ?? []
      })
      .catch(() => {
        loading = null
      })
  }
  const nameOf = (code) => {
    const d = list.value.find((x) => x.code === code)
    if (!d) return code ?? ''
    return locale.value === 'en' ? d.nameEn || d.nameZh : d.nameZh
  }
  const options = computed(() => list.value.map((d) => ({ value: d.code, label: nameOf(d.code) })))
  return { departments: list, nameOf, options }
}
