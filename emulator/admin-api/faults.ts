/**
 * Faults tests inject to see how the app copes with Shopify misbehaving. Each request consumes the
 * faults that apply to it: latency faults delay it, then the first throttled/server-error fault
 * replaces its answer.
 */
export type Fault = {
  kind: "throttled" | "server-error" | "latency";
  /** How many requests the fault applies to (default 1; Infinity for "until cleared"). */
  times?: number;
  latencyMs?: number;
  /** Only requests for the operation with this name. */
  operationName?: string;
  /** HTTP status of a server error: 500 (default), 502 or 503. The Shopify library retries 503 only. */
  status?: 500 | 502 | 503;
};

interface PendingFault extends Fault {
  remaining: number;
}

export class FaultQueue {
  private pending: PendingFault[] = [];

  add(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!(times > 0)) throw new Error(`Fault times must be positive, got ${times}`);
    if (fault.kind === "latency" && !(fault.latencyMs && fault.latencyMs > 0))
      throw new Error("A latency fault needs latencyMs > 0");
    this.pending.push({ ...fault, remaining: times });
  }

  clear(): void {
    this.pending = [];
  }

  /** Takes the faults that apply to a request for `operationName`. */
  take(operationName: string | null): { latencyMs: number; failure: PendingFault | null } {
    const applies = (f: PendingFault) =>
      f.remaining > 0 && (f.operationName === undefined || f.operationName === operationName);
    let latencyMs = 0;
    for (const fault of this.pending.filter((f) => f.kind === "latency" && applies(f))) {
      latencyMs += fault.latencyMs ?? 0;
      fault.remaining -= 1;
    }
    const failure = this.pending.find((f) => f.kind !== "latency" && applies(f)) ?? null;
    if (failure) failure.remaining -= 1;
    this.pending = this.pending.filter((f) => f.remaining > 0);
    return { latencyMs, failure };
  }
}

const SERVER_ERROR_TEXT: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

/** Shopify's body for a 5xx from the GraphQL endpoint: `errors` is a string, not a list. */
export function serverErrorBody(status: number): { errors: string } {
  return { errors: SERVER_ERROR_TEXT[status] ?? "Internal Server Error" };
}
