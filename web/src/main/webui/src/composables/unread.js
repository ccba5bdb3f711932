import { ref } from 'vue'
import { api } from '../api.js'

// The header's count of the caller's unread notifications, shared with the notifications page, which refreshes it
// after marking some read. A failed count leaves the badge as it was: the page itself reports errors.
export const unread = ref(0)

export async function refreshUnread() {
  try {
    const data = await api.get('workflow', '/api/notifications/unread-count')
    unread.value = data?.unread ?? 0
  } catch {
    // the badge is a hint; the notifications page shows what went wrong
  }
}

export async function markRead(id) {
  await api.put('workflow', `/api/notifications/${encodeURIComponent(id)}/read`)
  await refreshUnread()
}

export async function markAllRead() {
  const data = await api.put('workflow', '/api/notifications/read')
  await refreshUnread()
  return data?.marked ?? 0
}
