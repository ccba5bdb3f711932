// Department staff: the inbox and the task page (which the other roles open too).
export default [
  { path: '/staff/inbox', name: 'inbox', component: () => import('./InboxView.vue'), meta: { roles: ['staff', 'supervisor', 'admin'], menu: 'menu.inbox' } },
  { path: '/tasks/:id', name: 'task', component: () => import('./TaskDetailView.vue'), meta: { roles: ['staff', 'supervisor', 'admin', 'evaluator'] } },
]
