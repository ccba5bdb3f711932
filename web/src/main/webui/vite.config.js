import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

// Built straight into the Quarkus app's static resources (web/target/classes/META-INF/resources).
const outDir = fileURLToPath(new URL('../../../target/classes/META-INF/resources', import.meta.url))

export default defineConfig({
  plugins: [vue()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // the libraries change less often than the app: separate files keep them cached
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/element-plus')) return 'element-plus'
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
