// The catalogues: zh-CN.js and en.js, plus any i18n/areas/<name>.js exporting { 'zh-CN': {...}, en: {...} }
// (one per area of pages, so that an area adds its strings without touching the shared files).
import zhCN from './zh-CN.js'
import en from './en.js'

const areaCatalogues = import.meta.glob('./areas/*.js', { eager: true })

export function deepMerge(target, source) {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      target[key] = deepMerge(target[key] && typeof target[key] === 'object' ? target[key] : {}, value)
    } else {
      target[key] = value
    }
  }
  return target
}

export function mergeCatalogues(base, areas) {
  const merged = { 'zh-CN': deepMerge({}, base['zh-CN']), en: deepMerge({}, base.en) }
  for (const area of areas) {
    for (const lang of Object.keys(merged)) deepMerge(merged[lang], area[lang] ?? {})
  }
  return merged
}

export const messages = mergeCatalogues(
  { 'zh-CN': zhCN, en },
  Object.values(areaCatalogues).map((m) => m.default),
)
