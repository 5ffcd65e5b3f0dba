-- AlterTable
ALTER TABLE "ReturnSubmission" ADD COLUMN "filingAttempt" TEXT;
