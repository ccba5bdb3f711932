import { ref, onMounted, onBeforeUnmount } from 'vue'

// Below this width (a phone, upright) staff screens show cards instead of tables, and filters fold away; the menu
// turns into a drawer at the same width (AppLayout).
export const NARROW_QUERY = '(max-width: 767px)'

// Whether the window is narrow now, followed as it changes (rotation, a resized window).
export function useNarrow() {
  const media = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(NARROW_QUERY) : null
  const narrow = ref(media ? media.matches : false)
  const follow = (e) => { narrow.value = e.matches }
  onMounted(() => media?.addEventListener('change', follow))
  onBeforeUnmount(() => media?.removeEventListener('change', follow))
  return narrow
}
