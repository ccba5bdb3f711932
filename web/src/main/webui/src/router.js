import { createRouter, createWebHistory } from 'vue-router'
import { session, login } from './auth.js'

// Views by area (staff, supervisor, evaluator, public, admin), so each area can grow without touching the others.
// meta.roles: who may open the page; meta.public: no login at all.
export const routes = [
  { path: '/', name: 'home', component: () => import('./views/public/HomeView.vue'), meta: { public: true } },
  { path: '/staff/inbox', name: 'inbox', component: () => import('./views/staff/InboxView.vue'), meta: { roles: ['staff', 'supervisor', 'admin'], menu: 'menu.inbox' } },
  { path: '/tasks/:id', name: 'task', component: () => import('./views/staff/TaskDetailView.vue'), meta: { roles: ['staff', 'supervisor', 'admin', 'evaluator'] } },
  { path: '/supervisor/dashboard', name: 'dashboard', component: () => import('./views/supervisor/DashboardView.vue'), meta: { roles: ['supervisor', 'admin'], menu: 'menu.dashboard' } },
  { path: '/supervisor/import', name: 'import', component: () => import('./views/supervisor/PlanImportView.vue'), meta: { roles: ['supervisor', 'admin'], menu: 'menu.import' } },
  { path: '/supervisor/assign', name: 'assign', component: () => import('./views/supervisor/AssignView.vue'), meta: { roles: ['supervisor', 'admin'], menu: 'menu.assign' } },
  { path: '/supervisor/reviews', name: 'reviews', component: () => import('./views/supervisor/ReviewView.vue'), meta: { roles: ['supervisor', 'admin'], menu: 'menu.reviews' } },
  { path: '/supervisor/adjustments', name: 'adjustments', component: () => import('./views/supervisor/AdjustmentsView.vue'), meta: { roles: ['supervisor', 'admin'], menu: 'menu.adjustments' } },
  { path: '/supervisor/ledger', name: 'ledger', component: () => import('./views/supervisor/LedgerView.vue'), meta: { roles: ['supervisor', 'admin', 'staff', 'evaluator'], menu: 'menu.ledger' } },
  { path: '/supervisor/disclosure', name: 'disclosure', component: () => import('./views/supervisor/DisclosureView.vue'), meta: { roles: ['supervisor'], menu: 'menu.disclosure' } },
  { path: '/supervisor/evaluations/new', name: 'launchEvaluation', component: () => import('./views/supervisor/LaunchEvaluationView.vue'), meta: { roles: ['supervisor'], menu: 'menu.launchEvaluation' } },
  // evaluator, public and admin areas (helper webeval)
  { path: '/evaluator/evaluations', name: 'evaluatorEvaluations', component: () => import('./views/evaluator/EvaluationsView.vue'), meta: { roles: ['evaluator'], menu: 'evaluator.menu' } },
  { path: '/evaluator/evaluations/:id', name: 'evaluatorEvaluation', component: () => import('./views/evaluator/EvaluationView.vue'), meta: { roles: ['evaluator'] } },
  { path: '/staff/self-assessments/:itemId', name: 'selfAssessment', component: () => import('./views/staff/SelfAssessmentView.vue'), meta: { roles: ['staff'] } },
  { path: '/supervisor/evaluation-reviews', name: 'evaluationReviews', component: () => import('./views/supervisor/EvaluationReviewView.vue'), meta: { roles: ['supervisor'], menu: 'evaluationReview.menu' } },
  // plan succession (issue 16, docs/succession.md)
  { path: '/supervisor/succession', name: 'succession', component: () => import('./views/supervisor/SuccessionView.vue'), meta: { roles: ['supervisor', 'admin'], menu: 'succession.menu' } },
  { path: '/supervisor/proposals', name: 'proposals', component: () => import('./views/supervisor/ProposalsView.vue'), meta: { roles: ['supervisor', 'admin'], menu: 'succession.proposals.menu' } },
  { path: '/public/succession', name: 'publicSuccession', component: () => import('./views/public/PublicSuccessionView.vue'), meta: { public: true } },
  { path: '/notifications', name: 'notifications', component: () => import('./views/NotificationsView.vue'), meta: { roles: ['staff', 'supervisor', 'evaluator', 'admin'], menu: 'menu.notifications' } },
  { path: '/public', name: 'publicHome', component: () => import('./views/public/HomeView.vue'), meta: { public: true, menu: 'public.nav.menu' } },
  { path: '/public/indicators', name: 'publicIndicators', component: () => import('./views/public/PublicIndicatorsView.vue'), meta: { public: true } },
  { path: '/public/snapshots', name: 'publicSnapshots', component: () => import('./views/public/PublicSnapshotsView.vue'), meta: { public: true } },
  { path: '/public/snapshots/:id', name: 'publicSnapshot', component: () => import('./views/public/PublicSnapshotView.vue'), meta: { public: true } },
  { path: '/public/reports', name: 'publicReports', component: () => import('./views/public/PublicReportsView.vue'), meta: { public: true } },
  { path: '/public/open-data', name: 'publicOpenData', component: () => import('./views/public/PublicOpenDataView.vue'), meta: { public: true } },
  { path: '/admin/departments', name: 'adminDepartments', component: () => import('./views/admin/DepartmentsView.vue'), meta: { roles: ['admin'], menu: 'admin.menu.departments' } },
  { path: '/admin/ladder', name: 'adminLadder', component: () => import('./views/admin/LadderView.vue'), meta: { roles: ['admin'], menu: 'admin.menu.ladder' } },
  { path: '/admin/people', name: 'adminPeople', component: () => import('./views/admin/PeopleView.vue'), meta: { roles: ['admin'], menu: 'admin.menu.people' } },
  { path: '/forbidden', name: 'forbidden', component: () => import('./views/public/ForbiddenView.vue'), meta: { public: true } },
  { path: '/:pathMatch(.*)*', name: 'notFound', component: () => import('./views/public/NotFoundView.vue'), meta: { public: true } },
]

// Where a role starts after login.
export function landingFor(roles) {
  if (roles.includes('supervisor')) return '/supervisor/dashboard'
  if (roles.includes('staff')) return '/staff/inbox'
  if (roles.includes('admin')) return '/supervisor/dashboard'
  if (roles.includes('evaluator')) return '/evaluator/evaluations'
  return '/'
}

export function allowed(route, roles) {
  if (route.meta?.public) return true
  const needed = route.meta?.roles
  return !needed || needed.some((r) => roles.includes(r))
}

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes })
  router.beforeEach((to) => {
    if (to.meta?.public) return true
    if (!session.authenticated) {
      login(to.fullPath)
      return false
    }
    return allowed(to, session.roles) ? true : { name: 'forbidden' }
  })
  return router
}

// Added by other areas (evaluator, public, admin) through this list, so that the menu follows the routes.
export function menuRoutes(roles) {
  return routes.filter((r) => r.meta?.menu && allowed(r, roles))
}
