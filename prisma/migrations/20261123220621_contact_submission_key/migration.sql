-- AlterTable
ALTER TABLE "ContactRequest" ADD COLUMN "submissionKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ContactRequest_shop_submissionKey_key" ON "ContactRequest"("shop", "submissionKey");
