/**
 * The request/response contract between Node (`render3d/node/`) and the renderer page (`render3d/browser/`).
 * Plain data only. Lengths in mm, angles in degrees.
 */
import type { ModelSpec, Vec3 } from "./model/types";

/** An object placed on the surface: the renderer rests its lowest point on the surface and centres it at (x, z). */
export interface PlacedObject {
  readonly key: string;
  readonly model: ModelSpec;
  readonly x: number;
  readonly z: number;
  /** Turn about the vertical, degrees. */
  readonly yaw: number;
  /** Seed for droplets/cracks/dirt. */
  readonly seed?: number;
}

export type ViewCamera =
  | { readonly mode: "scene" }
  | { readonly mode: "object"; readonly key: string; readonly from?: Vec3 }
  | { readonly mode: "part"; readonly key: string; readonly part: string; readonly from?: Vec3 };

export interface ViewRequest {
  readonly width: number;
  readonly height: number;
  /** `studio` or a setting name (kitchen, garage, …). */
  readonly backdrop: string;
  readonly objects: readonly PlacedObject[];
  readonly camera: ViewCamera;
  /** Also render the ID pass (one id per object key + part). */
  readonly idPass?: boolean;
  /** With idPass: also render each object alone to count its unoccluded pixels per part. */
  readonly soloCounts?: boolean;
}

/** The camera as resolved by the renderer (enough to re-render). */
export interface ResolvedCamera {
  readonly position: Vec3;
  readonly target: Vec3;
  readonly fov: number;
}

export interface IdLegendEntry {
  readonly key: string;
  readonly part: string | null;
}

export interface ViewResponse {
  /** PNG, base64. */
  readonly png: string;
  readonly camera: ResolvedCamera;
  readonly ids?: {
    readonly legend: readonly IdLegendEntry[];
    /** One byte per pixel, row-major from the top-left: 0 = background/props, i + 1 = legend[i]. base64. */
    readonly data: string;
  };
  /** Unoccluded pixel count per legend index (soloCounts). */
  readonly solo?: readonly number[];
  readonly ms: number;
}
