-- Single sign-on: people who sign in only with their identity provider have no password, and
-- email domains map them to an organisation (one organisation per domain).
ALTER TABLE "User" ALTER COLUMN "passwordHash" DROP NOT NULL;

CREATE TABLE "SsoDomain" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'member',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoDomain_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "SsoDomain_domain_key" ON "SsoDomain"("domain");
CREATE INDEX "SsoDomain_tenantId_idx" ON "SsoDomain"("tenantId");

ALTER TABLE "SsoDomain" ADD CONSTRAINT "SsoDomain_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
