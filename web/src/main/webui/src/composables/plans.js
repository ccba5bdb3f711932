import { ref } from 'vue'
import { api } from '../api.js'

// The plans the caller may see, and the one a page works on (the first in force unless chosen).
export function usePlans() {
  const plans = ref([])
  const planId = ref(null)
  async function loadPlans(preferDraft = false) {
    const data = await api.get('task', '/api/plans')
    plans.value = Array.isArray(data) ? data : data?.items ?? []
    if (!planId.value && plans.value.length) {
      const preferred = plans.value.find((p) => p.status === (preferDraft ? 'DRAFT' : 'IN_FORCE')) ?? plans.value[0]
      planId.value = preferred.id
    }
    return plans.value
  }
  return { plans, planId, loadPlans }
}
