import { ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { api } from '../api.js'
import { formatDate } from '../utils/format.js'

// The plan a supervisor's screen works on is never in doubt: it is in the URL (?plan=<id>), so a link or a reload
// keeps it, and remembered for the browser tab, so the next screen opens on it too. Without either, the newest plan
// in force (a draft where the screen works on drafts).
const REMEMBERED = 'luoshi.plan'

function remembered() {
  try {
    return Number(sessionStorage.getItem(REMEMBERED)) || null
  } catch {
    return null
  }
}

function remember(id) {
  try {
    if (id) sessionStorage.setItem(REMEMBERED, String(id))
  } catch {
    // storage refused (private mode): the URL still carries the choice
  }
}

const newestFirst = (a, b) => String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')) || (b.id ?? 0) - (a.id ?? 0)

// Which plan a screen opens on: the one the URL names, else the one chosen last in this tab, else the newest in force.
export function choosePlan(plans, { queried = null, last = null, preferDraft = false } = {}) {
  const known = (id) => (id && plans.some((p) => p.id === id) ? id : null)
  const sorted = [...plans].sort(newestFirst)
  const preferred = sorted.find((p) => p.status === (preferDraft ? 'DRAFT' : 'IN_FORCE')) ?? sorted[0]
  return known(queried) ?? known(last) ?? preferred?.id ?? null
}

// A plan as the selector and every confirmation name it: title, period, status and when it was imported, so two
// plans of the same title are told apart.
export function planLabel(plan, t, locale) {
  if (!plan) return ''
  return t('plan.option', {
    title: plan.title,
    from: plan.periodStart,
    to: plan.periodEnd,
    status: t(`planStatus.${plan.status}`),
    imported: formatDate(plan.createdAt, locale),
  })
}

// The path a navigation under way is going to, per router: a screen that chose its plan after the user clicked away
// must not write ?plan= into the URL, as replacing the route would cancel the navigation the user asked for.
const leavingTo = new WeakMap()
function followNavigation(router) {
  if (!router || leavingTo.has(router)) return
  leavingTo.set(router, null)
  router.beforeEach((to) => { leavingTo.set(router, to.path) })
  router.afterEach(() => { leavingTo.set(router, null) })
}

export function usePlans() {
  const route = useRoute()
  const router = useRouter()
  followNavigation(router)
  const ownPath = route?.path
  const plans = ref([])
  const planId = ref(null)
  async function loadPlans(preferDraft = false) {
    const data = await api.get('task', '/api/plans')
    plans.value = Array.isArray(data) ? data : data?.items ?? []
    if (!planId.value && plans.value.length) {
      planId.value = choosePlan(plans.value, { queried: Number(route?.query?.plan) || null, last: remembered(), preferDraft })
    }
    return plans.value
  }
  watch(planId, (id) => {
    if (!id) return
    remember(id)
    const going = router ? leavingTo.get(router) : null
    if (router && route && route.path === ownPath && (going == null || going === ownPath)
        && String(route.query.plan ?? '') !== String(id)) {
      router.replace({ query: { ...route.query, plan: String(id) } })
    }
  })
  const currentPlan = () => plans.value.find((p) => p.id === planId.value) ?? null
  return { plans, planId, loadPlans, currentPlan }
}
