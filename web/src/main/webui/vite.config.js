import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import ElementPlus from 'unplugin-element-plus/vite'
import { fileURLToPath } from 'node:url'

// Built straight into the Quarkus app's static resources (web/target/classes/META-INF/resources).
const outDir = fileURLToPath(new URL('../../../target/classes/META-INF/resources', import.meta.url))

export default defineConfig({
  // Element Plus on demand: the components a template uses (and their CSS) are imported where used, and the
  // services imported by hand (ElMessage, ElMessageBox) bring their own CSS; the whole library was 993 KB.
  // (not under vitest: the unit tests run in Node, which cannot import a stylesheet)
  plugins: [
    vue(),
    ...(process.env.VITEST ? [] : [
      Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
      ElementPlus({ useSource: false }),
    ]),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // the charting library changes less often than the app: a file of its own keeps it cached. Element Plus is
        // left to the bundler, so that each page loads only the components it uses.
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          return undefined
        },
      },
    },
  },
  // `npm run dev` on 5173 (a redirect URI of luoshi-web) with /config.json from the web module on 8080
  server: { port: 5173, strictPort: true, proxy: { '/config.json': 'http://localhost:8080' } },
  test: {
    environment: 'node',
    include: ['src/**/*.test.js'],
  },
})
