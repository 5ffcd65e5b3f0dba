import { z } from "zod";

/** The save's envelope; the policy document itself is validated by the policy model (`ReturnPolicy.server.ts`). */
export const saveSchema = z.object({ policy: z.unknown() });
