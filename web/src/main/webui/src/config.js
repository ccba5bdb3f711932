// The deployment's addresses, served by the web module at /config.json (see ConfigResource.java).
let loaded = null

export async function loadConfig(fetchImpl = fetch) {
  if (loaded) return loaded
  const response = await fetchImpl('/config.json', { cache: 'no-store' })
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`)
  loaded = await response.json()
  return loaded
}

export function config() {
  if (!loaded) throw new Error('config not loaded yet')
  return loaded
}

export function setConfigForTests(value) {
  loaded = value
}
