import { ref } from 'vue'
import { useRoute } from 'vue-router'
import { api } from '../api.js'

// The plans with something published (task-service GET /api/public/plans, no login), and the one the visitor reads:
// shared by the public pages so switching page keeps the plan. A link may name the plan (?plan=<id>), e.g. the
// successor's page; else the one read before, else the latest.
const plans = ref([])
const planId = ref(null)
let loading = null

// The plan to read among those published: the one asked for when it is published, else the current one while it is
// still published, else the first (the latest period).
export function choosePublicPlan(list, current, asked) {
  const wanted = Number(asked)
  if (wanted && list.some((p) => p.planId === wanted)) return wanted
  if (list.some((p) => p.planId === current)) return current
  return list[0]?.planId ?? null
}

export function usePublicPlans() {
  const route = useRoute()
  function load() {
    if (!loading) {
      loading = api
        .get('task', '/api/public/plans', undefined, { anonymous: true })
        .then((data) => {
          plans.value = Array.isArray(data) ? data : []
          return plans.value
        })
        .catch((e) => {
          loading = null
          throw e
        })
    }
    return loading.then((list) => {
      planId.value = choosePublicPlan(list, planId.value, route?.query?.plan)
      return list
    })
  }
  return { plans, planId, load }
}

// A published snapshot's content (DisclosureContent): the plan's latest, or one by id.
export function readSnapshot(planIdValue, snapshotId) {
  return snapshotId
    ? api.get('task', `/api/public/snapshots/${snapshotId}`, undefined, { anonymous: true })
    : api.get('task', '/api/public/snapshots/latest', { planId: planIdValue }, { anonymous: true })
}
