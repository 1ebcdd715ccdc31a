-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "monthlyBudgetUsd" DECIMAL(14,4);

