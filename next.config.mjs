import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules stay outside the server bundle (STACK.md: better-sqlite3 must).
  serverExternalPackages: ["better-sqlite3", "pdfkit", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
  // A benchmark may build into its own folder (NEXT_DIST_DIR) so that it does not replace the build
  // another run is serving from.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Benchmark builds skip the type check (npm test runs tsc as its first step; a benchmark measures).
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  experimental: {
    // forbidden() renders app/forbidden.tsx with HTTP 403.
    authInterrupts: true,
  },
};

export default withNextIntl(nextConfig);
