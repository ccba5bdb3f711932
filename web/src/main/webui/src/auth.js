// Login through Keycloak: authorization code flow with PKCE (S256), public client luoshi-web.
// Tokens live in this module's memory only (keycloak-js keeps them on its instance; nothing here writes them to
// localStorage or sessionStorage). A page reload therefore asks Keycloak again, silently, via check-sso.
import Keycloak from 'keycloak-js'
import { reactive } from 'vue'

export const ROLES = ['staff', 'supervisor', 'evaluator', 'admin']

export const session = reactive({
  ready: false,
  authenticated: false,
  username: '',
  name: '',
  roles: [],
  departments: [],
  organisation: null,
})

let keycloak = null

export function rolesOf(tokenParsed) {
  const realmRoles = tokenParsed?.realm_access?.roles ?? []
  return ROLES.filter((role) => realmRoles.includes(role))
}

function fillSession() {
  const token = keycloak?.tokenParsed
  session.authenticated = !!keycloak?.authenticated
  session.username = token?.preferred_username ?? ''
  session.name = displayName(token)
  session.roles = rolesOf(token)
  session.departments = token?.departments ?? []
  session.organisation = token?.organisation ?? null
}

// Chinese names are written family name first (the token's `name` is "given family")
export function displayName(token) {
  if (!token) return ''
  const { given_name: given, family_name: family } = token
  if (given && family && /[\u3400-\u9fff]/.test(given + family)) return `${family}${given}`
  return token.name || token.preferred_username || ''
}

export async function initAuth(cfg) {
  keycloak = new Keycloak({ url: cfg.keycloak.url, realm: cfg.keycloak.realm, clientId: cfg.keycloak.clientId })
  keycloak.onAuthLogout = () => fillSession()
  keycloak.onTokenExpired = () => {
    keycloak.updateToken(30).catch(() => fillSession())
  }
  try {
    await keycloak.init({
      onLoad: 'check-sso',
      pkceMethod: 'S256',
      // the iframe that polls the session would need third-party cookies; refresh failures log out instead
      checkLoginIframe: false,
      silentCheckSsoRedirectUri: `${window.location.origin}/silent-check-sso.html`,
      // keycloak-js puts the tokens on the instance only; we never hand it stored ones
      enableLogging: false,
    })
  } catch (e) {
    // Keycloak unreachable: public pages still work; login pages show the error
    console.warn('Keycloak is not reachable', e)
  }
  fillSession()
  session.ready = true
}

export function login(redirectPath) {
  const redirectUri = redirectPath ? `${window.location.origin}${redirectPath}` : window.location.href
  return keycloak.login({ redirectUri, locale: localeForKeycloak() })
}

export function logout() {
  // ends the Keycloak session (front-channel logout), not only this tab's memory
  return keycloak.logout({ redirectUri: `${window.location.origin}/` })
}

// A valid access token for an API call, refreshed when it expires within 30 seconds.
export async function accessToken() {
  if (!keycloak?.authenticated) return null
  try {
    await keycloak.updateToken(30)
  } catch (e) {
    fillSession()
    return null
  }
  return keycloak.token
}

export function hasRole(...roles) {
  return roles.some((r) => session.roles.includes(r))
}

function localeForKeycloak() {
  const lang = localStorage.getItem('luoshi.lang')
  return lang === 'en' ? 'en' : 'zh-CN'
}
