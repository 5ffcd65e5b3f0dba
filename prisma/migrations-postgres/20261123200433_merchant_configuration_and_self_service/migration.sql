-- CreateTable
CREATE TABLE "ReturnPolicy" (
    "shop" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReturnPolicy_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "Branding" (
    "shop" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Branding_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "FaqCategory" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "titles" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FaqCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FaqArticle" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "categoryId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "position" INTEGER NOT NULL DEFAULT 0,
    "handle" TEXT NOT NULL,
    "helpfulYes" INTEGER NOT NULL DEFAULT 0,
    "helpfulNo" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FaqArticle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FaqArticleTranslation" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answerMarkdown" TEXT NOT NULL,
    "answerHtml" TEXT NOT NULL,
    "keywords" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FaqArticleTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishState" (
    "shop" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'never',
    "publishedAt" TIMESTAMP(3),
    "snapshotHash" TEXT,
    "error" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublishState_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "ReturnSubmission" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "request" TEXT NOT NULL,
    "shopifyReturnId" TEXT,
    "shopifyStatus" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReturnSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactRequest" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "ContactRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnalyticsEvent" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "locale" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnalyticsEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimiterFlexible_pkey" PRIMARY KEY ("key")
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

-- AddForeignKey
ALTER TABLE "FaqArticle" ADD CONSTRAINT "FaqArticle_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "FaqCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FaqArticleTranslation" ADD CONSTRAINT "FaqArticleTranslation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "FaqArticle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
