import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/**
 * Vendor chunks for React (with react-dom and the router) and for i18next/TanStack Query,
 * which every page needs and which change rarely. Ant Design is left to the bundler's own
 * splitting on purpose: one antd chunk would put the workbench's tables, trees and date
 * pickers on the citizen portal's first load; split by use, the portal loads only the
 * components it shows and the workbench's pages fetch the rest when opened.
 */
function vendorChunk(id: string): string | null {
  if (!id.includes('node_modules')) return null;
  if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
  if (/node_modules\/(i18next|react-i18next|@tanstack\/[^/]+)\//.test(id)) return 'libs';
  if (/node_modules\/(echarts|zrender|tslib)\//.test(id)) return 'echarts';
  return null;
}

export default defineConfig({
  root: path.resolve(import.meta.dirname),
  // Each text file beside its brotli (.br) and gzip (.gz) form; the server sends the one the browser accepts.
  plugins: [
    react(),
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' }),
  ],
  build: {
    outDir: path.resolve(import.meta.dirname, '../dist/app'),
    emptyOutDir: true,
    // The chart library (≈ 560 kB, 180 kB gzip) is one chunk, loaded only by the statistics pages.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: vendorChunk, debugName: 'vendor' }],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
