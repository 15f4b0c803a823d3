/** Every scenario spec, in the order the generator writes them: the first six, then setting by setting. */
import type { AuthoredSpec } from "../uses";
import { BATHROOM_SPECS } from "./bathroom";
import { bathroomSplinter } from "./bathroom-splinter";
import { BEDROOM_SPECS } from "./bedroom";
import { DINING_ROOM_SPECS } from "./dining-room";
import { GARAGE_SPECS } from "./garage";
import { garagePaintTinLid } from "./garage-paint-tin-lid";
import { GARDEN_SPECS } from "./garden";
import { gardenFrisbeeRoof } from "./garden-frisbee-roof";
import { HOME_OFFICE_SPECS } from "./home-office";
import { KITCHEN_SPECS } from "./kitchen";
import { kitchenParcelTape } from "./kitchen-parcel-tape";
import { LIVING_ROOM_SPECS } from "./living-room";
import { livingRoomPictureNail } from "./living-room-picture-nail";
import { officeGlassesScrew } from "./office-glasses-screw";
import { OUTDOORS_SPECS } from "./outdoors";
import { WORKSHOP_SPECS } from "./workshop";

export const SCENARIO_SPECS: readonly AuthoredSpec[] = [
  garagePaintTinLid,
  officeGlassesScrew,
  kitchenParcelTape,
  gardenFrisbeeRoof,
  bathroomSplinter,
  livingRoomPictureNail,
  ...KITCHEN_SPECS,
  ...GARAGE_SPECS,
  ...GARDEN_SPECS,
  ...BATHROOM_SPECS,
  ...HOME_OFFICE_SPECS,
  ...LIVING_ROOM_SPECS,
  ...DINING_ROOM_SPECS,
  ...BEDROOM_SPECS,
  ...OUTDOORS_SPECS,
  ...WORKSHOP_SPECS,
];
