-- CreateTable
CREATE TABLE "ReturnPolicy" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "document" TEXT NOT NULL,
    "reviewedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Branding" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "document" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FaqCategory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "titles" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FaqArticle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "categoryId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "position" INTEGER NOT NULL DEFAULT 0,
    "handle" TEXT NOT NULL,
    "helpfulYes" INTEGER NOT NULL DEFAULT 0,
    "helpfulNo" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FaqArticle_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "FaqCategory" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FaqArticleTranslation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answerMarkdown" TEXT NOT NULL,
    "answerHtml" TEXT NOT NULL,
    "keywords" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FaqArticleTranslation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "FaqArticle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublishState" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'never',
    "publishedAt" DATETIME,
    "snapshotHash" TEXT,
    "error" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReturnSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "request" TEXT NOT NULL,
    "shopifyReturnId" TEXT,
    "shopifyStatus" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ContactRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "orderId" TEXT,
    "orderName" TEXT,
    "customerId" TEXT,
    "locale" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME
);

-- CreateTable
CREATE TABLE "AnalyticsEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "locale" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateIndex
CREATE INDEX "FaqCategory_shop_position_idx" ON "FaqCategory"("shop", "position");

-- CreateIndex
CREATE INDEX "FaqArticle_shop_status_position_idx" ON "FaqArticle"("shop", "status", "position");

-- CreateIndex
CREATE UNIQUE INDEX "FaqArticle_shop_handle_key" ON "FaqArticle"("shop", "handle");

-- CreateIndex
CREATE INDEX "FaqArticleTranslation_shop_locale_idx" ON "FaqArticleTranslation"("shop", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "FaqArticleTranslation_articleId_locale_key" ON "FaqArticleTranslation"("articleId", "locale");

-- CreateIndex
CREATE INDEX "ReturnSubmission_shop_orderId_idx" ON "ReturnSubmission"("shop", "orderId");

-- CreateIndex
CREATE INDEX "ReturnSubmission_shop_customerId_idx" ON "ReturnSubmission"("shop", "customerId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnSubmission_shop_idempotencyKey_key" ON "ReturnSubmission"("shop", "idempotencyKey");

-- CreateIndex
CREATE INDEX "ContactRequest_shop_status_createdAt_idx" ON "ContactRequest"("shop", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ContactRequest_shop_email_idx" ON "ContactRequest"("shop", "email");

-- CreateIndex
CREATE UNIQUE INDEX "ContactRequest_shop_reference_key" ON "ContactRequest"("shop", "reference");

-- CreateIndex
CREATE INDEX "AnalyticsEvent_shop_type_createdAt_idx" ON "AnalyticsEvent"("shop", "type", "createdAt");
