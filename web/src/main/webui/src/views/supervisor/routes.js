// The supervision office's pages (admins share most of them).
export default [
  { path: '/supervisor/dashboard', name: 'dashboard', component: () => import('./DashboardView.vue'), meta: { roles: ['supervisor', 'admin'], menu: 'menu.dashboard' } },
  { path: '/supervisor/import', name: 'import', component: () => import('./PlanImportView.vue'), meta: { roles: ['supervisor', 'admin'], menu: 'menu.import' } },
  { path: '/supervisor/assign', name: 'assign', component: () => import('./AssignView.vue'), meta: { roles: ['supervisor', 'admin'], menu: 'menu.assign' } },
  { path: '/supervisor/reviews', name: 'reviews', component: () => import('./ReviewView.vue'), meta: { roles: ['supervisor', 'admin'], menu: 'menu.reviews' } },
  { path: '/supervisor/adjustments', name: 'adjustments', component: () => import('./AdjustmentsView.vue'), meta: { roles: ['supervisor', 'admin'], menu: 'menu.adjustments' } },
  { path: '/supervisor/ledger', name: 'ledger', component: () => import('./LedgerView.vue'), meta: { roles: ['supervisor', 'admin', 'staff', 'evaluator'], menu: 'menu.ledger' } },
  { path: '/supervisor/disclosure', name: 'disclosure', component: () => import('./DisclosureView.vue'), meta: { roles: ['supervisor'], menu: 'menu.disclosure' } },
  { path: '/supervisor/evaluations/new', name: 'launchEvaluation', component: () => import('./LaunchEvaluationView.vue'), meta: { roles: ['supervisor'], menu: 'menu.launchEvaluation' } },
]
