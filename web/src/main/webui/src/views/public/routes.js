// Pages anyone may open, without login.
export default [{ path: '/', name: 'home', component: () => import('./HomeView.vue'), meta: { public: true } }]
