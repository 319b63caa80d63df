import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API server; in production it serves this app's dist/ itself, so only the dev server needs to know it.
const API_TARGET = "http://localhost:4000";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/graphql": { target: API_TARGET, ws: true },
      "/healthz": { target: API_TARGET },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Ant Design alone is ~800 kB minified (~250 kB gzip) once Table is in; it is one cached vendor chunk.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL ships React Compiler output with "use no memo" directives: dropping them when bundling is harmless.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.id?.includes("node_modules")) return;
        warn(warning);
      },
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            {
              name: "antd",
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|dayjs)[\\/]/,
              priority: 20,
            },
            {
              name: "apollo",
              test: /node_modules[\\/](@apollo|graphql|graphql-ws|rxjs|@wry|optimism)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
