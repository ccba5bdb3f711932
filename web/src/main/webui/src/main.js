import { createApp } from 'vue'
// Element Plus' components and their CSS are imported where used (vite.config.js); only its base variables here
import 'element-plus/theme-chalk/base.css'
import './styles.css'
import App from './App.vue'
import { i18n } from './i18n/index.js'
import { loadConfig } from './config.js'
import { initAuth } from './auth.js'
import { createAppRouter } from './router.js'

async function start() {
  const cfg = await loadConfig()
  await initAuth(cfg)
  const app = createApp(App)
  app.use(i18n)
  app.use(createAppRouter())
  app.mount('#app')
}

start().catch((e) => {
  // no catalogue yet when the configuration itself is missing: a plain bilingual line from the page's data attribute
  const root = document.getElementById('app')
  root.textContent = `${root.dataset.startFailed || 'Luoshi could not start'}: ${e.message}`
})
