import prisma from "../db.server";
import { env } from "../env.server";

/**
 * For load balancers: the app is up and its database answers. No shop data, no auth; `instance` (INSTANCE_ID,
 * when set) tells this server from another program answering on the same port.
 */
export const loader = async () => {
  const identity = env.INSTANCE_ID ? { instance: env.INSTANCE_ID } : {};
  try {
    await prisma.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", ...identity }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "database unavailable", ...identity },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
};
