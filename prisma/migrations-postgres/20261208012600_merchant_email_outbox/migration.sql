-- CreateTable
CREATE TABLE "MerchantEmail" (
    "id" TEXT NOT NULL,
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
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MerchantEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MerchantEmail_status_nextAttemptAt_idx" ON "MerchantEmail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "MerchantEmail_contactRequestId_idx" ON "MerchantEmail"("contactRequestId");

-- CreateIndex
CREATE UNIQUE INDEX "MerchantEmail_shop_dedupeKey_key" ON "MerchantEmail"("shop", "dedupeKey");

-- AddForeignKey
ALTER TABLE "MerchantEmail" ADD CONSTRAINT "MerchantEmail_contactRequestId_fkey" FOREIGN KEY ("contactRequestId") REFERENCES "ContactRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
