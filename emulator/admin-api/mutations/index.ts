import type { View } from "../resolvers/common";
import { metafieldsDelete, metafieldsSet } from "./metafields";
import {
  returnApproveRequest,
  returnCancel,
  returnClose,
  returnCreate,
  returnDeclineRequest,
  returnReopen,
  returnRequest,
} from "./returns";

/** The Mutation root: only the mutations listed here are modelled. */
export function mutationRoot(): View {
  return {
    returnRequest,
    returnCreate,
    returnApproveRequest,
    returnDeclineRequest,
    returnCancel,
    returnClose,
    returnReopen,
    metafieldsSet,
    metafieldsDelete,
  };
}
