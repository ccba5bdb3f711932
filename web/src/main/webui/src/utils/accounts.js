// The demo accounts of the realm luoshi (auth/realm/luoshi-realm.json; password "demo", demo only). Names are in the
// message catalogues (admin.people.names.*).
export const DEMO_ACCOUNTS = [
  { username: 'zhang.wei', role: 'staff', department: 'stc-zgc' },
  { username: 'wang.fang', role: 'staff', department: 'drc' },
  { username: 'li.na', role: 'staff', department: 'haidian' },
  { username: 'liu.yang', role: 'staff', department: 'chaoyang' },
  { username: 'zhou.qiang', role: 'staff', department: 'eit' },
  { username: 'chen.jing', role: 'supervisor', department: 'supervision' },
  { username: 'zhao.min', role: 'evaluator', organisation: 'kjpg' },
  { username: 'qian.hui', role: 'evaluator', organisation: 'zlyj' },
  { username: 'sun.lei', role: 'admin' },
]

// Keycloak's admin console for the realm (users, roles, departments as groups) from /config.json's Keycloak address.
export function keycloakAdminUrl(keycloak) {
  const base = String(keycloak?.url ?? '').replace(/\/+$/, '')
  const realm = encodeURIComponent(keycloak?.realm || 'luoshi')
  return `${base}/admin/master/console/#/${realm}`
}
