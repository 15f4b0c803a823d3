/**
 * A small CreativityBench-shaped task written for mmcb's tests (not taken from the CreativityBench data): the
 * same field layout as the public task files — descriptions listing parts as `name: physical — …; state — …`,
 * judge outputs marking similar parts, tagged gold attributes, items and a solution.
 */

/** A garage task: pry a paint tin open; the butter knife's blade is gold, the trowel's scoop is similar. */
export function syntheticCreativityBenchTask(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    task_id: "garage-butter-knife-4-blade-1-iter1-medium-3entity-sample2",
    scenario: "garage",
    setting: { difficulty: "medium", entity_count: 3, scenario: "garage" },
    golds: [
      {
        gold_entity: "butter knife 4",
        gold_part: "blade",
        gold_affordance: {
          use_condition: "Slide the tip under the rim.",
          attribute: [
            ["thickness: thin", "physical", "visual"],
            ["rigidity: very rigid", "physical"],
            ["material: stainless steel", "physical", "visual"],
            ["moisture: wet", "state"],
            ["local_features: rounded tip", "physical", "visual"],
            ["colour: silver", "physical", "visual"],
          ],
          affordance: "pry a lid up by levering under its rim",
          level: "Emergency 2 (plausible)",
        },
      },
    ],
    entities: [
      {
        name: "butter knife 4",
        description:
          "handle: physical — A light, rigid wooden handle with a smooth oiled surface.; state — Visible and freely accessible; dry at room temperature.. " +
          "blade [gold part]: physical — A thin, rigid stainless steel blade with a rounded tip.; state — Visible and free to grab; dry at room temperature..",
        judge_output: {
          handle: { similar_affordance: "No", affordance: "NA", decision_making_difficulty: "NA", gold_change: "No" },
        },
      },
      {
        name: "garden trowel 2",
        description:
          "scoop: physical — A thin, rigid steel scoop with a smooth painted surface.; state — Partially visible and partially blocked by a flower pot; slightly wet at room temperature.. " +
          "grip: physical — A soft, flexible rubber grip that is light and non-elastic.; state — Visible and freely accessible; dry and slightly cold..",
        judge_output: {
          scoop: {
            similar_affordance: "Yes",
            affordance: {
              use_condition: "Push the scoop edge under the rim.",
              attribute: [
                ["the scoop is stiff enough to lever", "rigidity: rigid; thickness: thin"],
                ["it is a little wet", "state: moisture is slightly wet"],
              ],
              affordance: "lever a lid open with the scoop edge",
            },
            decision_making_difficulty: "4",
            gold_change: "No",
          },
          grip: { similar_affordance: "No", affordance: "NA", decision_making_difficulty: "NA", gold_change: "No" },
        },
      },
      {
        name: "cotton rag 7",
        description:
          "cloth: physical — A soft, flexible cotton cloth, thin and light.; state — Hidden under the bench and blocked by boxes; damp and cold..",
        judge_output: {
          cloth: { similar_affordance: "No", affordance: "NA", decision_making_difficulty: "NA", gold_change: "No" },
        },
      },
    ],
    items: [
      { name: "paint tin", description: "A metal tin of paint with a tight lid.", interactable: "Yes" },
      { name: "workbench", description: "A wooden bench that should not get paint on it.", interactable: "No" },
      { name: "fresh paint", description: "Wet paint on a board.", interactable: "No" },
    ],
    environment: "I am in the garage. Around me there is the butter knife 4, the garden trowel 2 and the cotton rag 7.",
    task: "The lid of the paint tin on my workbench is stuck and I have no screwdriver. What can I use to pry it open?",
    solution: {
      prepare_recipient: "Put the tin on a flat surface.",
      apply_affordance:
        "Slide the blade under the rim and lever gently around the lid. (Note: Verify the blade is dry.)",
    },
    ...overrides,
  };
}
