-- CreateTable
CREATE TABLE "MerchantEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "contactRequestId" TEXT,
    "toAddress" TEXT NOT NULL,
    "fromAddress" TEXT NOT NULL,
    "replyToName" TEXT,
    "replyToAddress" TEXT,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MerchantEmail_contactRequestId_fkey" FOREIGN KEY ("contactRequestId") REFERENCES "ContactRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MerchantEmail_status_nextAttemptAt_idx" ON "MerchantEmail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "MerchantEmail_contactRequestId_idx" ON "MerchantEmail"("contactRequestId");

-- CreateIndex
CREATE UNIQUE INDEX "MerchantEmail_shop_dedupeKey_key" ON "MerchantEmail"("shop", "dedupeKey");
