import { createRouter, createWebHistory } from 'vue-router'
import { session, login } from './auth.js'

// Views by area (staff, supervisor, evaluator, public, admin): each area lists its pages in views/<area>/routes.js,
// found here by file name, so that an area grows without touching this file or another area's.
// meta.roles: who may open the page; meta.public: no login at all; meta.menu: its label in the menu.
export const AREAS = ['staff', 'supervisor', 'evaluator', 'admin', 'public']
const areaModules = import.meta.glob('./views/*/routes.js', { eager: true })

export function collectRoutes(modules) {
  const areaOf = (path) => path.split('/')[2]
  return Object.entries(modules)
    .sort(([a], [b]) => AREAS.indexOf(areaOf(a)) - AREAS.indexOf(areaOf(b)))
    .flatMap(([, module]) => module.default)
}

export const routes = [
  ...collectRoutes(areaModules),
  { path: '/forbidden', name: 'forbidden', component: () => import('./views/public/ForbiddenView.vue'), meta: { public: true } },
  { path: '/:pathMatch(.*)*', name: 'notFound', component: () => import('./views/public/NotFoundView.vue'), meta: { public: true } },
]

// Where a role starts after login.
export function landingFor(roles) {
  if (roles.includes('supervisor')) return '/supervisor/dashboard'
  if (roles.includes('staff')) return '/staff/inbox'
  if (roles.includes('admin')) return '/supervisor/dashboard'
  if (roles.includes('evaluator')) return '/supervisor/ledger'
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

// The menu follows the routes: every route with meta.menu that the roles may open, in the order of the areas.
export function menuRoutes(roles) {
  return routes.filter((r) => r.meta?.menu && allowed(r, roles))
}
