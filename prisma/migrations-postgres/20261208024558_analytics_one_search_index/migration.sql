-- DropIndex
DROP INDEX "AnalyticsEvent_shop_type_query_sessionId_createdAt_idx";
