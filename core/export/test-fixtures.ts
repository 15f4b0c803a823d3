/**
 * Hand-made material for the export tests: a small scenario (open a parcel; the key's teeth saw the tape,
 * its tip is similar, a sponge and a spoon are distractors) and traces played through the real engine.
 */
import { applyTurn, initialState, type EpisodeTrace, type RawCall } from "../engine";
import { scenarioSchema, type Scenario } from "../scenario";
import { scoreEpisode, type EpisodeMetrics } from "../scoring";

export function parcelScenario(): Scenario {
  const box = (x: number, y: number) => ({ box: [x, y, 40, 40] as [number, number, number, number] });
  return scenarioSchema.parse({
    schemaVersion: 1,
    id: "open-parcel",
    version: 2,
    title: "Open a taped parcel",
    setting: "kitchen",
    task: "A parcel is sealed with packing tape and I have no scissors. What can I use to cut the tape?",
    constraints: ["No scissors or knife", "Do not damage what is inside"],
    distractorSimilarity: "mixed",
    scene: { image: "scene.png", width: 400, height: 300 },
    entities: [
      {
        id: "key",
        name: "house key",
        region: box(10, 10),
        description: "A brass house key.",
        parts: [
          {
            id: "teeth",
            name: "teeth",
            region: box(10, 10),
            description: "The toothed edge of the blade.",
            attributes: [
              { name: "shape", value: "serrated", visual: true },
              { name: "material", value: "metallic", visual: true },
              { name: "rigidity", value: "rigid", visual: false },
              { name: "local_features", value: "small notches", visual: true },
            ],
            affordances: ["saw through tape", "open a lock"],
          },
          {
            id: "tip",
            name: "tip",
            region: box(20, 20),
            description: "The narrow tip of the blade.",
            attributes: [
              { name: "shape", value: "pointed", visual: true },
              { name: "material", value: "metal", visual: true },
            ],
            affordances: ["puncture tape"],
          },
          {
            id: "bow",
            name: "bow",
            region: box(30, 30),
            description: "The round head you hold.",
            attributes: [{ name: "shape", value: "round", visual: true }],
            affordances: ["hold the key"],
          },
        ],
      },
      {
        id: "sponge",
        name: "kitchen sponge",
        region: box(100, 100),
        description: "A soft yellow sponge.",
        parts: [
          {
            id: "pad",
            name: "pad",
            region: box(100, 100),
            description: "The foam pad.",
            attributes: [
              { name: "material", value: "foam", visual: true },
              { name: "rigidity", value: "soft", visual: false },
            ],
            affordances: ["wipe a surface"],
          },
        ],
      },
      {
        id: "spoon",
        name: "teaspoon",
        region: box(200, 100),
        description: "A steel teaspoon.",
        parts: [
          {
            id: "handle",
            name: "handle",
            region: box(200, 100),
            description: "The long handle.",
            attributes: [{ name: "shape", value: "elongated", visual: true }],
            affordances: ["stir"],
          },
          {
            id: "bowl",
            name: "bowl",
            region: box(220, 120),
            description: "The bowl.",
            attributes: [{ name: "shape", value: "curved", visual: true }],
            affordances: ["scoop"],
          },
        ],
      },
    ],
    gold: [
      {
        entity: "key",
        part: "teeth",
        affordance: "saw through tape",
        requiredAttributes: [
          { name: "shape", value: "serrated" },
          { name: "rigidity", value: "rigid" },
        ],
        howTo: "Drag the key's teeth along the tape seam, sawing back and forth.",
      },
    ],
    similar: [{ entity: "key", part: "tip", difficulty: 2 }],
    source: { kind: "authored", license: "CC-BY-4.0", attribution: "mmcb tests" },
  });
}

export interface PlayOptions {
  readonly maxTurns?: number;
  readonly observation?: "image" | "hybrid" | "text";
  readonly imageHistory?: "last" | "all" | "none";
  readonly reasoningHistory?: "keep" | "drop";
  readonly systemPrompt?: string;
  readonly episodeId?: string;
  readonly agent?: string;
  /** Assistant text per turn (index = turn − 1). */
  readonly texts?: readonly (string | undefined)[];
}

/** Plays the given turns through the engine and returns the trace with its metrics. */
export function play(
  scenario: Scenario,
  turns: readonly (readonly RawCall[])[],
  options: PlayOptions = {},
): { trace: EpisodeTrace; metrics: EpisodeMetrics } {
  const engine = { maxTurns: options.maxTurns ?? 15, observation: options.observation ?? "image" } as const;
  let state = initialState();
  turns.forEach((calls, i) => {
    const text = options.texts?.[i];
    state = applyTurn(scenario, state, { calls, ...(text !== undefined ? { assistantText: text } : {}) }, engine).state;
  });
  const trace: EpisodeTrace = {
    schemaVersion: 1,
    episodeId: options.episodeId ?? "ep-1",
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    agent: { kind: "model", name: options.agent ?? "test-model" },
    config: {
      engine: {
        maxTurns: engine.maxTurns,
        observation: engine.observation,
        imageHistory: options.imageHistory ?? "last",
        reasoningHistory: options.reasoningHistory ?? "keep",
        entityLabels: "names",
      },
      systemPrompt: options.systemPrompt ?? "You are a careful test solver.",
    },
    seed: 1,
    steps: state.steps,
    endReason: state.endReason ?? "budget",
  };
  return { trace, metrics: scoreEpisode(scenario, trace).metrics };
}

/** Calls, tersely. */
export const call = {
  plan: (...ids: string[]): RawCall => ({ tool: "plan_exploration", args: { entity_ids: ids } }),
  entity: (entity_id: string): RawCall => ({ tool: "inspect_entity", args: { entity_id } }),
  part: (entity_id: string, part_id: string): RawCall => ({ tool: "inspect_part", args: { entity_id, part_id } }),
  assess: (entity_id: string, part_id: string, suitable: boolean, claims: [string, string][]): RawCall => ({
    tool: "assess_part",
    args: {
      entity_id,
      part_id,
      suitable,
      observed_attributes: claims.map(([name, value]) => ({ name, value })),
      rationale: "test",
    },
  }),
  submit: (entity_id: string, part_id: string, claims: [string, string][] = []): RawCall => ({
    tool: "submit_answer",
    args: {
      entity_id,
      part_id,
      affordance: "saw through tape",
      attributes_used: claims.map(([name, value]) => ({ name, value })),
      how_to_use: "Saw the tape.",
    },
  }),
};

/** The oracle's path on the parcel scenario, as a model would play it. */
export function oracleTurns(): RawCall[][] {
  return [
    [call.plan("key"), call.entity("key")],
    [
      call.part("key", "teeth"),
      call.assess("key", "teeth", true, [
        ["shape", "serrated"],
        ["material", "metal"],
      ]),
    ],
    [
      call.submit("key", "teeth", [
        ["shape", "serrated"],
        ["rigidity", "rigid"],
      ]),
    ],
  ];
}
