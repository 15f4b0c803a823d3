/** Every scenario spec, in the order the generator writes them. */
import type { ScenarioSpec } from "@/lib/artwork/types";
import { bathroomSplinter } from "./bathroom-splinter";
import { gardenFrisbeeRoof } from "./garden-frisbee-roof";
import { garagePaintTinLid } from "./garage-paint-tin-lid";
import { kitchenParcelTape } from "./kitchen-parcel-tape";
import { livingRoomPictureNail } from "./living-room-picture-nail";
import { officeGlassesScrew } from "./office-glasses-screw";

export const SCENARIO_SPECS: readonly ScenarioSpec[] = [
  garagePaintTinLid,
  officeGlassesScrew,
  kitchenParcelTape,
  gardenFrisbeeRoof,
  bathroomSplinter,
  livingRoomPictureNail,
];
