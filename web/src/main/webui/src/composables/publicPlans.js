import { ref } from 'vue'
import { api } from '../api.js'

// The plans with something published (task-service GET /api/public/plans, no login), and the one the visitor reads:
// shared by the public pages so switching page keeps the plan.
const plans = ref([])
const planId = ref(null)
let loading = null

export function usePublicPlans() {
  function load() {
    if (!loading) {
      loading = api
        .get('task', '/api/public/plans', undefined, { anonymous: true })
        .then((data) => {
          plans.value = Array.isArray(data) ? data : []
          if (!plans.value.some((p) => p.planId === planId.value)) planId.value = plans.value[0]?.planId ?? null
          return plans.value
        })
        .catch((e) => {
          loading = null
          throw e
        })
    }
    return loading
  }
  return { plans, planId, load }
}

// A published snapshot's content (DisclosureContent): the plan's latest, or one by id.
export function readSnapshot(planIdValue, snapshotId) {
  return snapshotId
    ? api.get('task', `/api/public/snapshots/${snapshotId}`, undefined, { anonymous: true })
    : api.get('task', '/api/public/snapshots/latest', { planId: planIdValue }, { anonymous: true })
}
