-- AlterTable
ALTER TABLE "AnalyticsEvent" ADD COLUMN     "helpful" BOOLEAN,
ADD COLUMN     "query" TEXT;

-- CreateTable
CREATE TABLE "AnalyticsSession" (
    "shop" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "helped" BOOLEAN NOT NULL DEFAULT false,
    "contacted" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "AnalyticsSession_pkey" PRIMARY KEY ("shop","sessionId")
);

-- CreateIndex
CREATE INDEX "AnalyticsSession_shop_lastSeenAt_helped_contacted_idx" ON "AnalyticsSession"("shop", "lastSeenAt", "helped", "contacted");

-- CreateIndex
CREATE INDEX "AnalyticsEvent_shop_type_helpful_createdAt_idx" ON "AnalyticsEvent"("shop", "type", "helpful", "createdAt");

-- CreateIndex
CREATE INDEX "AnalyticsEvent_shop_query_sessionId_type_createdAt_idx" ON "AnalyticsEvent"("shop", "query", "sessionId", "type", "createdAt");

-- CreateIndex
CREATE INDEX "AnalyticsEvent_shop_type_query_sessionId_createdAt_idx" ON "AnalyticsEvent"("shop", "type", "query", "sessionId", "createdAt");

-- The visits so far, and the ratings' answers as a column.
INSERT INTO "AnalyticsSession" ("shop", "sessionId", "lastSeenAt", "helped", "contacted")
SELECT "shop", "sessionId", MAX("createdAt"),
       bool_or("type" IN ('article_open', 'tracking_view', 'return_started', 'search')),
       bool_or("type" = 'contact_sent')
FROM "AnalyticsEvent" GROUP BY "shop", "sessionId";
UPDATE "AnalyticsEvent" SET "helpful" = CASE WHEN "data" LIKE '%"helpful":true%' THEN true WHEN "data" LIKE '%"helpful":false%' THEN false END WHERE "type" = 'article_helpful';

-- Search text stored before the stronger scrubber may hold names, addresses or spelled-out emails, and SQL cannot
-- scrub it again: it is removed, the events themselves (visits, ratings) stay.
UPDATE "AnalyticsEvent" SET "data" = (("data"::jsonb) - 'query')::text WHERE "type" IN ('search', 'search_no_results') AND "data" LIKE '%"query"%';
