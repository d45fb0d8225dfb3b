import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Security headers of every response (pages get their content security policy with a nonce from
// proxy.ts). HSTS only in production (next build, next start), never in next dev.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Nothing here uses the camera, microphone, location, payments or USB; video may go full screen.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self)" },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  // Browsers ignore it over plain http (npm start on a LAN), so it is safe to send from every production build.
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
];

// Route handlers answer JSON and files, never a page: nothing in them may run, load or be framed.
const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules stay outside the server bundle (STACK.md: better-sqlite3 must).
  serverExternalPackages: ["better-sqlite3", "pdfkit", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
    ];
  },
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
