import { describe, it, expect } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import zhCN from '../i18n/zh-CN.js'
import en from '../i18n/en.js'

const SRC = join(__dirname, '..')
const CATALOGUE_DIR = join(SRC, 'i18n')

function keysOf(messages, prefix = '') {
  return Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === '__tests__' ? [] : sourceFiles(path)
    return /\.(vue|js)$/.test(name) ? [path] : []
  })
}

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/

describe('the message catalogues', () => {
  it('have the same keys in Chinese and English', () => {
    const zhKeys = keysOf(zhCN).sort()
    const enKeys = keysOf(en).sort()
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([])
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([])
  })

  it('have no empty message', () => {
    for (const [lang, messages] of [['zh-CN', zhCN], ['en', en]]) {
      const empty = keysOf(messages).filter((k) => k.split('.').reduce((m, part) => m[part], messages).trim() === '')
      expect(empty, lang).toEqual([])
    }
  })

  it('contain every literal key the code asks for', () => {
    const known = new Set(keysOf(zhCN))
    const missing = []
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        if (!known.has(match[1])) missing.push(`${relative(SRC, file)}: ${match[1]}`)
      }
    }
    expect(missing).toEqual([])
  })
})

describe('user-visible text', () => {
  it('comes only from the catalogues: no Chinese characters in any .vue or .js file outside them', () => {
    const offenders = []
    for (const file of sourceFiles(SRC)) {
      if (file.startsWith(CATALOGUE_DIR)) continue
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (CJK.test(line)) offenders.push(`${relative(SRC, file)}:${i + 1}: ${line.trim()}`)
        })
    }
    expect(offenders).toEqual([])
  })
})
