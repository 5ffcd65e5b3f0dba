/**
 * Shopify's leaky bucket for GraphQL (standard plan figures): 2,000 points, refilled at 100 points
 * a second. The emulator reports it in every response; it only refuses requests when asked to
 * (`enforceRateLimit`), because demo and test runs would otherwise depend on wall-clock timing.
 */
export const BUCKET_SIZE = 2000;
export const RESTORE_RATE = 100;

export class ThrottleBucket {
  private available = BUCKET_SIZE;
  private updatedAt = performance.now();

  private refill(): void {
    const now = performance.now();
    this.available = Math.min(BUCKET_SIZE, this.available + ((now - this.updatedAt) / 1000) * RESTORE_RATE);
    this.updatedAt = now;
  }

  canAfford(cost: number): boolean {
    this.refill();
    return this.available >= cost;
  }

  spend(cost: number): void {
    this.refill();
    this.available = Math.max(0, this.available - cost);
  }

  status(): { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } {
    this.refill();
    return { maximumAvailable: BUCKET_SIZE, currentlyAvailable: Math.floor(this.available), restoreRate: RESTORE_RATE };
  }

  reset(): void {
    this.available = BUCKET_SIZE;
    this.updatedAt = performance.now();
  }
}
