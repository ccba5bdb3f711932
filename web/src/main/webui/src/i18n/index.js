import { createI18n } from 'vue-i18n'
import { ref } from 'vue'
import elZhCn from 'element-plus/es/locale/lang/zh-cn'
import elEn from 'element-plus/es/locale/lang/en'
import zhCN from './zh-CN.js'
import en from './en.js'

export const LANGUAGES = ['zh-CN', 'en']
const STORAGE_KEY = 'luoshi.lang'

// Only the language is remembered between visits (never a token).
function initialLanguage() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    if (LANGUAGES.includes(stored)) return stored
  } catch (e) {
    // storage disabled: Chinese
  }
  return 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLanguage(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

const elementLocales = { 'zh-CN': elZhCn, en: elEn }
export const elementLocale = ref(elementLocales[i18n.global.locale.value])

export function setLanguage(lang) {
  if (!LANGUAGES.includes(lang)) return
  i18n.global.locale.value = lang
  elementLocale.value = elementLocales[lang]
  document.documentElement.lang = lang
  try {
    localStorage.setItem(STORAGE_KEY, lang)
  } catch (e) {
    // not remembered; still switched
  }
}
