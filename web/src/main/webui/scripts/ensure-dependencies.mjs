// Runs `npm ci` when node_modules does not match package-lock.json (first build, or the lock changed), and
// nothing otherwise: every Maven build would else reinstall the whole tree. --prefer-offline uses the npm cache.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { execSync } from 'node:child_process'

const lock = readFileSync('package-lock.json')
const digest = createHash('sha256').update(lock).digest('hex')
const marker = 'node_modules/.luoshi-lock-sha256'
if (existsSync(marker) && readFileSync(marker, 'utf8') === digest) {
  console.log('node_modules matches package-lock.json')
} else {
  execSync('npm ci --prefer-offline --no-audit --no-fund', { stdio: 'inherit' })
  writeFileSync(marker, digest)
}
